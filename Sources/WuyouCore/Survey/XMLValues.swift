import Foundation

/// Typed readings of XML Schema lexical values, as the schema already checked them.
enum XMLValues {
    /// An `xs:decimal` (or integer) as an exact `Decimal`; nil when not a plain decimal.
    static func decimal(_ text: String?) -> Decimal? {
        guard let text else { return nil }
        if let value = shortDecimal(text) { return value }
        let trimmed = trimmed(text)
        var digits = 0
        var dots = 0
        for (offset, character) in trimmed.enumerated() {
            if character.isASCII, character.isNumber {
                digits += 1
            } else if character == "." {
                dots += 1
            } else if !(offset == 0 && (character == "+" || character == "-")) {
                return nil
            }
        }
        guard digits > 0, dots <= 1 else { return nil }
        let unsigned = trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed
        return Decimal(string: unsigned, locale: posix)
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// A decimal of at most 18 digits, read from its bytes without Foundation's parser (a
    /// survey has dozens of numbers); nil for anything else, which ``decimal(_:)`` then reads
    /// the slow way.
    static func shortDecimal(_ text: String) -> Decimal? {
        var significand: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var negative = false
        var seenDot = false
        var seenDigitOrSign = false
        var trailingSpace = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard !trailingSpace, digits < 18 else { return nil }
                significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if seenDot { fractionDigits += 1 }
                seenDigitOrSign = true
            case UInt8(ascii: "."):
                guard !seenDot, !trailingSpace else { return nil }
                seenDot = true
                seenDigitOrSign = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard !seenDigitOrSign else { return nil }
                negative = byte == UInt8(ascii: "-")
                seenDigitOrSign = true
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                if seenDigitOrSign { trailingSpace = true }
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        let value = Decimal(sign: negative && significand != 0 ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(significand))
        return value
    }

    /// An `xs:boolean`: `true`/`1` or `false`/`0`.
    static func boolean(_ text: String?) -> Bool? {
        switch text.map(trimmed) {
        case "true", "1": true
        case "false", "0": false
        default: nil
        }
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
