import Foundation
import Testing
@testable import WuyouCore

@Suite("Decimal arithmetic")
struct DecimalMathTests {
    /// Operands of every shape a survey and a checklist make: whole and fractional areas,
    /// counts, money, thresholds, negatives, zero, and values too wide for 64 bits.
    static let operands: [Decimal] = {
        var values: [Decimal] = ["0", "1", "-1", "20", "100", "300", "10000", "0.5", "12.50", "594", "1720", "0.6667",
                                 "-3.25", "280.4", "9.99", "0.001", "123456789012345678", "18446744073709551615",
                                 "99999999999999999999999", "3", "7", "0.3", "2.5", "-0.001"].map { Decimal(string: $0)! }
        var generator = Seeded(state: 14)
        for _ in 0..<60 {
            let mantissa = UInt64.random(in: 0...UInt64.random(in: 1...1_000_000_000, using: &generator), using: &generator)
            values.append(Decimal(sign: Bool.random(using: &generator) ? .plus : .minus,
                                  exponent: Int.random(in: -6...4, using: &generator), significand: Decimal(mantissa)))
        }
        values += [Decimal(2) / 3, Decimal(1720) * 20 / 100, Decimal(0) - 5 + 5]
        return values
    }()

    private static func bytes(_ value: Decimal) -> [UInt8] {
        withUnsafeBytes(of: value) { Array($0) }
    }

    @Test("sums, differences, products, quotients and comparisons are Foundation's, bit for bit")
    func matchesFoundation() {
        for left in Self.operands {
            for right in Self.operands {
                #expect(Self.bytes(DecimalMath.add(left, right)) == Self.bytes(left + right), "\(left) + \(right)")
                #expect(Self.bytes(DecimalMath.subtract(left, right)) == Self.bytes(left - right), "\(left) - \(right)")
                #expect(Self.bytes(DecimalMath.multiply(left, right)) == Self.bytes(left * right), "\(left) × \(right)")
                #expect(Self.bytes(DecimalMath.divide(left, right)) == Self.bytes(left / right), "\(left) ÷ \(right)")
                #expect(DecimalMath.less(left, right) == (left < right), "\(left) < \(right)")
            }
        }
    }

    @Test("rounding and whole numbers are Foundation's, bit for bit")
    func roundingMatchesFoundation() {
        for value in Self.operands + Self.operands.map({ $0 / 7 }) + Self.operands.map({ $0 * Decimal(string: "0.00005")! }) {
            for places in [0, 1, 2, 4] {
                var input = value
                var output = Decimal()
                NSDecimalRound(&output, &input, places, .plain)
                if let fast = DecimalMath.rounded(value, places: places) {
                    #expect(Self.bytes(fast) == Self.bytes(output), "\(value) to \(places)")
                }
            }
        }
        for whole in [0, 1, -1, 10, 300, -4500, 1 << 40, Int.max, Int.min + 1] {
            #expect(Self.bytes(DecimalMath.decimal(whole)) == Self.bytes(Decimal(whole)), "\(whole)")
        }
    }

    @Test("a score from counts is Foundation's rounded quotient, bit for bit")
    func ratios() {
        let pairs = (0...120).flatMap { part in (1...120).map { (part, $0) } }
            + [(29_999, 100_000), (1, 999_999), (999_998, 999_999), (5, 100_000), (15, 100_000)]
        for (part, whole) in pairs where part <= whole {
            for places in [1, 4] {
                var quotient = Decimal(part) / Decimal(whole)
                var rounded = Decimal()
                NSDecimalRound(&rounded, &quotient, places, .plain)
                let fast = DecimalMath.ratio(part, whole, places: places)
                #expect(fast.map(Self.bytes) == Self.bytes(rounded), "\(part)/\(whole) to \(places)")
            }
        }
    }

    @Test("a running sum is Foundation's sum of the same amounts, bit for bit, past 64 bits too",
          arguments: [0, 1, 2, 3])
    func runningSums(seed: UInt64) {
        var generator = Seeded(state: seed)
        // Orders that cancel to zero, cross 64 bits and come back, or mix scales.
        let amounts = (0..<400).map { _ in Self.operands.randomElement(using: &generator)! }
            + Self.operands + Self.operands.map { 0 - $0 }
        var sum = DecimalSum()
        var foundation = Decimal(0)
        for (count, amount) in amounts.enumerated() {
            sum.add(amount)
            foundation += amount
            #expect(Self.bytes(sum.value) == Self.bytes(foundation), "after \(count + 1) amounts")
        }
        #expect(Self.bytes(DecimalSum().value) == Self.bytes(Decimal(0)))
    }

    @Test("the fast paths are taken for a survey's numbers")
    func fastPathsUsed() {
        #expect(DecimalParts(Decimal(string: "594")!) != nil)
        #expect(DecimalParts(Decimal(1720) * 20)?.divided(by: DecimalParts(100)!) != nil)
        #expect(DecimalMath.rounded(Decimal(19) / 31, places: 4) == nil)  // 38 digits: Foundation's
        #expect(DecimalMath.rounded(Decimal(string: "0.61290")!, places: 4) != nil)
    }
}

/// A small seeded generator (SplitMix64), so that the operands are the same every run.
private struct Seeded: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
