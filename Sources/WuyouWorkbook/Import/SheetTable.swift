import WuyouCore

/// A sheet matched against its kind's columns: which column holds which key, and what is wrong
/// with the header row.
///
/// Row 1 is the header. A header cell that is neither a key nor a label, a column named twice,
/// and a column with values but no header are reported once, at the header; a row with a value
/// in such a column is not imported, since that value would otherwise be dropped silently.
///
/// Made from what a first pass found (``init(file:sheetName:kind:header:usedColumns:hasDataRows:)``),
/// or from the header alone and then told of each data row as it is read (``note(_:)``): the
/// same diagnostics either way, in the same order (``diagnostics``).
struct SheetTable {
    let file: String
    let sheetName: String
    let kind: SheetKind
    /// Key → 1-based column.
    private(set) var columns: [String: Int] = [:]
    /// Columns whose values cannot be placed.
    private(set) var rejectedColumns: Set<Int> = []
    /// Required columns the header lacks.
    private(set) var missingRequired: [WorkbookColumn] = []
    /// The problems found, each with where it sorts: header cells by column, then columns
    /// without a header by column, then missing columns.
    private var found: [(group: Int, column: Int, diagnostic: Diagnostic)] = []
    /// Whether the sheet has a row below the header with something in it.
    private(set) var hasDataRows: Bool
    /// The columns with a header cell.
    private var headed: Set<Int> = []
    /// By 1-based sheet column, the position in ``SheetKind/columns`` of the column it holds;
    /// -1 for none.
    private(set) var positions: [Int] = []
    /// By position in ``SheetKind/columns``, the 1-based sheet column holding it, if any.
    private(set) var columnsByPosition: [Int?] = []

    /// - Parameters:
    ///   - header: Row 1, if the sheet has one.
    ///   - usedColumns: The columns with a value in some row below the header.
    init(file: String, sheetName: String, kind: SheetKind, header: SheetRow?, usedColumns: Set<Int>, hasDataRows: Bool) {
        self.file = file
        self.sheetName = sheetName
        self.kind = kind
        self.hasDataRows = hasDataRows
        var usedColumns = usedColumns
        for cell in header?.cells ?? [] {
            let text = Self.headerText(cell.value)
            if text.isEmpty { continue }
            usedColumns.remove(cell.column)
            headed.insert(cell.column)
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
            reject(column, .workbookHeaderBlank, [:], group: 1)
        }
        missingRequired = kind.columns.filter { $0.required && columns[$0.key] == nil }
        positions = Array(repeating: -1, count: (columns.values.max() ?? 0) + 1)
        for (position, column) in kind.columns.enumerated() {
            if let index = columns[column.key] { positions[index] = position }
        }
        columnsByPosition = kind.columns.map { columns[$0.key] }
        if hasDataRows { reportMissingColumns() }
    }

    /// The problems with the header and the columns, in order.
    var diagnostics: [Diagnostic] {
        found.enumerated().sorted { ($0.element.group, $0.element.column, $0.offset) < ($1.element.group, $1.element.column, $1.offset) }
            .map(\.element.diagnostic)
    }

    /// Takes note of a data row of a sheet read in one pass, made from its header alone: the
    /// first one makes a missing column a problem, and a value in a column without a header
    /// rejects that column.
    mutating func note(_ row: SheetRow) {
        if !hasDataRows {
            hasDataRows = true
            reportMissingColumns()
        }
        for cell in row.cells where !headed.contains(cell.column) && !rejectedColumns.contains(cell.column) && !cell.value.isBlank {
            reject(cell.column, .workbookHeaderBlank, [:], group: 1)
        }
    }

    private mutating func reportMissingColumns() {
        for column in missingRequired {
            found.append((2, 0, Diagnostic(.workbookColumnMissing, at: location(column: 1, row: 1), ["column": column.name])))
        }
    }

    private mutating func reject(_ column: Int, _ code: DiagnosticCode, _ arguments: [String: DiagnosticArgument], group: Int = 0) {
        rejectedColumns.insert(column)
        found.append((group, column, Diagnostic(code, at: location(column: column, row: 1), arguments)))
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
        Diagnostic.Location(file: file, cell: cellName(column: column, row: row))
    }

    /// `用房!A5`.
    func cellName(column: Int, row: Int) -> String {
        "\(sheetName)!\(CellReference.name(column: column, row: row))"
    }

    /// Where the cell of `key` in `row` is; the row's first column when the sheet has no such column.
    func location(of key: String, row: Int) -> Diagnostic.Location {
        location(column: columns[key] ?? 1, row: row)
    }
}
