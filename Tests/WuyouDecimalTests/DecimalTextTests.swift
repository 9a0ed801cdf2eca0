import Foundation
import Testing
import WuyouTestSupport
@testable import WuyouDecimal

@Suite("Decimal text")
struct DecimalTextTests {
    /// Decimals of every shape a report prints: read from text (trailing zeros kept or not),
    /// made by arithmetic (and 38-digit quotients), rounded, negative, zero, with exponents far
    /// either way, from parts with trailing zeros left in them.
    static var values: [ExactDecimal] {
        var values: [ExactDecimal] = [0, ExactDecimal("-0")!, ExactDecimal("0.000")!, ExactDecimal(significand: 0, exponent: -7)]
        for text in ["300", "300.0", "0.5", "12.50", "1502", "0.0001", "123456789012345678", "12.345678901234567",
                     "-3.25", "100000", "280.4", "9.99", "-0.001", "18446744073709551615", "18446744073709551616",
                     "99999999999999999999999", "0.00000000000000000001", "99999999999999999999999999999999999999"] {
            values.append(ExactDecimal(text)!)
        }
        var generator = Seeded(state: 7)
        for _ in 0..<2_000 {
            let magnitude = UInt64.random(in: 0...UInt64.max >> UInt64.random(in: 0...63, using: &generator), using: &generator)
            let wide = Int128(magnitude) * Int128(UInt64.random(in: 0...1_000_000, using: &generator))
            let significand = Bool.random(using: &generator) ? Int128(magnitude) : wide
            values.append(ExactDecimal(significand: Bool.random(using: &generator) ? significand : -significand,
                                       exponent: Int.random(in: -60...30, using: &generator)))
        }
        for numerator in 0..<40 {
            for denominator in 1..<40 {
                let quotient = ExactDecimal(numerator) / ExactDecimal(denominator)
                values += [quotient, DecimalRounding.rounded(quotient), ExactDecimal(numerator) * 20 / 100 - ExactDecimal(denominator)]
            }
        }
        return values
    }

    @Test("every decimal is written as Foundation describes the same value: no exponent, no trailing zeros")
    func matchesFoundation() {
        for value in Self.values where (-128...127).contains(value.normalized.exponent) {
            #expect(DecimalText.text(value) == ExactDecimalTests.oracle(value).description, "\(value.significand)e\(value.exponent)")
            var bytes: [UInt8] = Array("x".utf8)
            DecimalText.append(value, to: &bytes)
            #expect(bytes == Array(("x" + DecimalText.text(value)).utf8))
            #expect(value.description == DecimalText.text(value))
        }
    }

    @Test("text beyond Foundation's exponents is still every digit", arguments: [
        (ExactDecimal(significand: 25, exponent: 130), "25" + String(repeating: "0", count: 130)),
        (ExactDecimal(significand: -7, exponent: -130), "-0." + String(repeating: "0", count: 129) + "7"),
        (ExactDecimal(significand: 1200, exponent: -4), "0.12"),
        (ExactDecimal(significand: -99999999999999999999999999999999999999, exponent: -19), "-9999999999999999999.9999999999999999999"),
    ])
    func farExponents(_ value: ExactDecimal, _ expected: String) {
        #expect(DecimalText.text(value) == expected)
        #expect(ExactDecimal(expected) == value)
    }
}
