/// RFC 4180 comma-separated values, as Excel reads them.
public enum CSVFormat {
    /// The UTF-8 byte-order mark: without it Excel reads UTF-8 as the local code page.
    public static let byteOrderMark = "\u{FEFF}"

    /// One field, quoted when it holds a comma, a double quote, a CR or an LF (quotes doubled).
    public static func field(_ value: String) -> String {
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Survey text made safe for a spreadsheet: a cell that starts with `=`, `+`, `-`, `@`, a
    /// tab or a CR would be run by Excel as a formula, so it gets a leading `'` (OWASP's advice).
    public static func text(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return value }
        return "'" + value
    }

    /// One record, ended by CRLF.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// ``field(_:)`` of ``text(_:)``, appended to `output` as UTF-8: the characters that call for
    /// a `'` or for quotes are all ASCII, so the bytes tell.
    public static func appendText(_ value: String, to output: inout [UInt8]) {
        let utf8 = value.utf8
        let formula = utf8.first.map { [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains($0) } ?? false
        let quoted = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
        if quoted { output.append(UInt8(ascii: "\"")) }
        if formula { output.append(UInt8(ascii: "'")) }
        if quoted {
            for byte in utf8 {
                output.append(byte)
                if byte == UInt8(ascii: "\"") { output.append(byte) }
            }
            output.append(UInt8(ascii: "\""))
        } else {
            output.append(contentsOf: utf8)
        }
    }
}
