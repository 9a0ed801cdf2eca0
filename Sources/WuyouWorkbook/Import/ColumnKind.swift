/// What a workbook column holds, and so how its cells are read (docs/spec/spreadsheet-format.md, "Cells").
public enum ColumnKind: Sendable, Hashable {
    /// A survey id (`surveys.id`, and `survey` in the other sheets): one line, NFKC-normalised.
    case identifier
    /// Text on one line; runs of whitespace become one space.
    case text
    /// Text whose line breaks are kept (notes).
    case multilineText
    /// A date cell, or text such as `2023-06-12` or `2023年6月12日`.
    case date
    /// A whole number of at least `minimum`, optionally followed by `unit`.
    case integer(minimum: Int, unit: NumberUnit)
    /// A number ≥ 0, optionally followed by `unit`.
    case decimal(unit: NumberUnit)
    case boolean
    /// A premises word or its Chinese label (``PremisesWords``).
    case premises
    /// A boolean, or `无大厅`: the centre has no hall.
    case hall
    /// Items separated by line breaks, `；`, `;` or `、`; with `noneWord`, `无` alone means
    /// "listed, and there are none".
    case list(noneWord: Bool)
    /// Room codes or the checklist's room names, separated by spaces, `、`, `，` or `,`.
    case roomTypes
}
