/// Lists in one cell: items separated by line breaks (Alt+Enter), `；`, `;` or `、`.
enum ListText {
    /// The word that, alone in a list cell, means "listed, and there are none".
    static let none = "无"

    /// The items, each on one line and trimmed; empty items are dropped.
    static func items(_ text: String) -> [String] {
        // `\r\n` is one Character in Swift, so line breaks are found with isNewline.
        text.split(whereSeparator: { $0.isNewline || ";；﹔、".contains($0) })
            .map { CellText.singleLine(String($0)) }
            .filter { !$0.isEmpty }
    }
}
