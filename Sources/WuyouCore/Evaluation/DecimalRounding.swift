import Foundation

/// Rounding half up (away from zero at .5), the one way every number in a report is rounded.
public enum DecimalRounding {
    /// `value` to `places` decimal places; shortfalls and scores use the default 4.
    public static func rounded(_ value: Decimal, places: Int = 4) -> Decimal {
        if let rounded = DecimalMath.rounded(value, places: places) { return rounded }
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, places, .plain)
        return output
    }

    /// `rounded(Decimal(part) / Decimal(whole), places:)`, from the integers: the quotient is
    /// rounded once, half up, which is what rounding Foundation's 38-digit quotient gives.
    public static func ratio(_ part: Int, of whole: Int, places: Int = 4) -> Decimal {
        DecimalMath.ratio(part, whole, places: places) ?? rounded(Decimal(part) / Decimal(whole), places: places)
    }

    /// A fraction (0…1) as a percentage with one decimal, e.g. `88.9%`, `100.0%`; a dash for
    /// nil (nothing judged). Prefer ``percentText(_:of:)`` when the counts are known: a fraction
    /// already rounded to 4 places can round again the wrong way (0.7895 → 79.0%, for 15/19).
    public static func percentText(_ fraction: Decimal?) -> String {
        guard let fraction else { return "—" }
        return oneDecimal(rounded(fraction * 100, places: 1)) + "%"
    }

    /// `part` of `whole` as a percentage with one decimal, rounded once from the exact
    /// quotient: 15 of 19 is `78.9%`. A dash when `whole` is 0.
    public static func percentText(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "—" }
        return oneDecimal(rounded(Decimal(part) * 100 / Decimal(whole), places: 1)) + "%"
    }

    private static func oneDecimal(_ value: Decimal) -> String {
        let text = DecimalText.text(value)
        return text.contains(".") ? text : text + ".0"
    }
}
