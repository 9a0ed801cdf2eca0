import WuyouCore

/// One survey as the workbook gives it: its row's cells and its rows in the other sheets,
/// each read for its column.
struct SurveyRecord {
    /// One row: its cells by column (in the order of its sheet's ``SheetKind/columns``), and the
    /// cell naming it (`用房!A7`, the survey column's).
    struct Row {
        let kind: SheetKind
        var contents: [CellContent]
        var cell: SourceCell

        init(kind: SheetKind, cell: SourceCell) {
            self.kind = kind
            contents = Array(repeating: .blank, count: kind.columns.count)
            self.cell = cell
        }

        subscript(key: String) -> CellContent {
            kind.position(of: key).map { contents[$0] } ?? .blank
        }

        func value(_ key: String) -> String? {
            self[key].value
        }
    }

    var survey: Row
    var rooms: [Row] = []
    var departments: [Row] = []
    var developments: [Row] = []
    /// The survey's row number, for the generated file's comment.
    var rowNumber: Int
    var sheetName: String
}
