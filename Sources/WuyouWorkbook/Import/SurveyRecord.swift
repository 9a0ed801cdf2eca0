import WuyouCore

/// One survey as the workbook gives it: its row's cells and its rows in the other sheets,
/// each read for its column.
struct SurveyRecord {
    /// One row: its cells by column key, and its file and the cell naming it (`用房!A7`).
    struct Row {
        var fields: [String: CellContent]
        var cell: Diagnostic.Location

        subscript(key: String) -> CellContent {
            fields[key] ?? .blank
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
