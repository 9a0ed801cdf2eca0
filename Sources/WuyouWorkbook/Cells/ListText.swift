/// Lists in one cell: items separated by line breaks (Alt+Enter), `；`, `;` or `、`.
enum ListText {
    /// The word that, alone in a list cell, means "listed, and there are none".
    static let none = "无"

    /// The items, each on one line and trimmed; empty items are dropped.
    static func items(_ text: String) -> [String] {
        // By scalar, not Character: a `\r\n` then splits twice, and the empty item between goes.
        text.unicodeScalars.split(whereSeparator: isSeparator)
            .map { CellText.singleLine(String(String.UnicodeScalarView($0))) }
            .filter { !$0.isEmpty }
    }

    /// Line breaks (those `Character.isNewline` knows), `；`, `;`, `﹔` and `、`.
    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029, 0x3B, 0xFF1B, 0xFE54, 0x3001: true
        default: false
        }
    }
}
