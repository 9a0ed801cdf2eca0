import WuyouDecimal

/// A number written plainly, `-?digits[.digits]` with at most 15 digits in all, read from its
/// bytes: how almost every number in a sheet is stored or typed. The general reader (units, full-width
/// digits, thousands separators, exponents) is for the rest.
enum PlainDecimal {
    static let maximumDigits = 15

    /// The value of `text` when it is a plain number of at most ``maximumDigits`` digits; nil
    /// for anything else, which the caller reads the general way.
    static func parse(_ text: String) -> ExactDecimal? {
        var significand: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var negative = false
        var seenDot = false
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                guard digits <= maximumDigits else { return nil }
                significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
                if seenDot { fractionDigits += 1 }
            case UInt8(ascii: "."):
                guard !seenDot, digits > 0 else { return nil }
                seenDot = true
            case UInt8(ascii: "-") where offset == 0:
                negative = true
            default:
                return nil
            }
        }
        guard digits > 0, !seenDot || fractionDigits > 0 else { return nil }
        let magnitude = Int128(significand)
        return ExactDecimal(significand: negative ? -magnitude : magnitude, exponent: -fractionDigits)
    }
}
