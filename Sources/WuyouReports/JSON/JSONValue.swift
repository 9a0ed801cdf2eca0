import Foundation
import WuyouCore
import WuyouDecimal

/// A JSON document with ordered object keys, so that output is byte-for-byte deterministic.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(ExactDecimal)
    /// A whole number; written as ``number(_:)`` would write it, without going through ``ExactDecimal``.
    case integer(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// Pretty-printed with two-space indentation and a trailing newline at the top level.
    public func serialized(indent: Int = 0) -> String {
        var bytes: [UInt8] = []
        serialize(into: &bytes, indent: indent)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The value on one line, without spaces between tokens.
    public func serializedOnOneLine() -> String {
        var sink = JSONBytes(layout: .oneLine)
        sink.value(self)
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    /// Appends the pretty-printed UTF-8 of this value to `output`, as ``serialized(indent:)`` writes it.
    public func serialize(into output: inout [UInt8], indent: Int = 0) {
        var sink = JSONBytes(indent: indent)
        sink.value(self)
        output += sink.bytes
    }

    private static let hexDigits: StaticString = "0123456789abcdef"

    /// Appends `value` as a JSON string literal, quotes included.
    static func writeString(_ value: String, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { utf8 in
            let start = output.count
            output.append(contentsOf: repeatElement(0, count: 6 * utf8.count + 2))
            let written = output.withUnsafeMutableBufferPointer { target in
                writeString(utf8, into: UnsafeMutableBufferPointer(rebasing: target[start...]))
            }
            output.removeLast(output.count - start - written)
        }
    }

    /// Writes `utf8` as a JSON string literal, quotes included, at the start of `target`, which
    /// has room for the worst case (6 bytes a byte, plus the quotes); returns the bytes written.
    ///
    /// Escapes byte by byte: every byte that needs an escape is ASCII, and U+2028/U+2029 are
    /// the three bytes E2 80 A8/A9.
    static func writeString(_ utf8: UnsafeBufferPointer<UInt8>, into target: UnsafeMutableBufferPointer<UInt8>) -> Int {
        precondition(target.count >= 6 * utf8.count + 2, "no room to escape the string")
        // One plain loop over pointers: no closure captures the cursor (a captured variable
        // costs a dynamic exclusivity check per byte).
        let start = target.baseAddress!
        var output = start
        output.pointee = UInt8(ascii: "\"")
        output += 1
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            index += 1
            // Controls, `"`, `\\`, and E2 (the lead byte of U+2028/U+2029) may need an escape.
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2 else {
                output.pointee = byte
                output += 1
                continue
            }
            var escape: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (UInt8(ascii: "\\"), 0, 0, 0, 0, 0)
            var width = 2
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): escape.1 = byte
            case UInt8(ascii: "\n"): escape.1 = UInt8(ascii: "n")
            case UInt8(ascii: "\r"): escape.1 = UInt8(ascii: "r")
            case UInt8(ascii: "\t"): escape.1 = UInt8(ascii: "t")
            case 0xE2:
                guard index + 1 < utf8.count, utf8[index] == 0x80, utf8[index + 1] == 0xA8 || utf8[index + 1] == 0xA9 else {
                    output.pointee = byte
                    output += 1
                    continue
                }
                escape = (UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "2"), UInt8(ascii: "0"), UInt8(ascii: "2"),
                          utf8[index + 1] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                width = 6
                index += 2
            default:
                escape = (UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                          hexDigits.utf8Start[Int(byte >> 4)], hexDigits.utf8Start[Int(byte & 0xF)])
                width = 6
            }
            withUnsafeBytes(of: escape) { output.update(from: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: width) }
            output += width
        }
        output.pointee = UInt8(ascii: "\"")
        output += 1
        return output - start
    }
}
