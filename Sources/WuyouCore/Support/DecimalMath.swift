import Foundation

/// Foundation's `Decimal` arithmetic, bit for bit, done in 64-bit integers when the operands
/// and the exact result fit, which for a survey's areas, counts and money they always do. (One
/// exception: a zero may keep a different exponent than Foundation's zero; its value, its
/// comparisons and its text are the same.)
///
/// Foundation divides digit by digit (40,000 instructions for 1720 × 20 ÷ 100) and compacts
/// every result; here an operation is a few dozen instructions. A result is built with the
/// bytes Foundation gives the same value (the mantissa without trailing zeros, the compact
/// flag), in the layout ``DecimalText`` reads and checks; anything else, such as an inexact
/// quotient, overflow, NaN or a layout this code does not know, is left to Foundation.
public enum DecimalMath {
    public static func add(_ lhs: Decimal, _ rhs: Decimal) -> Decimal {
        guard let left = DecimalParts(lhs), let right = DecimalParts(rhs), let sum = left.adding(right) else { return lhs + rhs }
        return sum.decimal
    }

    public static func subtract(_ lhs: Decimal, _ rhs: Decimal) -> Decimal {
        guard let left = DecimalParts(lhs), let right = DecimalParts(rhs), let difference = left.adding(right.negated)
        else { return lhs - rhs }
        return difference.decimal
    }

    public static func multiply(_ lhs: Decimal, _ rhs: Decimal) -> Decimal {
        guard let left = DecimalParts(lhs), let right = DecimalParts(rhs), let product = left.multiplied(by: right)
        else { return lhs * rhs }
        return product.decimal
    }

    public static func divide(_ lhs: Decimal, _ rhs: Decimal) -> Decimal {
        guard let left = DecimalParts(lhs), let right = DecimalParts(rhs), let quotient = left.divided(by: right)
        else { return lhs / rhs }
        return quotient.decimal
    }

    /// `lhs < rhs`.
    public static func less(_ lhs: Decimal, _ rhs: Decimal) -> Bool {
        guard let left = DecimalParts(lhs), let right = DecimalParts(rhs), let order = left.compared(to: right) else { return lhs < rhs }
        return order < 0
    }

    /// `DecimalRounding.rounded(value, places:)`: half away from zero (NSDecimalRound `.plain`).
    public static func rounded(_ value: Decimal, places: Int) -> Decimal? {
        guard let parts = DecimalParts(value) else { return nil }
        // NSDecimalRound returns a value with no more places as it is.
        guard parts.exponent < -places else { return value }
        guard let rounded = parts.rounded(places: places) else { return nil }
        if rounded.mantissa == 0, parts.mantissa != 0, (0...127).contains(places) { return zero(exponent: -places) }
        return rounded.decimal
    }

    /// Zero as NSDecimalRound leaves a value that rounds to it: with the exponent it rounded to.
    private static func zero(exponent: Int) -> Decimal {
        var zero: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &zero) { $0[0] = UInt8(bitPattern: Int8(exponent)) }
        return withUnsafeBytes(of: zero) { $0.loadUnaligned(as: Decimal.self) }
    }

    /// `part` ÷ `whole` rounded half away from zero to `places`, for counts (0 ≤ part, 0 < whole
    /// below a million): the exact quotient rounded once. Foundation rounds its quotient cut at
    /// 38 digits, which gives the same unless the cut digits decide a tie, and for such counts
    /// a tie is an exact quotient. Nil outside those bounds.
    public static func ratio(_ part: Int, _ whole: Int, places: Int) -> Decimal? {
        guard DecimalText.layoutVerified, (0..<1_000_000).contains(part), (1..<1_000_000).contains(whole), (0...6).contains(places)
        else { return nil }
        if part == 0 { return Decimal() }
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let (quotient, remainder) = (UInt64(part) * scale).quotientAndRemainder(dividingBy: UInt64(whole))
        let rounded = 2 * remainder >= UInt64(whole) ? quotient + 1 : quotient
        return rounded == 0 ? zero(exponent: -places) : DecimalParts(negative: false, mantissa: rounded, exponent: -places).decimal
    }

    /// `Decimal(value)`.
    public static func decimal(_ value: Int) -> Decimal {
        guard DecimalText.layoutVerified else { return Decimal(value) }
        return DecimalParts(negative: value < 0, mantissa: UInt64(value.magnitude), exponent: 0).decimal
    }
}

/// A running total of decimals: what ``DecimalMath/add(_:_:)`` gives adding them one by one,
/// kept in 64-bit parts while it fits, so that summing an audit's 100,000 amounts makes one
/// `Decimal` instead of one per amount.
public struct DecimalSum: Sendable {
    private var exact = DecimalParts(negative: false, mantissa: 0, exponent: 0)
    /// The sum from the first amount whose 64-bit sum would not fit on, added one by one
    /// with ``DecimalMath/add(_:_:)``.
    private var wide: Decimal?

    public init() {}

    public mutating func add(_ value: Decimal) {
        if wide == nil, let parts = DecimalParts(value), let sum = exact.adding(parts) {
            exact = sum
        } else {
            wide = DecimalMath.add(wide ?? exact.decimal, value)
        }
    }

    public var value: Decimal { wide ?? exact.decimal }
}

/// A decimal as sign, mantissa and exponent: mantissa × 10^exponent.
struct DecimalParts {
    var negative: Bool
    var mantissa: UInt64
    var exponent: Int

    init(negative: Bool, mantissa: UInt64, exponent: Int) {
        self.negative = negative
        self.mantissa = mantissa
        self.exponent = exponent
    }

    /// The parts of `value`, read from its bytes; nil for NaN, mantissas wider than 64 bits,
    /// or when the layout is not the one checked (see ``DecimalText``).
    init?(_ value: Decimal) {
        guard DecimalText.layoutVerified, let parts = Self.read(value) else { return nil }
        self = parts
    }

    /// The bytes as `NSDecimal` lays them out: 8-bit exponent, 4-bit length, sign and compact
    /// bits, 18 reserved bits, eight 16-bit mantissa words.
    static func read(_ value: Decimal) -> DecimalParts? {
        withUnsafeBytes(of: value) { raw -> DecimalParts? in
            guard raw.count == 20 else { return nil }
            let exponent = Int(Int8(bitPattern: raw[0]))
            let length = Int(raw[1] >> 4)
            let negative = raw[1] & 0x08 != 0
            guard length <= 4, !(length == 0 && negative) else { return nil }
            if length == 0 { return DecimalParts(negative: false, mantissa: 0, exponent: 0) }
            var mantissa: UInt64 = 0
            for word in stride(from: length - 1, through: 0, by: -1) {
                mantissa = mantissa << 16 | UInt64(raw[4 + 2 * word]) | UInt64(raw[5 + 2 * word]) << 8
            }
            // Words past the length are zero in every value Foundation makes; anything else is
            // not a layout this reader knows.
            for offset in (4 + 2 * length)..<20 where raw[offset] != 0 { return nil }
            guard mantissa != 0 else { return nil }
            return DecimalParts(negative: negative, mantissa: mantissa, exponent: exponent)
        }
    }

    /// The `Decimal` Foundation makes for this value: compacted (no trailing zeros in the
    /// mantissa), flagged compact; zero has length 0 and exponent 0.
    var decimal: Decimal {
        var mantissa = mantissa
        var exponent = exponent
        if mantissa == 0 { return Decimal() }
        while mantissa % 10 == 0 {
            mantissa /= 10
            exponent += 1
        }
        guard (-128...127).contains(exponent) else {
            return Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(mantissa))
        }
        var length: UInt8 = 0
        var rest = mantissa
        while rest > 0 {
            length += 1
            rest >>= 16
        }
        var bytes: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &bytes) { raw in
            raw[0] = UInt8(bitPattern: Int8(exponent))
            raw[1] = length << 4 | (negative ? 0x08 : 0) | 0x04
            for word in 0..<Int(length) {
                raw[4 + 2 * word] = UInt8(truncatingIfNeeded: mantissa >> (16 * UInt64(word)))
                raw[5 + 2 * word] = UInt8(truncatingIfNeeded: mantissa >> (16 * UInt64(word) + 8))
            }
        }
        return withUnsafeBytes(of: bytes) { $0.loadUnaligned(as: Decimal.self) }
    }

    var negated: DecimalParts {
        DecimalParts(negative: mantissa != 0 && !negative, mantissa: mantissa, exponent: exponent)
    }

    private static let powersOfTen: [UInt64] = (0...19).map { power in (0..<power).reduce(1) { result, _ in result * 10 } }

    /// `value` × 10^`power`, or nil past 64 bits.
    private static func scaled(_ value: UInt64, by power: Int) -> UInt64? {
        guard power >= 0, power < powersOfTen.count else { return value == 0 ? 0 : nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: powersOfTen[power])
        return overflow ? nil : product
    }

    /// Both mantissas at the smaller exponent, or nil past 64 bits.
    private func aligned(with other: DecimalParts) -> (UInt64, UInt64, exponent: Int)? {
        let exponent = min(self.exponent, other.exponent)
        guard let left = Self.scaled(mantissa, by: self.exponent - exponent),
              let right = Self.scaled(other.mantissa, by: other.exponent - exponent)
        else { return nil }
        return (left, right, exponent)
    }

    func adding(_ other: DecimalParts) -> DecimalParts? {
        guard let (left, right, exponent) = aligned(with: other) else { return nil }
        if negative == other.negative {
            let (sum, overflow) = left.addingReportingOverflow(right)
            return overflow ? nil : DecimalParts(negative: negative, mantissa: sum, exponent: exponent)
        }
        if left >= right {
            return DecimalParts(negative: left != right && negative, mantissa: left - right, exponent: exponent)
        }
        return DecimalParts(negative: other.negative, mantissa: right - left, exponent: exponent)
    }

    func multiplied(by other: DecimalParts) -> DecimalParts? {
        let (product, overflow) = mantissa.multipliedReportingOverflow(by: other.mantissa)
        guard !overflow else { return nil }
        return DecimalParts(negative: product != 0 && negative != other.negative, mantissa: product, exponent: exponent + other.exponent)
    }

    /// The exact quotient, when it has a finite decimal expansion within 64 bits.
    func divided(by other: DecimalParts) -> DecimalParts? {
        guard other.mantissa != 0 else { return nil }
        if mantissa == 0 { return DecimalParts(negative: false, mantissa: 0, exponent: 0) }
        for power in 0..<Self.powersOfTen.count {
            guard let dividend = Self.scaled(mantissa, by: power) else { return nil }
            let (quotient, remainder) = dividend.quotientAndRemainder(dividingBy: other.mantissa)
            if remainder == 0 {
                return DecimalParts(negative: negative != other.negative, mantissa: quotient, exponent: exponent - other.exponent - power)
            }
        }
        return nil
    }

    /// -1, 0 or 1 as this is less than, equal to or greater than `other`.
    func compared(to other: DecimalParts) -> Int? {
        let leftSign = mantissa == 0 ? 0 : (negative ? -1 : 1)
        let rightSign = other.mantissa == 0 ? 0 : (other.negative ? -1 : 1)
        guard leftSign == rightSign, leftSign != 0 else { return leftSign < rightSign ? -1 : (leftSign > rightSign ? 1 : 0) }
        guard let (left, right, _) = aligned(with: other) else { return nil }
        let magnitude = left < right ? -1 : (left > right ? 1 : 0)
        return leftSign * magnitude
    }

    /// Rounded half away from zero to `places` decimal places.
    func rounded(places: Int) -> DecimalParts? {
        guard exponent < -places else { return self }
        let drop = -places - exponent
        guard drop < Self.powersOfTen.count else { return DecimalParts(negative: false, mantissa: 0, exponent: 0) }
        let divisor = Self.powersOfTen[drop]
        var (kept, remainder) = mantissa.quotientAndRemainder(dividingBy: divisor)
        if remainder >= divisor - remainder { kept += 1 }
        return DecimalParts(negative: kept != 0 && negative, mantissa: kept, exponent: -places)
    }
}
