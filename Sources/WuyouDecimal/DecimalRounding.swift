/// Rounding half up (away from zero at .5), the one way every number in a report is rounded.
public enum DecimalRounding {
    /// `value` to `places` decimal places; shortfalls and scores use the default 4.
    public static func rounded(_ value: ExactDecimal, places: Int = 4) -> ExactDecimal {
        value.rounded(places: places)
    }

    /// `part` ÷ `whole` to `places` decimal places, rounded once from the exact quotient.
    ///
    /// - Precondition: `whole` is not zero.
    public static func ratio(_ part: Int, of whole: Int, places: Int = 4) -> ExactDecimal {
        // Counts, nearly always (a score, a rate): one 64-bit division gives the places and
        // the remainder that rounds them.
        if (0..<1 << 31).contains(part), (1..<1 << 31).contains(whole), (0...9).contains(places) {
            var scale: UInt64 = 1
            for _ in 0..<places { scale *= 10 }
            let (quotient, remainder) = (UInt64(part) * scale).quotientAndRemainder(dividingBy: UInt64(whole))
            let rounded = remainder >= UInt64(whole) - remainder ? quotient + 1 : quotient
            return ExactDecimal(significand: Int128(rounded), exponent: -places)
        }
        // A quotient that does not end is cut at 38 digits before it is rounded to a few
        // places: for counts that cut cannot make a tie where there was none.
        return (ExactDecimal(part) / ExactDecimal(whole)).rounded(places: places)
    }

    /// A fraction (0…1) as a percentage with one decimal, e.g. `88.9%`, `100.0%`; a dash for
    /// nil (nothing judged). Prefer ``percentText(_:of:)`` when the counts are known: a fraction
    /// already rounded to 4 places can round again the wrong way (0.7895 → 79.0%, for 15/19).
    public static func percentText(_ fraction: ExactDecimal?) -> String {
        guard let fraction else { return "—" }
        return oneDecimal(rounded(fraction * 100, places: 1)) + "%"
    }

    /// `part` of `whole` as a percentage with one decimal, rounded once from the exact
    /// quotient: 15 of 19 is `78.9%`. A dash when `whole` is 0.
    public static func percentText(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "—" }
        return oneDecimal(ratio(part * 100, of: whole, places: 1)) + "%"
    }

    private static func oneDecimal(_ value: ExactDecimal) -> String {
        let text = DecimalText.text(value)
        return text.contains(".") ? text : text + ".0"
    }
}
