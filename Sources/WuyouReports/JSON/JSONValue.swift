import Foundation

/// A JSON document with ordered object keys, so that output is byte-for-byte deterministic.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Decimal)
    /// A whole number; written as ``number(_:)`` would write it, without going through `Decimal`.
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

    /// Appends the pretty-printed UTF-8 of this value to `output`, as ``serialized(indent:)`` writes it.
    public func serialize(into output: inout [UInt8], indent: Int = 0) {
        var sink = JSONBytes(indent: indent)
        sink.value(self)
        output += sink.bytes
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Bytes that may need an escape: controls, `"`, `\\`, and E2 (the lead byte of U+2028/U+2029).
    private static let special: [Bool] = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }

    /// Escapes byte by byte: every byte that needs an escape is ASCII, and U+2028/U+2029 are
    /// the three bytes E2 80 A8/A9.
    static func writeString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var start = 0
            var index = 0
            special.withUnsafeBufferPointer { special in
                while index < bytes.count {
                    let byte = bytes[index]
                    guard special[Int(byte)] else {
                        index += 1
                        continue
                    }
                    var width = 1
                    let escape: String
                    switch byte {
                    case UInt8(ascii: "\""): escape = "\\\""
                    case UInt8(ascii: "\\"): escape = "\\\\"
                    case UInt8(ascii: "\n"): escape = "\\n"
                    case UInt8(ascii: "\r"): escape = "\\r"
                    case UInt8(ascii: "\t"): escape = "\\t"
                    case 0xE2:
                        guard index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 else {
                            index += 1
                            continue
                        }
                        escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                        width = 3
                    default:
                        escape = "\\u00" + String(decoding: [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]], as: UTF8.self)
                    }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    output.append(contentsOf: escape.utf8)
                    index += width
                    start = index
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
