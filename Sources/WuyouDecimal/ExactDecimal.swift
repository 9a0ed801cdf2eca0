/// A decimal number held exactly, as an integer significand and a power of ten:
/// `significand` × 10^`exponent`.
///
/// Every number of a survey or a checklist is `xs:decimal` text, which libxml2 accepts with
/// at most 24 digits: read, each is a significand below 10^24 with an exponent from −24 to 0.
/// The significand holds 38 digits, so sums, differences and products of such numbers are
/// exact, and so is a quotient that ends (H × 20 ÷ 100, floor area × 20 ÷ 10000). Past 38
/// digits, results are what Foundation's `Decimal` makes of them with its own 38 or 39: a sum,
/// difference or product (10^23 + 10^−24, possible with two valid areas) is rounded to 38
/// digits half away from zero; a quotient that does not end (20 ÷ 3, with a divisor a city's
/// checklist chose) is cut after 38. Nothing overflows: the exponent is an `Int`, which the few
/// operations of an evaluation move by a few dozen at most.
///
/// Values compare and hash by what they are worth: `1.0 == 1`. ``description`` is their
/// shortest text (``DecimalText``).
///
/// Foundation's `Decimal` keeps its digits private: reading them back meant reading its bytes.
/// This type's are its own.
public struct ExactDecimal: Sendable {
    /// The digits, at most 38 of them (|significand| ≤ 10^38 − 1), with the sign.
    public let significand: Int128
    /// The power of ten the significand is scaled by.
    public let exponent: Int

    /// The most significant digits a value keeps.
    public static let maximumDigits = 38

    /// The largest significand: 38 nines.
    static let maximumSignificand: UInt128 = powersOfTen[38] - 1

    /// 10^0 through 10^38, every power of ten below 2^128.
    static let powersOfTen: [UInt128] = {
        var powers: [UInt128] = [1]
        for _ in 1...38 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    public static let zero = ExactDecimal(unchecked: 0, exponent: 0)

    /// `significand` × 10^`exponent`, rounded to ``maximumDigits`` digits when it has more (only
    /// a significand beyond 10^38 − 1 has: 39 digits, rounded to 38, exponent one higher).
    public init(significand: Int128, exponent: Int = 0) {
        if significand.magnitude <= Self.maximumSignificand {
            self.init(unchecked: significand, exponent: exponent)
        } else {
            self = Self.rounding(negative: significand < 0, WideUnsigned(significand.magnitude), exponent: exponent)
        }
    }

    /// A whole number.
    public init(_ value: Int) {
        self.init(unchecked: Int128(value), exponent: 0)
    }

    /// A value whose significand is known to have at most 38 digits.
    init(unchecked significand: Int128, exponent: Int) {
        self.significand = significand
        self.exponent = exponent
    }

    /// A significand's magnitude with its sign; the magnitude has at most 38 digits.
    static func signed(_ magnitude: UInt128, negative: Bool, exponent: Int) -> ExactDecimal {
        ExactDecimal(unchecked: negative ? -Int128(magnitude) : Int128(magnitude), exponent: exponent)
    }

    public var isZero: Bool { significand == 0 }

    /// The same value with the trailing zeros of its significand moved into its exponent
    /// (zero is 0 × 10^0): equal values have equal normal forms.
    public var normalized: ExactDecimal {
        guard significand != 0 else { return .zero }
        var magnitude = significand.magnitude
        var exponent = exponent
        if magnitude <= UInt64.max {
            // Digits by 64-bit division: 128-bit division is a library call.
            var small = UInt64(magnitude)
            while small % 10 == 0 {
                small /= 10
                exponent += 1
            }
            magnitude = UInt128(small)
        } else {
            while magnitude % 10 == 0 {
                magnitude /= 10
                exponent += 1
            }
        }
        return Self.signed(magnitude, negative: significand < 0, exponent: exponent)
    }

    /// How many decimal digits `value` has (1 for 0).
    static func digitCount(_ value: UInt128) -> Int {
        var count = 1
        while count <= 38, value >= powersOfTen[count] { count += 1 }
        return count
    }
}

extension ExactDecimal: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}

extension ExactDecimal: Comparable, Hashable {
    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        if lhs.exponent == rhs.exponent { return lhs.significand == rhs.significand }
        return compare(lhs, rhs) == 0
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        if lhs.exponent == rhs.exponent { return lhs.significand < rhs.significand }
        return compare(lhs, rhs) < 0
    }

    public func hash(into hasher: inout Hasher) {
        let normal = normalized
        hasher.combine(normal.significand)
        hasher.combine(normal.exponent)
    }

    /// -1, 0 or 1 as `lhs` is less than, equal to or greater than `rhs`: exactly, however far
    /// apart their exponents.
    static func compare(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Int {
        let left = lhs.significand.signum(), right = rhs.significand.signum()
        guard left == right, left != 0 else { return left < right ? -1 : (left > right ? 1 : 0) }
        let magnitudes: Int
        if lhs.exponent >= rhs.exponent {
            magnitudes = compareScaled(lhs.significand.magnitude, by: lhs.exponent - rhs.exponent, with: rhs.significand.magnitude)
        } else {
            magnitudes = -compareScaled(rhs.significand.magnitude, by: rhs.exponent - lhs.exponent, with: lhs.significand.magnitude)
        }
        return left > 0 ? magnitudes : -magnitudes
    }

    /// How `value` × 10^`power` (value ≠ 0, power ≥ 0) compares with `other` (at most 38 digits).
    private static func compareScaled(_ value: UInt128, by power: Int, with other: UInt128) -> Int {
        // 10^39 and more times a non-zero value is above every 38-digit number.
        guard power <= 38 else { return 1 }
        let (high, low) = value.multipliedFullWidth(by: powersOfTen[power])
        if high != 0 { return 1 }
        return low < other ? -1 : (low > other ? 1 : 0)
    }
}

extension ExactDecimal: CustomStringConvertible {
    /// The value's text: see ``DecimalText``.
    public var description: String { DecimalText.text(self) }
}

extension Int {
    /// `value`, when it is a whole number within `Int`'s range.
    public init?(exactly value: ExactDecimal) {
        let normal = value.normalized
        guard normal.exponent >= 0 else { return nil }
        var whole = normal.significand
        for _ in 0..<normal.exponent {
            let (scaled, overflow) = whole.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            whole = scaled
        }
        guard let exact = Int(exactly: whole) else { return nil }
        self = exact
    }
}

extension Double {
    /// `value` for drawing, not for comparing: its digits divided (or multiplied) by ten once
    /// per place, as Foundation's `Decimal.doubleValue` does, so that bar widths printed from
    /// it stay what they were (within an ulp or two of the nearest double).
    public init(_ value: ExactDecimal) {
        let normal = value.normalized
        var result = Double(normal.significand)
        // 400 places take any significand to 0 or infinity; more would change nothing.
        if normal.exponent < 0 {
            for _ in 0..<min(-normal.exponent, 400) { result /= 10 }
        } else {
            for _ in 0..<min(normal.exponent, 400) { result *= 10 }
        }
        self = result
    }
}
