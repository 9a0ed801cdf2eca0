import Foundation

/// Rounding half up (away from zero at .5), the one way every number in a report is rounded.
public enum DecimalRounding {
    /// `value` to `places` decimal places; shortfalls and scores use the default 4.
    public static func rounded(_ value: Decimal, places: Int = 4) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, places, .plain)
        return output
    }

    /// A fraction (0…1) as a percentage with at most one decimal, e.g. `88.9%`; a dash for nil
    /// (nothing judged).
    public static func percentText(_ fraction: Decimal?) -> String {
        guard let fraction else { return "—" }
        return "\(rounded(fraction * 100, places: 1))%"
    }
}
