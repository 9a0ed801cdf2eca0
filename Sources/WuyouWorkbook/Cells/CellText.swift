import Foundation

/// How cell text is compared with the words the format knows (`是`, `m²`, column labels):
/// Unicode NFKC, so full-width letters, digits and punctuation (`１２`, `，`, `；`) and
/// compatibility characters (`㎡`) become their plain forms, then trimmed.
public enum CellText {
    public static func normalised(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `normalised(_:)`, lowercased, for words compared without regard to case (`TRUE`, `Y`, keys).
    public static func folded(_ text: String) -> String {
        normalised(text).lowercased()
    }

    /// Text as it goes into an attribute or a one-line element: trimmed, each run of whitespace
    /// (line breaks too) one space, XML-forbidden control characters removed.
    public static func singleLine(_ text: String) -> String {
        let words = withoutControlCharacters(text).split(whereSeparator: { $0.isWhitespace })
        return words.joined(separator: " ")
    }

    /// Text for a multi-line element (notes): line breaks kept as `\n`, trimmed.
    public static func multiline(_ text: String) -> String {
        withoutControlCharacters(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// XML 1.0 allows no C0 control character but tab, LF and CR, and not U+FFFE/U+FFFF; a cell
    /// can hold them (`_x0001_` in the file), and they are invisible, so they are dropped.
    private static func withoutControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isForbidden($0) }))
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r")
            || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
