import Foundation

/// ``SourceScan``'s count of each start tag's attributes, for a document read in pieces (see
/// ``XMLStreamParser``): it keeps its place between pieces, so that a start tag, comment or
/// CDATA section may span any number of them. Each piece is scanned before libxml2 sees it, so
/// a start tag with a million attributes is refused before libxml2 compares them pairwise.
///
/// It recognises what ``SourceScan`` does, byte for byte: comments, CDATA sections, processing
/// instructions, declarations and end tags are skipped; quoted values may hold `=` and `>`;
/// NUL bytes are ignored (UTF-16).
struct StreamScan {
    private enum Mode: UInt8 {
        case text
        /// After `<`.
        case open
        /// After `<!`; ``matched`` bytes of `--` (as -1) or `[CDATA[` seen.
        case bang
        /// Inside a start tag: ``attributes`` `=` outside quotes so far; ``quote`` open, or 0.
        case tag
        /// Skipping past ``terminator``, of which ``matched`` bytes are seen.
        case skip
    }

    private var mode = Mode.text
    private var matched = 0
    private var attributes = 0
    private var quote: UInt8 = 0
    private var terminator: [UInt8] = []
    let limit: Int

    init(attributesPerElement limit: Int) {
        self.limit = limit
    }

    private static let cdata = Array("[CDATA[".utf8)
    private static let endOfComment = Array("-->".utf8)
    private static let endOfCDATA = Array("]]>".utf8)
    private static let endOfInstruction = Array("?>".utf8)
    private static let endOfTag = Array(">".utf8)

    /// Scans the next piece of the document.
    ///
    /// - Returns: The attribute count of the first start tag in it over the limit, or nil.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let end = base + bytes.count
        var at = base
        while at < end {
            // Runs of bytes that change nothing are passed over with memchr: text up to the next
            // `<`, a quoted value up to its closing quote.
            if mode == .text {
                guard let open = memchr(at, Int32(UInt8(ascii: "<")), end - at) else { return nil }
                at = UnsafePointer(open.assumingMemoryBound(to: UInt8.self)) + 1
                mode = .open
                continue
            }
            if mode == .tag, quote != 0 {
                guard let close = memchr(at, Int32(quote), end - at) else { return nil }
                at = UnsafePointer(close.assumingMemoryBound(to: UInt8.self)) + 1
                quote = 0
                continue
            }
            let byte = at.pointee
            at += 1
            if byte == 0 { continue }
            switch mode {
            case .text:
                break
            case .open:
                switch byte {
                case UInt8(ascii: "!"):
                    mode = .bang
                    matched = 0
                case UInt8(ascii: "?"): skip(to: Self.endOfInstruction)
                case UInt8(ascii: "/"): skip(to: Self.endOfTag)
                default:
                    mode = .tag
                    attributes = 0
                    quote = 0
                    if let count = inTag(byte) { return count }
                }
            case .bang:
                // `<!-` is a comment only with a second `-`; `<![` is CDATA only with all of `CDATA[`.
                if matched == 0, byte == UInt8(ascii: "-") {
                    matched = -1
                } else if matched == -1, byte == UInt8(ascii: "-") {
                    skip(to: Self.endOfComment)
                } else if matched >= 0, byte == Self.cdata[matched] {
                    matched += 1
                    if matched == Self.cdata.count { skip(to: Self.endOfCDATA) }
                } else {
                    skip(to: Self.endOfTag)
                    skipping(byte)
                }
            case .tag:
                if let count = inTag(byte) { return count }
            case .skip:
                skipping(byte)
            }
        }
        return nil
    }

    /// Reads `byte` inside a start tag, outside quotes; the attribute count when it goes over the limit.
    private mutating func inTag(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            quote = byte
        case UInt8(ascii: "="):
            attributes += 1
            if attributes > limit { return attributes }
        case UInt8(ascii: ">"):
            mode = .text
        default:
            break
        }
        return nil
    }

    private mutating func skip(to end: [UInt8]) {
        mode = .skip
        terminator = end
        matched = 0
    }

    /// As ``SourceScan`` skips: a byte that breaks the match starts it again if it can.
    private mutating func skipping(_ byte: UInt8) {
        if byte == terminator[matched] {
            matched += 1
            if matched == terminator.count { mode = .text }
        } else {
            matched = byte == terminator[0] ? 1 : 0
        }
    }
}
