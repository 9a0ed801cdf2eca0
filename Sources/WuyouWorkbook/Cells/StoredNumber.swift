import Foundation
import WuyouCore
import WuyouDecimal

/// Numbers as `.xlsx` files store them: the shortest text that gives back Excel's binary
/// double (`0.30000000000000004`, `4.2068200100300E+11`).
///
/// Excel shows and edits 15 significant digits; the digits beyond are artefacts of binary
/// arithmetic (`=0.1+0.2`), so values are rounded to 15 significant digits, which keeps every
/// number a person typed exactly as typed.
enum StoredNumber {
    static let significantDigits = 15

    /// Powers of ten a stored number may have (its digits without trailing zeros): those
    /// Foundation's `Decimal` read, which is where the reader has always drawn the line. No
    /// survey number comes near it (the schema admits 24 digits).
    static let exponents = -128...127

    /// The value of `text` (`-12.5`, `1.5E-3`), rounded as Excel shows it; nil unless the whole
    /// text is a number within ``exponents``.
    static func parse(_ text: String) -> ExactDecimal? {
        if let plain = PlainDecimal.parse(text) { return plain }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard isNumberSyntax(trimmed) else { return nil }
        let parts = trimmed.split(maxSplits: 1, whereSeparator: { $0 == "E" || $0 == "e" })
        guard let digits = ExactDecimal(parts[0]) else { return nil }
        var power = 0
        if parts.count == 2 {
            guard let written = Int(parts[1]), (-1000...1000).contains(written) else { return nil }
            power = written
        }
        let value = ExactDecimal(significand: digits.significand, exponent: digits.exponent + power)
        guard value.isZero || exponents.contains(value.normalized.exponent) else { return nil }
        return rounded(value)
    }

    static func rounded(_ value: ExactDecimal) -> ExactDecimal {
        guard !value.isZero else { return 0 }
        let digits = String(value.significand.magnitude).count
        let scale = significantDigits - (digits + value.exponent)
        guard scale < -value.exponent else { return value }
        return value.rounded(places: scale)
    }

    /// `-?digits[.digits][E[+-]digits]`.
    private static func isNumberSyntax(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        func digits() -> Int {
            let count = bytes.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        guard digits() > 0 else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        if bytes.first == UInt8(ascii: "E") || bytes.first == UInt8(ascii: "e") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
