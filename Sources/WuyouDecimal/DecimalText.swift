/// How every report writes a number: its shortest exact text, without exponent or trailing
/// zeros (`300`, `300.4`, `0.0042`, `-3.25`, `1000000`), the same in JSON, HTML, CSV and text.
public enum DecimalText {
    /// The text of `value`.
    public static func text(_ value: ExactDecimal) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 of ``text(_:)`` to `output`.
    public static func append(_ value: ExactDecimal, to output: inout [UInt8]) {
        let normal = value.normalized
        if normal.significand < 0 { output.append(UInt8(ascii: "-")) }
        // The digits, written from the last into a buffer on the stack (a report writes
        // thousands of numbers): by 64-bit division where they fit, as they nearly always do.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
            var start = buffer.count
            var magnitude = normal.significand.magnitude
            if magnitude <= UInt64.max {
                var small = UInt64(magnitude)
                repeat {
                    start -= 1
                    buffer[start] = UInt8(ascii: "0") + UInt8(small % 10)
                    small /= 10
                } while small > 0
            } else {
                repeat {
                    start -= 1
                    buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                    magnitude /= 10
                } while magnitude > 0
            }
            let digits = UnsafeBufferPointer(rebasing: buffer[start...])
            let exponent = normal.exponent
            if exponent >= 0 {
                output.append(contentsOf: digits)
                output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: exponent))
            } else if digits.count <= -exponent {
                output.append(UInt8(ascii: "0"))
                output.append(UInt8(ascii: "."))
                output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -exponent - digits.count))
                output.append(contentsOf: digits)
            } else {
                let point = digits.count + exponent
                output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[..<point]))
                output.append(UInt8(ascii: "."))
                output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[point...]))
            }
        }
    }
}
