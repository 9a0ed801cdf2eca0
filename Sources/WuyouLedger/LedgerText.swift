import WuyouCore
/// How the ledger's text is read, the same from XML and from a workbook cell, so that the same
/// entry read from either gives the same text.
public enum LedgerText {
    /// A reason or a measure: each line trimmed, blank lines dropped, lines joined by `\n`;
    /// control characters other than the line break removed.
    public static func paragraph(_ text: String) -> String {
        cleaned(text).split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// A name or a code (owner, approved-by, community, survey, requirement): trimmed, each run
    /// of whitespace and line breaks one space.
    public static func line(_ text: String) -> String {
        cleaned(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func cleaned(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isDropped) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isDropped($0) }))
    }

    private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control && !"\n\r\t".unicodeScalars.contains(scalar)
    }

    /// A day of the ledger, `YYYY-MM-DD`: nil unless it is one (a zone or a time is not).
    public static func day(_ text: String) -> SurveyDate? {
        let trimmed = line(text)
        guard trimmed.utf8.count == 10, let date = SurveyDate(trimmed), date.year >= 1 else { return nil }
        return date
    }
}

extension Substring {
    fileprivate var trimmingWhitespace: Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }
}
