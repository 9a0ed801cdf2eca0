import Foundation

enum DecimalRounding {
    /// Shortfalls and scores are printed to 4 decimal places, rounding half up.
    static func rounded(_ value: Decimal) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, 4, .plain)
        return output
    }
}
