import Foundation
import WuyouDecimal

/// Foundation's `Decimal`, the oracle the project's own decimal numbers are checked against.
public enum DecimalOracle {
    /// `value` as Foundation's `Decimal`, built from its digits and exponent (no arithmetic).
    public static func decimal(_ value: ExactDecimal) -> Decimal {
        let digits = Decimal(string: String(value.significand.magnitude), locale: Locale(identifier: "en_US_POSIX"))!
        return Decimal(sign: value.significand < 0 ? .minus : .plus, exponent: value.exponent, significand: digits)
    }
}
