import Foundation
import Testing
@testable import WuyouCore

@Suite("Decimal text")
struct DecimalTextTests {
    @Test("the fast path is in use: this Foundation's decimals have the layout it reads")
    func layout() {
        #expect(DecimalText.layoutVerified)
    }

    /// Decimals of every shape a report prints: read from text (trailing zeros kept or not),
    /// made by arithmetic (compacted, and 38-digit quotients that take the slow way), rounded,
    /// negative, zero and NaN.
    static var values: [Decimal] {
        var values: [Decimal] = [.nan, 0, -0, Decimal(string: "-0")!, Decimal(string: "0.000")!]
        for text in ["300", "300.0", "0.5", "12.50", "1502", "0.0001", "123456789012345678", "12.345678901234567",
                     "-3.25", "100000", "280.4", "9.99", "-0.001", "18446744073709551615", "18446744073709551616",
                     "99999999999999999999999", "0.00000000000000000001"] {
            values.append(Decimal(string: text)!)
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let mantissa = UInt64.random(in: 0...UInt64.max >> UInt64.random(in: 0...63, using: &generator), using: &generator)
            let exponent = Int.random(in: -30...12, using: &generator)
            let sign: FloatingPointSign = Bool.random(using: &generator) ? .plus : .minus
            values.append(Decimal(sign: sign, exponent: exponent, significand: Decimal(mantissa)))
        }
        for numerator in 0..<40 {
            for denominator in 1..<40 {
                let quotient = Decimal(numerator) / Decimal(denominator)
                values += [quotient, DecimalRounding.rounded(quotient), Decimal(numerator) * 20 / 100 - Decimal(denominator)]
            }
        }
        return values
    }

    @Test("every decimal is written exactly as its description")
    func matchesDescription() {
        for value in Self.values {
            #expect(DecimalText.text(value) == value.description, "\(value)")
        }
    }
}
