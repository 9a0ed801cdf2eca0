/// One survey as the workbook gives it: its row's cells and its rows in the other sheets,
/// each read for its column.
struct SurveyRecord {
    /// One row: its cells by column key, and the cell naming the row (`用房!A7`).
    struct Row {
        var fields: [String: CellContent]
        var cell: String

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
