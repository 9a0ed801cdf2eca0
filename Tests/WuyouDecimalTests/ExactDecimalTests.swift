import Foundation
import Testing
import WuyouTestSupport
@testable import WuyouDecimal

/// ``ExactDecimal`` against Foundation's `Decimal` as an oracle: on random values of every
/// shape the schemas admit (up to 24 digits, exponents from −24 up, signs, zeros) and beyond
/// (38 digits, far exponents), parsing, arithmetic, comparison, rounding and text agree.
@Suite("Exact decimals, against Foundation's Decimal")
struct ExactDecimalTests {
    /// Foundation's decimal of the same value, built from the parts (not from our text).
    static func oracle(_ value: ExactDecimal) -> Decimal {
        DecimalOracle.decimal(value)
    }

    /// Random values: mostly as a survey or checklist has them, some at the edges.
    static func values(seed: UInt64, count: Int) -> [ExactDecimal] {
        var generator = Seeded(state: seed)
        var values: [ExactDecimal] = []
        for index in 0..<count {
            let wide = index % 10 == 0
            let digits = Int.random(in: 1...(wide ? 38 : 24), using: &generator)
            var magnitude: UInt128 = 0
            for _ in 0..<digits { magnitude = magnitude * 10 + UInt128(UInt8.random(in: 0...9, using: &generator)) }
            let exponent = wide ? Int.random(in: -60...40, using: &generator) : Int.random(in: -24...3, using: &generator)
            let negative = Bool.random(using: &generator)
            values.append(ExactDecimal(significand: negative ? -Int128(magnitude) : Int128(magnitude), exponent: exponent))
        }
        return values
    }

    static let edges: [ExactDecimal] = [
        "0", "-0", "0.000", "1", "-1", "20", "100", "300", "10000", "0.5", "12.50", "594", "1720", "0.6667", "-3.25", "280.4",
        "999999999999999999999999", "0.000000000000000000000001", "-999999999999.999999999999",
        "99999999999999999999999999999999999999", "0.00000000000000000000000000000000000001", "18446744073709551616",
    ].map { ExactDecimal($0)! } + [ExactDecimal(significand: 7, exponent: -200), ExactDecimal(significand: -3, exponent: 150)]

    /// The operands of the pairwise tests: edges and random values.
    static let operands = edges + values(seed: 14, count: 120)

    /// Whether Foundation holds `value` exactly: within its 8-bit exponent (after dropping
    /// trailing zeros) and 38 digits.
    static func representable(_ value: ExactDecimal) -> Bool {
        (-128...127).contains(value.normalized.exponent)
    }

    @Test("parsing the schema's lexical forms gives Foundation's value", arguments: [0, 1, 2, 3])
    func parsing(seed: UInt64) throws {
        var generator = Seeded(state: 100 + seed)
        for _ in 0..<2_000 {
            // At most 24 digits, as libxml2 admits, leading zeros aside.
            let wholeDigits = Int.random(in: 0...24, using: &generator)
            let zeros = String(repeating: "0", count: Int.random(in: 0...3, using: &generator))
            let whole = zeros + String((0..<wholeDigits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            let fraction = String((0..<Int.random(in: 0...(24 - wholeDigits), using: &generator)).map { _ in
                Character(String(Int.random(in: 0...9, using: &generator)))
            })
            guard !(whole + fraction).isEmpty else { continue }
            let sign = ["", "-", "+"].randomElement(using: &generator)!
            let point = fraction.isEmpty ? (Bool.random(using: &generator) ? "." : "") : "."
            let text = sign + whole + point + fraction
            let padded = [" ", "", "\t", "\n "].randomElement(using: &generator)! + text + ["", " ", "\r\n"].randomElement(using: &generator)!
            let value = try #require(ExactDecimal(padded), "\(padded)")
            let foundation = try #require(Decimal(string: sign == "+" ? String(text.dropFirst()) : text, locale: Locale(identifier: "en_US_POSIX")))
            #expect(Self.oracle(value) == foundation, "\(text)")
            #expect(DecimalText.text(value) == foundation.description, "\(text)")
            // Read, a value has no trailing zeros: 300.0 is 3 × 10², as Foundation compacts it.
            #expect(value == value.normalized && value.significand == value.normalized.significand, "\(text)")
        }
    }

    @Test("what is not an xs:decimal, or has more than 38 significant digits, is refused", arguments: [
        "", " ", ".", "+", "-", "1e5", "1E5", "1.2.3", "--1", "+-1", "12 3", "abc", "0x10", "١٢", "１２", "1,000", "- 1",
        "1234567890123456789012345678901234567890", "0.1234567890123456789012345678901234567891",
    ])
    func refused(_ text: String) {
        #expect(ExactDecimal(text) == nil)
    }

    @Test("the schema's extremes and zeros are read exactly", arguments: [
        ("999999999999999999999999", "999999999999999999999999"), ("0.000000000000000000000001", "0.000000000000000000000001"),
        ("000000000000000000000000000000000000000000012.50000000000000000000000000000000000000000", "12.5"),
        ("-0", "0"), ("+0.000", "0"), ("0.", "0"), (".5", "0.5"), ("5.", "5"), ("-.25", "-0.25"),
        ("12345678901234567890123456789012345678", "12345678901234567890123456789012345678"),
        ("1" + String(repeating: "0", count: 60), "1" + String(repeating: "0", count: 60)),
    ])
    func extremes(_ text: String, _ expected: String) throws {
        let value = try #require(ExactDecimal(text))
        #expect(DecimalText.text(value) == expected)
        #expect(value.isZero == (expected == "0"))
    }

    @Test("sums, differences and products are Foundation's: exact within 38 digits, else within a unit of the last")
    func arithmetic() {
        for left in Self.operands where Self.representable(left) {
            for right in Self.operands where Self.representable(right) {
                let pairs: [(String, ExactDecimal, Decimal)] = [
                    ("+", left + right, Self.oracle(left) + Self.oracle(right)),
                    ("-", left - right, Self.oracle(left) - Self.oracle(right)),
                    ("×", left * right, Self.oracle(left) * Self.oracle(right)),
                ]
                for (operation, result, foundation) in pairs where !foundation.isNaN && Self.representable(result) {
                    // Past 38 digits both round, Foundation sometimes to far fewer digits than
                    // its 38 (18446744073709551616 + 0.000005802783978324849 keeps 34): the
                    // two are as close as the coarser of them can say.
                    let unit = Decimal(sign: .plus, exponent: max(result.exponent, Int(foundation.exponent)), significand: 2)
                    let difference = Self.oracle(result) - foundation
                    #expect(difference.magnitude <= unit, "\(left) \(operation) \(right): \(result) against \(foundation)")
                    if Self.exactDigits(left, operation, right) <= 38 {
                        #expect(Self.oracle(result) == foundation, "\(left) \(operation) \(right): \(result) against \(foundation)")
                    }
                }
            }
        }
    }

    /// How many digits the exact result of a sum, difference or product can have.
    static func exactDigits(_ left: ExactDecimal, _ operation: String, _ right: ExactDecimal) -> Int {
        let a = left.normalized, b = right.normalized
        let digitsA = ExactDecimal.digitCount(a.significand.magnitude), digitsB = ExactDecimal.digitCount(b.significand.magnitude)
        if operation == "×" { return digitsA + digitsB }
        if a.isZero || b.isZero { return max(digitsA, digitsB) }
        let low = min(a.exponent, b.exponent)
        return max(digitsA + a.exponent, digitsB + b.exponent) - low + 1
    }

    @Test("a quotient is the exact one cut after 38 digits: its last digit is the last one below the dividend")
    func division() {
        for left in Self.operands {
            for right in Self.operands where !right.isZero {
                let result = left / right
                guard !left.isZero else {
                    #expect(result.isZero)
                    continue
                }
                // |result| × |right| ≤ |left| < (|result| + one unit of its last digit) × |right|,
                // with equality on the left exactly when the quotient ended.
                let quotient = result.significand.magnitude, divisor = right.significand.magnitude
                let low = min(result.exponent + right.exponent, left.exponent)
                // The two sides are about equal, so neither is scaled far (a few pairs of
                // extreme exponents aside, beyond 256 bits here: left out).
                guard left.exponent - low <= 38, result.exponent + right.exponent - low <= 38 else { continue }
                let dividend = WideUnsigned(left.significand.magnitude).multiplied(byPowerOfTen: left.exponent - low)
                let below = WideUnsigned(quotient.multipliedFullWidth(by: divisor)).multiplied(byPowerOfTen: result.exponent + right.exponent - low)
                let above = WideUnsigned((quotient + 1).multipliedFullWidth(by: divisor)).multiplied(byPowerOfTen: result.exponent + right.exponent - low)
                #expect(below <= dividend && dividend < above, "\(left) ÷ \(right) = \(result)")
                #expect((result.significand < 0) == (!left.isZero && (left.significand < 0) != (right.significand < 0)))
                // Every digit a significand holds, unless the quotient ended there.
                #expect(ExactDecimal.digitCount(quotient) == 38 || below == dividend, "\(left) ÷ \(right) = \(result)")
            }
        }
    }

    @Test("quotients as rules make them (a survey's number by a checklist's) are Foundation's, or longer where Foundation cut them")
    func divisionAsRulesDoIt() {
        let divisors = ["100", "10000", "3", "7", "12.5", "0.3", "1.5", "365", "9"].map { ExactDecimal($0)! }
        for value in Self.values(seed: 31, count: 400) where value.exponent > -20 && value.exponent < 4 {
            for divisor in divisors {
                let ours = DecimalText.text(value * 20 / divisor)
                let theirs = (Self.oracle(value) * 20 / Self.oracle(divisor)).description
                // Both cut the exact quotient's digits: ours after 38, Foundation's after 38 or
                // 39, or fewer for wide operands. One text begins the other.
                #expect(theirs.hasPrefix(ours) || ours.hasPrefix(theirs), "\(value) × 20 ÷ \(divisor): \(ours) against \(theirs)")
            }
        }
        // Quotients that end are exact, however they are written.
        #expect(ExactDecimal(1720) * 20 / 100 == 344)
        #expect(ExactDecimal("1005")! * 20 / 10000 == ExactDecimal("2.01")!)
        #expect(ExactDecimal(1) / 8 == ExactDecimal("0.125")!)
        #expect(DecimalText.text(ExactDecimal(34400) / 3) == "11466.666666666666666666666666666666666")
        #expect(DecimalText.text(ExactDecimal(-2) / 3) == "-0.66666666666666666666666666666666666666")
    }

    @Test("comparisons are Foundation's, however far apart the exponents")
    func comparison() {
        for left in Self.operands where Self.representable(left) {
            for right in Self.operands where Self.representable(right) {
                #expect((left < right) == (Self.oracle(left) < Self.oracle(right)), "\(left) < \(right)")
                #expect((left == right) == (Self.oracle(left) == Self.oracle(right)), "\(left) == \(right)")
            }
        }
        #expect(ExactDecimal(significand: 1, exponent: 1000) > ExactDecimal("99999999999999999999999999999999999999")!)
        #expect(ExactDecimal(significand: -1, exponent: -1000) < 0 && ExactDecimal(significand: 1, exponent: -1000) > 0)
    }

    @Test("equal values are equal and hash alike, whatever their digits: 1.0 is 1")
    func hashing() {
        let forms = [ExactDecimal(significand: 1, exponent: 0), ExactDecimal(significand: 10, exponent: -1),
                     ExactDecimal(significand: 1000, exponent: -3), ExactDecimal("1.000")!]
        #expect(Set(forms).count == 1)
        #expect(Set([ExactDecimal(significand: 0, exponent: 5), ExactDecimal.zero, ExactDecimal("-0.00")!]).count == 1)
        #expect(ExactDecimal(significand: 12, exponent: 1) == 120 && ExactDecimal(significand: 12, exponent: 1).hashValue == ExactDecimal(120).hashValue)
    }

    @Test("rounding is NSDecimalRound's, half away from zero and the other ways")
    func rounding() {
        let rules: [(FloatingPointRoundingRule, NSDecimalNumber.RoundingMode)] = [
            (.toNearestOrAwayFromZero, .plain), (.down, .down), (.up, .up), (.toNearestOrEven, .bankers),
        ]
        let values = Self.operands + Self.operands.map { $0 / 7 } + Self.operands.map { $0 * ExactDecimal("0.00005")! }
        for value in values where Self.representable(value) {
            for places in [-2, 0, 1, 2, 4] {
                for (rule, mode) in rules {
                    var input = Self.oracle(value)
                    var output = Decimal()
                    NSDecimalRound(&output, &input, places, mode)
                    let rounded = value.rounded(places: places, rule)
                    #expect(Self.oracle(rounded) == output, "\(value) to \(places) by \(rule)")
                }
            }
        }
        #expect(ExactDecimal("2.5")!.rounded(places: 0, .towardZero) == 2 && ExactDecimal("-2.5")!.rounded(places: 0, .towardZero) == -2)
        #expect(ExactDecimal("2.1")!.rounded(places: 0, .awayFromZero) == 3 && ExactDecimal("-2.1")!.rounded(places: 0, .awayFromZero) == -3)
        #expect(ExactDecimal("0.00005")!.rounded(places: 4) == ExactDecimal("0.0001")!)
        #expect(ExactDecimal("-0.00005")!.rounded(places: 4) == ExactDecimal("-0.0001")!)
        #expect(ExactDecimal(significand: 5, exponent: -100).rounded(places: 4) == 0)
    }

    @Test("a rate from counts is Foundation's rounded quotient")
    func ratios() {
        let pairs = (0...120).flatMap { part in (1...120).map { (part, $0) } }
            + [(29_999, 100_000), (1, 999_999), (999_998, 999_999), (5, 100_000), (15, 100_000), (1 << 40, 3), (7, 1 << 40)]
        for (part, whole) in pairs where part <= whole || part > 1 << 31 {
            for places in [1, 4] {
                var quotient = Decimal(part) / Decimal(whole)
                var rounded = Decimal()
                NSDecimalRound(&rounded, &quotient, places, .plain)
                #expect(Self.oracle(DecimalRounding.ratio(part, of: whole, places: places)) == rounded, "\(part)/\(whole) to \(places)")
            }
        }
        #expect(DecimalRounding.percentText(15, of: 19) == "78.9%" && DecimalRounding.percentText(ExactDecimal("0.7895")) == "79.0%")
    }

    @Test("a running sum is Foundation's sum of the same amounts", arguments: [0, 1, 2, 3])
    func runningSums(seed: UInt64) {
        var generator = Seeded(state: seed)
        let amounts = Self.values(seed: 50 + seed, count: 400).filter { $0.exponent > -20 && $0.exponent < 4 }
            .map { $0.rounded(places: 4) }
        var sum: ExactDecimal = 0
        var foundation = Decimal(0)
        for amount in amounts.shuffled(using: &generator) + amounts.map({ -$0 }) {
            sum += amount
            foundation += Self.oracle(amount)
        }
        #expect(Self.oracle(sum) == foundation)
        #expect(sum == 0)
    }

    @Test("whole numbers and doubles are what Foundation makes of the same value")
    func conversions() {
        for value in Self.operands where Self.representable(value) {
            #expect(Double(value) == NSDecimalNumber(decimal: Self.oracle(value)).doubleValue, "\(value)")
            let foundation = Self.oracle(value)
            var whole = foundation
            var rounded = Decimal()
            NSDecimalRound(&rounded, &whole, 0, .plain)
            let isWhole = rounded == foundation && foundation.magnitude < Decimal(Int.max)
            #expect((Int(exactly: value) != nil) == isWhole, "\(value)")
            if let exact = Int(exactly: value) { #expect(Decimal(exact) == foundation) }
        }
        #expect(Int(exactly: ExactDecimal(significand: 3, exponent: 18)) == 3_000_000_000_000_000_000)
        #expect(Int(exactly: ExactDecimal(significand: 1, exponent: 19)) == nil)
        #expect(Int(exactly: ExactDecimal("12.50")!) == nil && Int(exactly: ExactDecimal("-12.0")!) == -12)
    }

    @Test("a significand beyond 38 digits is rounded on the way in")
    func wideSignificand() {
        let value = ExactDecimal(significand: Int128.max, exponent: 0)
        #expect(value.significand.magnitude <= ExactDecimal.maximumSignificand)
        #expect(Self.oracle(value) == Decimal(string: "170141183460469231731687303715884105730"))
        #expect(ExactDecimal(significand: -Int128.max, exponent: 0) == -value)
    }
}
