import Foundation
import WuyouCore
import WuyouLedger

/// Reads a ledger workbook back (`--ledger ledger.xlsx`): the 整改台账 sheet of an `.xlsx` file,
/// or one `.csv` file holding that sheet. Cells are read as docs/spec/spreadsheet-format.md says (dates,
/// trimming), every problem is reported at its cell, and the entries are the same as the same
/// entries written as XML (``LedgerFields`` normalises both).
public enum LedgerWorkbookReader {
    /// Reads the ledger workbook at `path`.
    ///
    /// - Throws: ``Diagnostics`` when the file cannot be read, has no ledger sheet, or a cell
    ///   cannot be read; each at `FILE:SHEET!CELL`.
    public static func load(path: String, limits: WorkbookLimits = .standard) throws(Diagnostics) -> LedgerFile {
        let bytes = try InputFile.bytes(at: path, byteLimit: limits.fileBytes)
        if WorkbookFiles.isCSV(path) {
            return try read(sheet: try CSVReader.read(bytes: bytes, path: path, sheetName: LedgerColumn.sheetName), notes: nil)
        }
        guard WorkbookFiles.isXLSX(path) else {
            throw Diagnostics(Diagnostic(.workbookUnknownFileKind, at: .init(file: path)))
        }
        let contents = try XLSXReader.read(bytes: bytes, path: path, limits: limits) { name in
            isLedgerSheet(name) || CellText.normalised(name) == LedgerColumn.notesSheetName
        }
        guard let sheet = contents.sheets.first(where: { isLedgerSheet($0.name) }) else {
            throw Diagnostics(Diagnostic(.ledgerWorkbookSheetMissing, at: .init(file: path)))
        }
        return try read(sheet: sheet, notes: contents.sheets.first { CellText.normalised($0.name) == LedgerColumn.notesSheetName })
    }

    static func isLedgerSheet(_ name: String) -> Bool {
        let normalised = CellText.normalised(name)
        return normalised == LedgerColumn.sheetName || normalised.lowercased() == LedgerColumn.sheetKey
    }

    /// The entries of a ledger sheet; `notes`, the 说明 sheet, may say which checklist it is for.
    static func read(sheet: WorkbookSheet, notes: WorkbookSheet?) throws(Diagnostics) -> LedgerFile {
        var reader = SheetReading(sheet: sheet)
        let entries = reader.entries()
        guard reader.problems.isEmpty else { throw Diagnostics(capped(reader.problems, file: sheet.file)) }
        let checklist = notes.flatMap(checklistCell)
        return LedgerFile(
            path: sheet.file, checklist: checklist?.id,
            checklistLocation: checklist?.location ?? .init(file: sheet.file, cell: "\(sheet.name)!A1"), entries: entries)
    }

    /// The 说明 row `checklist | id`, if the sheet has one.
    private static func checklistCell(_ notes: WorkbookSheet) -> (id: String, location: Diagnostic.Location)? {
        for row in notes.rows {
            guard case .text(let key)? = row.value(at: 1), CellText.normalised(key).lowercased() == LedgerColumn.checklistKey,
                  case .text(let id)? = row.value(at: 2) else { continue }
            let trimmed = CellText.normalised(id)
            guard !trimmed.isEmpty else { continue }
            return (trimmed, Diagnostic.Location(file: notes.file, cell: "\(notes.name)!\(CellReference.name(column: 2, row: row.number))"))
        }
        return nil
    }

    private static func capped(_ problems: [Diagnostic], file: String) -> [Diagnostic] {
        guard problems.count > InputLimits.diagnosticsPerFile else { return problems }
        return Array(problems.prefix(InputLimits.diagnosticsPerFile))
            + [Diagnostic(.moreErrors, at: .init(file: file), ["count": .count(problems.count - InputLimits.diagnosticsPerFile)])]
    }
}

/// One ledger sheet being read: its header, then its rows.
private struct SheetReading {
    let sheet: WorkbookSheet
    /// Key → 1-based column.
    private var columns: [String: Int] = [:]
    private(set) var problems: [Diagnostic] = []

    init(sheet: WorkbookSheet) {
        self.sheet = sheet
    }

    private func location(column: Int, row: Int) -> Diagnostic.Location {
        Diagnostic.Location(file: sheet.file, cell: "\(sheet.name)!\(CellReference.name(column: column, row: row))")
    }

    /// The header's columns: a header that is neither a key, a label nor a column for reading
    /// is an error (a misspelt column must not be dropped silently), as is one named twice.
    private mutating func readHeader() {
        guard let header = sheet.rows.first(where: { $0.number == 1 }) else { return }
        for cell in header.cells {
            let text: String
            switch cell.value {
            case .text(let value): text = CellText.normalised(value)
            case .number(let number, _): text = "\(number)"
            default: text = "?"
            }
            if text.isEmpty || LedgerColumn.isReadOnly(text) { continue }
            guard let column = LedgerColumn.keyed(named: text), let key = column.key else {
                problems.append(Diagnostic(
                    .workbookHeaderUnknown, at: location(column: cell.column, row: 1), ["header": .quoted(CellText.singleLine(text))]))
                continue
            }
            if let first = columns[key] {
                problems.append(Diagnostic(.workbookHeaderDuplicate, at: location(column: cell.column, row: 1), [
                    "column": column.name, "first": .text(CellReference.letters(ofColumn: first)),
                ]))
                continue
            }
            columns[key] = cell.column
        }
        for key in ["kind", "requirement", "text"] where columns[key] == nil {
            if let column = LedgerColumn.all.first(where: { $0.key == key }) {
                problems.append(Diagnostic(.workbookColumnMissing, at: location(column: 1, row: 1), ["column": column.name]))
            }
        }
    }

    mutating func entries() -> [LedgerEntry] {
        readHeader()
        guard problems.isEmpty else { return [] }
        var entries: [LedgerEntry] = []
        for row in sheet.rows where row.number > 1 && !row.isBlank {
            if let entry = entry(row) { entries.append(entry) }
        }
        return entries
    }

    /// The value of column `key` in `row`, nil when the sheet has no such column or the cell is blank.
    private func value(_ key: String, in row: SheetRow) -> CellValue? {
        guard let column = columns[key], let value = row.value(at: column), !value.isBlank else { return nil }
        return value
    }

    private func place(_ key: String, _ row: SheetRow) -> Diagnostic.Location {
        location(column: columns[key] ?? columns["kind"] ?? 1, row: row.number)
    }

    private static func name(_ key: String) -> DiagnosticArgument {
        LedgerColumn.all.first { $0.key == key }?.name ?? .text(key)
    }

    /// The columns only a waiver or only a commitment fills.
    private static let waiverKeys = ["approved-by", "approved", "expires"]
    private static let commitmentKeys = ["owner", "due"]

    private mutating func entry(_ row: SheetRow) -> LedgerEntry? {
        let before = problems.count
        guard let kindValue = value("kind", in: row) else {
            // Blank 类型: not an entry, unless the row holds an entry's own columns.
            if let filled = (["text"] + Self.commitmentKeys + Self.waiverKeys).first(where: { value($0, in: row) != nil }) {
                problems.append(Diagnostic(.ledgerWorkbookKindMissing, at: place("kind", row), ["column": Self.name(filled)]))
            }
            return nil
        }
        let kindText = CellText.normalised(text(kindValue))
        let waiver: Bool
        switch kindText.lowercased() {
        case LedgerColumn.waiverWord, "waiver": waiver = true
        case LedgerColumn.commitmentWord, "commitment": waiver = false
        default:
            problems.append(Diagnostic(.ledgerWorkbookKind, at: place("kind", row), ["value": .quoted(CellText.singleLine(kindText))]))
            return nil
        }
        let kindWord = waiver ? LedgerColumn.waiverWord : LedgerColumn.commitmentWord
        for key in waiver ? Self.commitmentKeys : Self.waiverKeys where value(key, in: row) != nil {
            problems.append(Diagnostic(.ledgerWorkbookOtherKind, at: place(key, row), ["kind": .text(kindWord), "column": Self.name(key)]))
        }
        var fields = LedgerFields(location: place("kind", row))
        for key in ["community", "survey", "requirement", "text", "owner", "approved-by", "due", "approved", "expires"] {
            fields.fieldLocations[key] = place(key, row)
        }
        fields.community = identifier("community", row)
        // A row naming a community targets it; the survey column is then for reading.
        fields.survey = fields.community == nil ? identifier("survey", row) : nil
        fields.requirement = required("requirement", row).map { CellText.normalised($0) } ?? ""
        fields.text = required("text", row, multiline: true) ?? ""
        if waiver {
            let approvedBy = required("approved-by", row)
            let approved = requiredDay("approved", row)
            let expires = value("expires", in: row).flatMap { day($0, "expires", row) }
            if let approvedBy, let approved {
                fields.kind = .waiver(.init(approvedBy: approvedBy, approved: approved, expires: expires))
            }
        } else {
            let owner = required("owner", row)
            let due = requiredDay("due", row)
            if let owner, let due { fields.kind = .commitment(.init(owner: owner, due: due)) }
        }
        guard problems.count == before else { return nil }
        return fields.entry(problems: &problems)
    }

    /// A code or id: NFKC (full-width digits typed in Excel are the same code), trimmed; a code
    /// stored as a number is written without exponent.
    private mutating func identifier(_ key: String, _ row: SheetRow) -> String? {
        guard let value = value(key, in: row), readable(value, key, row) else { return nil }
        let text = CellText.normalised(self.text(value))
        return text.isEmpty ? nil : text
    }

    /// The cell's text, or nil with an error when it is blank.
    private mutating func required(_ key: String, _ row: SheetRow, multiline: Bool = false) -> String? {
        guard let value = value(key, in: row) else {
            problems.append(Diagnostic(.workbookCellRequired, at: place(key, row), ["column": Self.name(key)]))
            return nil
        }
        guard readable(value, key, row) else { return nil }
        return multiline ? CellText.multiline(text(value)) : CellText.singleLine(text(value))
    }

    private mutating func requiredDay(_ key: String, _ row: SheetRow) -> SurveyDate? {
        guard let value = value(key, in: row) else {
            problems.append(Diagnostic(.workbookCellRequired, at: place(key, row), ["column": Self.name(key)]))
            return nil
        }
        return day(value, key, row)
    }

    /// A day: a date cell, or text as docs/spec/spreadsheet-format.md lists (`2024-09-30`, `2024年9月30日`…).
    private mutating func day(_ value: CellValue, _ key: String, _ row: SheetRow) -> SurveyDate? {
        guard readable(value, key, row) else { return nil }
        let quoted: [String: DiagnosticArgument] = ["column": Self.name(key), "value": .quoted(CellText.singleLine(text(value)))]
        let calendarDay: CalendarDay
        switch value {
        case .number(let serial, true):
            guard let day = sheet.dateSystem.day(fromSerial: serial) else {
                problems.append(Diagnostic(.workbookCellNoSuchDay, at: place(key, row), quoted))
                return nil
            }
            calendarDay = day
        case .text(let text):
            switch DateText.parse(text) {
            case .day(let day): calendarDay = day
            case .noSuchDay:
                problems.append(Diagnostic(.workbookCellNoSuchDay, at: place(key, row), quoted))
                return nil
            case .notADate:
                problems.append(Diagnostic(.workbookCellNotDate, at: place(key, row), quoted))
                return nil
            }
        default:
            problems.append(Diagnostic(.workbookCellNotDate, at: place(key, row), quoted))
            return nil
        }
        return SurveyDate(calendarDay.description)
    }

    /// Whether the cell holds a value at all: an error value or a formula whose result the file
    /// does not hold is reported at its cell.
    private mutating func readable(_ value: CellValue, _ key: String, _ row: SheetRow) -> Bool {
        let quoted: [String: DiagnosticArgument] = ["column": Self.name(key), "value": .quoted(CellText.singleLine(text(value)))]
        switch value {
        case .error: problems.append(Diagnostic(.workbookCellErrorValue, at: place(key, row), quoted))
        case .uncalculatedFormula: problems.append(Diagnostic(.workbookCellUncalculated, at: place(key, row), quoted))
        case .externalFormula: problems.append(Diagnostic(.workbookCellExternalFormula, at: place(key, row), quoted))
        case .text, .number, .boolean: return true
        }
        return false
    }

    /// A cell as text: numbers without exponent, dates as `YYYY-MM-DD`.
    private func text(_ value: CellValue) -> String {
        switch value {
        case .text(let text): text
        case .number(let number, true): sheet.dateSystem.day(fromSerial: number)?.description ?? "\(number)"
        case .number(let number, false): "\(number)"
        case .boolean(let boolean): boolean ? "TRUE" : "FALSE"
        case .error(let text): text
        case .uncalculatedFormula, .externalFormula: ""
        }
    }
}
