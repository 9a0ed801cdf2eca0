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
}
