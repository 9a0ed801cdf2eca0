/// A cell read for its column: what the survey XML will say.
enum CellContent: Equatable {
    /// Blank: not collected, so the attribute or element is left out.
    case blank
    /// One value, already in the survey format's spelling (`true`, `380.5`, `2024-05-14`, `own`).
    case value(String)
    /// A list; empty when the cell says `无` (listed, and there are none).
    case list([String])
    /// `无大厅` in `hall-one-door`: the centre has no hall.
    case noHall

    var value: String? {
        if case .value(let value) = self { return value }
        return nil
    }
}
