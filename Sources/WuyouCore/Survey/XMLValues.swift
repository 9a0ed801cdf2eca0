import WuyouDecimal
import Foundation

/// Typed readings of XML Schema lexical values, as the schema already checked them.
enum XMLValues {
    /// An `xs:decimal` (or integer); nil when not a plain decimal. Unicode white space
    /// around it is trimmed (a checklist's parameter may have it; the schema trims XML's).
    static func decimal(_ text: String?) -> ExactDecimal? {
        guard let text else { return nil }
        return ExactDecimal(text) ?? ExactDecimal(trimmed(text))
    }

    /// ``decimal(_:)`` of UTF-8 bytes.
    static func decimal(utf8: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
        ExactDecimal(utf8: utf8) ?? decimal(String(decoding: utf8, as: UTF8.self))
    }

    /// An `xs:boolean`: `true`/`1` or `false`/`0`.
    static func boolean(_ text: String?) -> Bool? {
        // By its bytes: rules read a dozen booleans a survey, and trimming a string first asks
        // Unicode about both of its ends.
        guard var text else { return nil }
        return text.withUTF8 { boolean(utf8: $0) }
    }

    /// ``boolean(_:)`` of UTF-8 bytes.
    static func boolean(utf8: UnsafeBufferPointer<UInt8>) -> Bool? {
        // The four words are ASCII; other bytes at the ends can only be trimmed (slowly).
        let word = trimmingASCIISpace(utf8)
        if word.elementsEqual("true".utf8) || word.elementsEqual("1".utf8) { return true }
        if word.elementsEqual("false".utf8) || word.elementsEqual("0".utf8) { return false }
        guard word.contains(where: { $0 >= 0x80 }) else { return nil }
        switch trimmed(String(decoding: utf8, as: UTF8.self)) {
        case "true", "1": return true
        case "false", "0": return false
        default: return nil
        }
    }

    /// `utf8` without the ASCII white space at its ends.
    static func trimmingASCIISpace(_ utf8: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = utf8.count
        while start < end, isASCIISpace(utf8[start]) { start += 1 }
        while end > start, isASCIISpace(utf8[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: utf8[start..<end])
    }

    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// ``trimmed(_:)`` of UTF-8 bytes: the string is made once, as it is, unless an end is
    /// white space.
    static func trimmed(utf8: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: utf8, as: UTF8.self)
        guard endsInWhiteSpace(utf8) else { return text }
        return trimmed(text)
    }

    /// Whether the first or the last character of `utf8` is Unicode White_Space, read from
    /// its bytes (the 25 such code points are fixed: U+0009–U+000D, U+0020, U+0085, U+00A0,
    /// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and U+3000).
    static func endsInWhiteSpace(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !utf8.isEmpty else { return false }
        var last = utf8.count - 1
        while last > 0, utf8[last] & 0xC0 == 0x80, utf8.count - last < 4 { last -= 1 }
        return isWhiteSpace(utf8, at: 0) || isWhiteSpace(utf8, at: last)
    }

    private static func isWhiteSpace(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        func byte(_ offset: Int) -> UInt8 { index + offset < utf8.count ? utf8[index + offset] : 0 }
        switch byte(0) {
        case 0x09...0x0D, 0x20: return true
        case 0xC2: return byte(1) == 0x85 || byte(1) == 0xA0
        case 0xE1: return byte(1) == 0x9A && byte(2) == 0x80
        case 0xE2:
            return (byte(1) == 0x80 && ((0x80...0x8A).contains(byte(2)) || [0xA8, 0xA9, 0xAF].contains(byte(2))))
                || (byte(1) == 0x81 && byte(2) == 0x9F)
        case 0xE3: return byte(1) == 0x80 && byte(2) == 0x80
        default: return false
        }
    }

    /// The words of a list value (an `xs:list`, such as room codes), split at white space:
    /// `String.split(whereSeparator: \.isWhitespace)` of the bytes, by bytes when they are ASCII.
    static func tokens(utf8: UnsafeBufferPointer<UInt8>) -> [String] {
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return String(decoding: utf8, as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init)
        }
        var words: [String] = []
        var start = 0
        for index in 0...utf8.count {
            guard index == utf8.count || isASCIISpace(utf8[index]) else { continue }
            if index > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<index]), as: UTF8.self)) }
            start = index + 1
        }
        return words
    }

    /// An `xs:token` or `xs:string` attribute, whitespace-trimmed; nil when absent.
    static func token(_ text: String?) -> String? {
        text.map(trimmed)
    }

    /// `text` without leading and trailing white space; `text` itself, with no work, when it
    /// has none (almost every value).
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              first.properties.isWhitespace || last.properties.isWhitespace
        else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
