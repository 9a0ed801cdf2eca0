import Foundation

/// `Decimal.description`, byte for byte, without Foundation's digit-by-digit long division
/// (13,000 instructions a number; a report prints a dozen).
///
/// Foundation keeps no public accessor for a decimal's mantissa, so it is read from the value's
/// bytes (``DecimalParts``), which follow the `NSDecimal` layout (an 8-bit exponent, a 4-bit
/// length and the sign bit, then eight 16-bit words of mantissa). That layout is checked once
/// against `description` on probe values; should a Foundation ever store decimals
/// differently, every number simply goes the slow way.
public enum DecimalText {
    /// The text of `value`, exactly as `value.description`.
    public static func text(_ value: Decimal) -> String {
        guard layoutVerified, let parts = DecimalParts.read(value) else { return value.description }
        return withText(parts) { String(decoding: $0, as: UTF8.self) }
    }

    /// Appends the UTF-8 of `value.description` to `output`.
    public static func append(_ value: Decimal, to output: inout [UInt8]) {
        guard layoutVerified, let parts = DecimalParts.read(value) else {
            output.append(contentsOf: value.description.utf8)
            return
        }
        withText(parts) { output.append(contentsOf: $0) }
    }

    /// Calls `body` with what `Decimal._toString` writes: the stored digits, zeros for a
    /// positive exponent, a point (with `0.` and zeros before it when needed) for a negative one.
    private static func withText<Result>(
        _ parts: DecimalParts, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        // A sign, 20 digits, a point and at most 128 zeros (the exponent is 8 bits).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 160) { buffer in
            let text = buffer.baseAddress!
            var count = 0
            if parts.negative {
                text[count] = UInt8(ascii: "-")
                count += 1
            }
            var digits = 0
            var rest = parts.mantissa
            repeat {
                digits += 1
                rest /= 10
            } while rest > 0
            let exponent = parts.exponent
            let zerosBefore = exponent < 0 && digits <= -exponent ? -exponent - digits : -1  // -1: no "0." prefix
            if zerosBefore >= 0 {
                text[count] = UInt8(ascii: "0")
                text[count + 1] = UInt8(ascii: ".")
                count += 2
                for _ in 0..<zerosBefore {
                    text[count] = UInt8(ascii: "0")
                    count += 1
                }
            }
            // Digits from the last; a point goes in after -exponent of them when it falls inside.
            let point = exponent < 0 && zerosBefore < 0 ? digits + exponent : -1
            let width = digits + (point >= 0 ? 1 : 0)
            var position = count + width - 1
            rest = parts.mantissa
            for digit in 0..<digits {
                if point >= 0, digit == -exponent {
                    text[position] = UInt8(ascii: ".")
                    position -= 1
                }
                text[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                position -= 1
            }
            count += width
            for _ in 0..<max(exponent, 0) {
                text[count] = UInt8(ascii: "0")
                count += 1
            }
            return body(UnsafeBufferPointer(start: text, count: count))
        }
    }

    /// Whether this Foundation's decimals have the layout ``DecimalParts/read(_:)`` reads: probe values of
    /// every shape (integers, fractions, negatives, trailing zeros, zero) agree with `description`.
    static let layoutVerified: Bool = {
        let probes: [Decimal] = [
            0, 1, -1, 7, 300, 1720, Decimal(string: "12.50")!, Decimal(string: "-0.0042")!, Decimal(2) / Decimal(8),
            Decimal(sign: .plus, exponent: 3, significand: 25), Decimal(sign: .minus, exponent: -6, significand: 123_456_789),
            Decimal(UInt64.max), Decimal(string: "0.6667")!, Decimal(string: "98765.4321")!,
        ]
        return probes.allSatisfy { probe in
            guard let parts = DecimalParts.read(probe) else { return false }
            return withText(parts) { $0.elementsEqual(probe.description.utf8) }
        }
    }()
}
