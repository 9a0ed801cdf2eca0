/// One linear pass over a document's bytes that counts elements and each start tag's
/// attributes, so that ``XMLLimits`` are enforced before libxml2 does quadratic work.
///
/// It recognises only what it must to count correctly: comments, CDATA sections, processing
/// instructions and declarations are skipped, quoted attribute values may hold `=` and `>`.
/// It is not a parser: libxml2 judges well-formedness afterwards. It reads one byte per
/// character, ASCII as itself: a document in another encoding is read through
/// ``SourceEncoding/scanned(_:)`` first, which refuses what it cannot read that way.
enum SourceScan {
    /// What went over a limit, and where (1-based).
    struct Excess: Equatable {
        enum What: Equatable {
            case elements(limit: Int)
            case attributes(count: Int, limit: Int)
        }

        var what: What
        var line: Int
        var column: Int
    }

    static func check(_ bytes: [UInt8], against limits: XMLLimits) -> Excess? {
        // Almost every document keeps its limits: count without lines and columns first, and
        // scan again for the place only when a limit is passed.
        if bytes.withUnsafeBufferPointer({ withinLimits($0, limits) }) { return nil }
        return scan(bytes, against: limits)
    }

    /// ``check(_:against:)`` the slow way, keeping the place of every tag.
    static func scan(_ bytes: [UInt8], against limits: XMLLimits) -> Excess? {
        var scanner = Scanner(bytes: bytes)
        var elements = 0
        while let byte = scanner.next() {
            guard byte == UInt8(ascii: "<") else { continue }
            let tagLine = scanner.line
            let tagColumn = scanner.column
            switch scanner.peek() {
            case UInt8(ascii: "!"):
                if scanner.consume("!--") {
                    scanner.skip(past: "-->")
                } else if scanner.consume("![CDATA[") {
                    scanner.skip(past: "]]>")
                } else {
                    scanner.skip(past: ">")
                }
            case UInt8(ascii: "?"):
                scanner.skip(past: "?>")
            case UInt8(ascii: "/"):
                scanner.skip(past: ">")
            case nil:
                return nil
            default:
                elements += 1
                if elements > limits.elements {
                    return Excess(what: .elements(limit: limits.elements), line: tagLine, column: tagColumn)
                }
                let attributes = scanner.countAttributesOfTag()
                if attributes > limits.attributesPerElement {
                    return Excess(
                        what: .attributes(count: attributes, limit: limits.attributesPerElement),
                        line: tagLine, column: tagColumn)
                }
            }
        }
        return nil
    }

    /// Whether a document keeps `limits`: the scan below, by pointer, without keeping a place.
    private static func withinLimits(_ bytes: UnsafeBufferPointer<UInt8>, _ limits: XMLLimits) -> Bool {
        let count = bytes.count
        var index = 0
        var elements = 0
        /// Moves past the next `terminator`, or to the end. Matches as ``Scanner/skip(past:)``
        /// does, byte for byte.
        func skip(past terminator: StaticString, from start: Int) -> Int {
            let pattern = terminator.utf8Start
            let length = terminator.utf8CodeUnitCount
            var matched = 0
            var at = start
            while at < count {
                let byte = bytes[at]
                at += 1
                if byte == pattern[matched] {
                    matched += 1
                    if matched == length { return at }
                } else {
                    matched = byte == pattern[0] ? 1 : 0
                }
            }
            return count
        }
        func starts(_ text: StaticString, at start: Int) -> Bool {
            let length = text.utf8CodeUnitCount
            guard start + length <= count else { return false }
            for offset in 0..<length where bytes[start + offset] != text.utf8Start[offset] { return false }
            return true
        }
        while index < count {
            let byte = bytes[index]
            index += 1
            guard byte == UInt8(ascii: "<") else { continue }
            guard index < count else { return true }
            switch bytes[index] {
            case UInt8(ascii: "!"):
                if starts("!--", at: index) {
                    index = skip(past: "-->", from: index + 3)
                } else if starts("![CDATA[", at: index) {
                    index = skip(past: "]]>", from: index + 8)
                } else {
                    index = skip(past: ">", from: index)
                }
            case UInt8(ascii: "?"):
                index = skip(past: "?>", from: index)
            case UInt8(ascii: "/"):
                index = skip(past: ">", from: index)
            default:
                elements += 1
                if elements > limits.elements { return false }
                var attributes = 0
                var quote: UInt8 = 0
                while index < count {
                    let byte = bytes[index]
                    index += 1
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: "=") {
                        attributes += 1
                    } else if byte == UInt8(ascii: ">") {
                        break
                    }
                }
                if attributes > limits.attributesPerElement { return false }
            }
        }
        return true
    }

    /// A cursor over the bytes that keeps a 1-based line and column.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        /// Bytes since the last line break, plus one: a column near enough for an error message.
        var column = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func next() -> UInt8? {
            guard index < bytes.count else { return nil }
            let byte = bytes[index]
            index += 1
            if byte == 0x0A {
                line += 1
                column = 0
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            return byte
        }

        func peek() -> UInt8? {
            index < bytes.count ? bytes[index] : nil
        }

        /// Consumes `text` if the bytes continue with it.
        mutating func consume(_ text: StaticString) -> Bool {
            let saved = self
            for expected in UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount) {
                guard next() == expected else {
                    self = saved
                    return false
                }
            }
            return true
        }

        /// Moves past the next occurrence of `terminator`, or to the end.
        mutating func skip(past terminator: StaticString) {
            let pattern = Array(UnsafeBufferPointer(start: terminator.utf8Start, count: terminator.utf8CodeUnitCount))
            var matched = 0
            while let byte = next() {
                if byte == pattern[matched] {
                    matched += 1
                    if matched == pattern.count { return }
                } else {
                    matched = byte == pattern[0] ? 1 : 0
                }
            }
        }

        /// Moves past the start tag the cursor is in and returns how many `=` it holds outside
        /// quoted values: its attribute count.
        mutating func countAttributesOfTag() -> Int {
            var count = 0
            var quote: UInt8?
            while let byte = next() {
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: "=") {
                    count += 1
                } else if byte == UInt8(ascii: ">") {
                    return count
                }
            }
            return count
        }
    }
}
