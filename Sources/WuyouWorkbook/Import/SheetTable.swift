import WuyouCore

/// A sheet matched against its kind's columns: which column holds which key, and what is wrong
/// with the header row.
///
/// Row 1 is the header. A header cell that is neither a key nor a label, a column named twice,
/// and a column with values but no header are reported once, at the header; a row with a value
/// in such a column is not imported, since that value would otherwise be dropped silently.
struct SheetTable {
    let sheet: WorkbookSheet
    let kind: SheetKind
    /// Key → 1-based column.
    private(set) var columns: [String: Int] = [:]
    /// Columns whose values cannot be placed.
    private(set) var rejectedColumns: Set<Int> = []
    /// Required columns the header lacks.
    private(set) var missingRequired: [WorkbookColumn] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// The rows below the header with something in them.
    let dataRows: [SheetRow]

    init(sheet: WorkbookSheet, kind: SheetKind) {
        self.sheet = sheet
        self.kind = kind
        let header = sheet.rows.first { $0.number == 1 }
        dataRows = sheet.rows.filter { $0.number > 1 && !$0.isBlank }
        var usedColumns = Set(dataRows.flatMap { $0.cells.filter { !$0.value.isBlank }.map(\.column) })
        for cell in header?.cells ?? [] {
            let text = Self.headerText(cell.value)
            if text.isEmpty { continue }
            usedColumns.remove(cell.column)
            guard let column = Self.column(named: text, in: kind) else {
                reject(cell.column, .workbookHeaderUnknown, ["header": .quoted(CellText.singleLine(text))])
                continue
            }
            if let first = columns[column.key] {
                reject(cell.column, .workbookHeaderDuplicate, [
                    "column": column.name, "first": .text(CellReference.letters(ofColumn: first)),
                ])
                continue
            }
            columns[column.key] = cell.column
        }
        for column in usedColumns.sorted() {
            reject(column, .workbookHeaderBlank, [:])
        }
        missingRequired = kind.columns.filter { $0.required && columns[$0.key] == nil }
        if !dataRows.isEmpty {
            for column in missingRequired {
                diagnostics.append(Diagnostic(.workbookColumnMissing, at: location(column: 1, row: 1), ["column": column.name]))
            }
        }
    }

    private mutating func reject(_ column: Int, _ code: DiagnosticCode, _ arguments: [String: DiagnosticArgument]) {
        rejectedColumns.insert(column)
        diagnostics.append(Diagnostic(code, at: location(column: column, row: 1), arguments))
    }

    /// The column a header names: a key (any case) or a label, after NFKC and trimming.
    static func column(named header: String, in kind: SheetKind) -> WorkbookColumn? {
        let normalised = CellText.normalised(header)
        return kind.columns.first { $0.key == normalised.lowercased() || $0.label == normalised }
    }

    private static func headerText(_ value: CellValue) -> String {
        switch value {
        case .text(let text): CellText.normalised(text)
        case .number(let number, _): "\(number)"
        case .boolean(let boolean): boolean ? "TRUE" : "FALSE"
        case .error(let text): text
        case .uncalculatedFormula, .externalFormula: "="
        }
    }

    /// Whether the row has a value in a column that could not be placed.
    func hasRejectedValue(_ row: SheetRow) -> Bool {
        row.cells.contains { rejectedColumns.contains($0.column) && !$0.value.isBlank }
    }

    /// Where a cell of this sheet is, for a diagnostic.
    func location(column: Int, row: Int) -> Diagnostic.Location {
        Diagnostic.Location(file: sheet.file, cell: "\(sheet.name)!\(CellReference.name(column: column, row: row))")
    }

    /// Where the cell of `key` in `row` is; the row's first column when the sheet has no such column.
    func location(of key: String, row: Int) -> Diagnostic.Location {
        location(column: columns[key] ?? 1, row: row)
    }
}
