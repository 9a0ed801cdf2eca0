import WuyouCore

/// One import: the sheets found, what has been learnt of them, and the diagnostics so far. Two
/// passes (``run(_:)``, for ``WorkbookImporter/importSurveys(from:writingXML:each:)``), or one
/// (``runInOnePass()``, in ImportRun+OnePass.swift).
struct ImportRun {
    let importer: WorkbookImporter
    let workbook: WorkbookSource
    let writingXML: Bool

    /// A sheet of the workbook matched to its kind, with what the first pass learnt of it.
    struct Sheet {
        var source: SheetSource
        var kind: SheetKind
        var table: SheetTable
        var parser: CellParser
        /// Per survey id, the last row naming it, as the how-manieth row the sheet's reader gives
        /// (other sheets than the surveys sheet; rows need not come in order of their numbers).
        var lastRow: [String: Int] = [:]
    }

    var sheets: [SheetKind: Sheet] = [:]
    /// Survey id → its first row.
    var firstRow: [String: Int] = [:]
    var duplicated: Set<String> = []
    /// A problem with the workbook as a whole (a sheet given twice, a required column missing
    /// from a sheet with rows): no survey is made.
    var nothingImported = false
    var surveyRows = 0
    /// Diagnostics, where they sort (``DiagnosticOrder``) and, for a row of another sheet than
    /// the surveys sheet, the id of the survey it names.
    private var diagnostics: [(key: DiagnosticOrder, diagnostic: Diagnostic, survey: String?)] = []
    /// The rows of the surveys sheet read for their columns, in order.
    private var surveyRowsRead: [(number: Int, cell: SourceCell, identity: SurveyIdentity)] = []
    /// The rows whose survey was handed over.
    var madeRows: Set<Int> = []
    var usedStems: Set<String> = []

    init(importer: WorkbookImporter, workbook: WorkbookSource, writingXML: Bool) {
        self.importer = importer
        self.workbook = workbook
        self.writingXML = writingXML
    }

    mutating func report(_ diagnostic: Diagnostic, _ key: DiagnosticOrder, survey: String? = nil) {
        diagnostics.append((key, diagnostic, survey))
    }

    /// How many diagnostics there are so far: those reported after it can be given a survey.
    var diagnosticCount: Int { diagnostics.count }

    /// Gives the diagnostics reported since `start` to the survey `id` (the one a row names).
    mutating func attribute(diagnosticsFrom start: Int, toSurvey id: String?) {
        guard let id, !id.isEmpty else { return }
        for index in start..<diagnostics.count { diagnostics[index].survey = id }
    }

    /// Remembers a row of the surveys sheet, read for its columns.
    mutating func noteSurveyRow(_ number: Int, _ fields: ReadRow) {
        let id = fields.value("id")
        surveyRowsRead.append((number, fields.row.cell, SurveyIdentity(id: id?.isEmpty == false ? id : nil, community: fields.value("community"))))
    }

    /// What the import found, sorted once: every diagnostic in sheet and row order; the rows of
    /// the surveys sheet that did not become surveys, each with its problems; and the problems
    /// that belong to no such row (the workbook's, a sheet's header, a row naming a survey that
    /// is not there). When the workbook as a whole kept every survey out, no row is singled
    /// out: the workbook's problems say why.
    var outcome: (diagnostics: [Diagnostic], rejected: [RejectedSurvey], rest: [Diagnostic]) {
        let sorted = diagnostics.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element)
        let all = sorted.map(\.diagnostic)
        guard !nothingImported else { return (all, [], all) }
        // Each diagnostic's row of the surveys sheet, or the survey id of the row it is about:
        // looked up per rejected row, never searched for.
        var byRow: [Int: [Int]] = [:]
        var bySurvey: [String: [Int]] = [:]
        for (index, item) in sorted.enumerated() {
            switch item.key {
            case .cell(.surveys, let row), .survey(let row): byRow[row, default: []].append(index)
            default: break
            }
            if let survey = item.survey { bySurvey[survey, default: []].append(index) }
        }
        var used = Set<Int>()
        var rejected: [RejectedSurvey] = []
        for row in surveyRowsRead where !madeRows.contains(row.number) {
            let own = Set((byRow[row.number] ?? []) + (row.identity.id.flatMap { bySurvey[$0] } ?? [])).sorted()
            guard !own.isEmpty else { continue }
            used.formUnion(own)
            rejected.append(RejectedSurvey(cell: row.cell, identity: row.identity, diagnostics: own.map { all[$0] }))
        }
        let rest = all.indices.filter { !used.contains($0) }.map { all[$0] }
        return (all, rejected, rest)
    }

    mutating func run(_ each: (ImportedSurvey) -> Void) {
        guard findSheets(), scan() else { return }
        do {
            try makeSurveys(each)
        } catch {
            // The first pass read the same bytes to their end: only a file changed meanwhile gets here.
            for item in error.items { report(item, .workbook) }
        }
    }

    // MARK: Sheets

    /// Matches each sheet to its kind; false when there is no surveys sheet.
    mutating func findSheets() -> Bool {
        var sources: [SheetKind: SheetSource] = [:]
        for sheet in workbook.sheets {
            if CellText.normalised(sheet.name) == SheetKind.instructionsName { continue }
            guard let kind = SheetKind.named(sheet.name) else {
                report(Diagnostic(.workbookSheetUnknown, at: Diagnostic.Location(file: sheet.file), severity: .warning,
                                  ["sheet": .quoted(sheet.name), "expected": WorkbookImporter.sheetNames]), .workbook)
                continue
            }
            if let first = sources[kind] {
                report(Diagnostic(.workbookSheetDuplicate, at: Diagnostic.Location(file: sheet.file),
                                  ["sheet": .quoted(sheet.name), "first": .quoted(first.name)]), .workbook)
                nothingImported = true
                continue
            }
            sources[kind] = sheet
        }
        guard sources[.surveys] != nil else {
            let file = workbook.sheets.first?.file ?? workbook.displayName
            report(Diagnostic(.workbookSheetMissing, at: Diagnostic.Location(file: file)), .workbook)
            return false
        }
        for kind in SheetKind.allCases {
            guard let source = sources[kind] else { continue }
            let empty = SheetTable(file: source.file, sheetName: source.name, kind: kind, header: nil, usedColumns: [], hasDataRows: false)
            sheets[kind] = Sheet(source: source, kind: kind, table: empty, parser: importer.parser(for: source))
        }
        return true
    }

    // MARK: First pass

    /// Reads every sheet to its end for its header, its used columns and its ids; false when a
    /// sheet cannot be read (nothing is imported then).
    private mutating func scan() -> Bool {
        for kind in SheetKind.allCases {
            guard var sheet = sheets[kind] else { continue }
            do {
                var header: SheetRow?
                var scanned = try scanRows(of: sheet, header: &header)
                if scanned == nil {
                    // Row 1 came after other rows: read again, knowing the header.
                    scanned = try scanRows(of: sheet, header: &header)
                }
                guard let (usedColumns, hasDataRows, lastRow) = scanned else { continue }
                sheet.lastRow = lastRow
                sheet.table = SheetTable(file: sheet.source.file, sheetName: sheet.source.name, kind: kind, header: header,
                                         usedColumns: usedColumns, hasDataRows: hasDataRows)
                sheets[kind] = sheet
                for diagnostic in sheet.table.diagnostics { report(diagnostic, .header(kind)) }
            } catch {
                for item in error.items { report(item, .workbook) }
                return false
            }
        }
        return true
    }

    /// One pass over a sheet. Nil when row 1 (the header, now in `header`) came after rows
    /// whose id was then unknown.
    private mutating func scanRows(
        of sheet: Sheet, header: inout SheetRow?
    ) throws(Diagnostics) -> (usedColumns: Set<Int>, hasDataRows: Bool, lastRow: [String: Int])? {
        let reader = try sheet.source.rows()
        let idColumnDefinition = sheet.kind.columns[sheet.kind.position(of: sheet.kind.idColumn)!]
        var idColumn = header.flatMap { Self.idColumn(in: $0, kind: sheet.kind) }
        var usedColumns: Set<Int> = []
        var hasDataRows = false
        var missedIDs = false
        var ids: [(row: Int, id: String?)] = []
        var lastRow: [String: Int] = [:]
        var ordinal = 0
        while let row = try reader.next() {
            ordinal += 1
            if row.number == 1 {
                if header == nil {
                    header = row
                    idColumn = Self.idColumn(in: row, kind: sheet.kind)
                    if hasDataRows { missedIDs = true }
                }
                continue
            }
            guard !row.isBlank else { continue }
            hasDataRows = true
            for cell in row.cells where !cell.value.isBlank { usedColumns.insert(cell.column) }
            let id = idColumn.flatMap { column in (try? sheet.parser.read(row.value(at: column), for: idColumnDefinition))?.value }
            if sheet.kind == .surveys {
                ids.append((row.number, id))
            } else if let id {
                lastRow[id] = ordinal
            }
        }
        if missedIDs { return nil }
        if sheet.kind == .surveys {
            surveyRows = ids.count
            for (row, id) in ids {
                guard let id, !id.isEmpty else { continue }
                if firstRow[id] == nil { firstRow[id] = row } else { duplicated.insert(id) }
            }
        }
        return (usedColumns, hasDataRows, lastRow)
    }

    /// The column of the sheet's id, as ``SheetTable`` would find it in the header `row`.
    private static func idColumn(in row: SheetRow, kind: SheetKind) -> Int? {
        for cell in row.cells {
            guard case .text(let text) = cell.value, let column = SheetTable.column(named: text, in: kind) else { continue }
            if column.key == kind.idColumn { return cell.column }
        }
        return nil
    }

    // MARK: Second pass

    /// Reads the surveys sheet again, beside the others, and makes each survey.
    private mutating func makeSurveys(_ each: (ImportedSurvey) -> Void) throws(Diagnostics) {
        guard let surveysSheet = sheets[.surveys] else { return }
        for kind in [SheetKind.rooms, .departments, .developments] {
            if let sheet = sheets[kind], !sheet.table.missingRequired.isEmpty, sheet.table.hasDataRows { nothingImported = true }
        }
        // Without an id column no row can be joined to a survey (the missing column is reported).
        let joins = surveysSheet.table.columns["id"] != nil
        var companions: [Companion] = []
        if joins {
            for kind in [SheetKind.rooms, .departments, .developments] {
                guard let sheet = sheets[kind] else { continue }
                companions.append(Companion(sheet: sheet, reader: try sheet.source.rows()))
            }
        }
        let reader = try surveysSheet.source.rows()
        while let row = try reader.next() {
            guard row.number > 1, !row.isBlank else { continue }
            var (fields, sound) = read(row, of: surveysSheet)
            noteSurveyRow(row.number, fields)
            let id = fields.value("id") ?? ""
            if !id.isEmpty, let first = firstRow[id], first != row.number {
                report(Diagnostic(.workbookRowDuplicateID, at: surveysSheet.table.location(of: "id", row: row.number), [
                    "id": .quoted(id), "first": .count(first),
                ]), .cell(.surveys, row.number), survey: id)
                sound = false
            }
            var record = SurveyRecord(survey: fields.row, rowNumber: row.number, sheetName: surveysSheet.source.name)
            if !id.isEmpty, firstRow[id] == row.number {
                for position in companions.indices {
                    let (rows, allSound) = try take(id, from: &companions[position])
                    if !allSound { sound = false }
                    switch companions[position].sheet.kind {
                    case .rooms: record.rooms = rows
                    case .departments: record.departments = rows
                    case .developments: record.developments = rows
                    case .surveys: break
                    }
                }
            }
            guard sound, !id.isEmpty, !duplicated.contains(id), !nothingImported else { continue }
            if make(record, id: id, each) { madeRows.insert(row.number) }
        }
        // What is left names no survey of the surveys sheet (or could not be read).
        for position in companions.indices {
            while let row = try companions[position].nextRow() {
                _ = companionRow(row, in: &companions[position], for: nil)
            }
        }
    }

    /// A rooms, departments or developments sheet being read beside the surveys sheet, with the
    /// rows read ahead of their survey's turn.
    struct Companion {
        let sheet: Sheet
        let reader: any SheetRowReader
        /// Read, waiting for their survey's row, by survey id.
        var waiting: [String: [(SurveyRecord.Row, Bool)]] = [:]
        /// How many rows the reader has given (as ``Sheet/lastRow`` counts them).
        var position = 0

        mutating func nextRow() throws(Diagnostics) -> SheetRow? {
            while let row = try reader.next() {
                position += 1
                guard row.number > 1, !row.isBlank else { continue }
                return row
            }
            position = Int.max
            return nil
        }
    }

    /// The rows of survey `id` in a companion sheet: those read ahead, and the rest up to its
    /// last row there; and whether every one was sound.
    private mutating func take(_ id: String, from companion: inout Companion) throws(Diagnostics) -> ([SurveyRecord.Row], Bool) {
        var rows: [SurveyRecord.Row] = []
        var sound = true
        for (row, rowSound) in companion.waiting.removeValue(forKey: id) ?? [] {
            rows.append(row)
            sound = sound && rowSound
        }
        guard let last = companion.sheet.lastRow[id] else { return (rows, sound) }
        while companion.position < last, let row = try companion.nextRow() {
            if let (read, rowSound) = companionRow(row, in: &companion, for: id) {
                rows.append(read)
                sound = sound && rowSound
            }
        }
        return (rows, sound)
    }

    /// Reads a companion row; returns it when it belongs to survey `id`, keeps it when it
    /// belongs to a survey still to come, and reports it when it belongs to none.
    private mutating func companionRow(
        _ row: SheetRow, in companion: inout Companion, for id: String?
    ) -> (SurveyRecord.Row, Bool)? {
        let sheet = companion.sheet
        let start = diagnosticCount
        var (fields, sound) = read(row, of: sheet)
        // A room needs a name or a type; a cell that could not be read was reported already.
        if sheet.kind == .rooms, fields.blank("name"), fields.blank("type") {
            report(Diagnostic(.workbookRowUnnamedRoom, at: sheet.table.location(of: "name", row: row.number)), .cell(sheet.kind, row.number))
            sound = false
        }
        attribute(diagnosticsFrom: start, toSurvey: fields.value(SheetKind.surveyColumn))
        guard let rowID = fields.value(SheetKind.surveyColumn) else { return nil }
        if rowID == id { return (fields.row, sound) }
        guard firstRow[rowID] != nil else {
            report(Diagnostic(.workbookRowUnknownSurvey, at: sheet.table.location(of: SheetKind.surveyColumn, row: row.number),
                              ["id": .quoted(rowID)]), .cell(sheet.kind, row.number))
            return nil
        }
        companion.waiting[rowID, default: []].append((fields.row, sound))
        return nil
    }

    /// A row's cells read for their columns.
    struct ReadRow {
        var row: SurveyRecord.Row
        /// By column position: whether it holds nothing (as opposed to a cell that could not be read).
        var blank: [Bool]

        func value(_ key: String) -> String? { row.value(key) }
        func blank(_ key: String) -> Bool { row.kind.position(of: key).map { blank[$0] } ?? true }
    }

    /// Reads every cell of `row` for its column; each bad cell becomes a diagnostic.
    ///
    /// - Returns: The cells read, and whether all of them (and the row's header) were sound.
    mutating func read(_ row: SheetRow, of sheet: Sheet) -> (ReadRow, Bool) {
        let table = sheet.table
        let idCell = table.location(of: sheet.kind.idColumn, row: row.number)
        var read = ReadRow(row: SurveyRecord.Row(kind: sheet.kind, cell: SourceCell(file: idCell.file, name: idCell.cell ?? "")),
                           blank: Array(repeating: false, count: sheet.kind.columns.count))
        var sound = !table.hasRejectedValue(row) && table.missingRequired.isEmpty
        // The row's values by column position, found in one walk over its cells.
        var values = [CellValue?](repeating: nil, count: sheet.kind.columns.count)
        for cell in row.cells where cell.column < table.positions.count && table.positions[cell.column] >= 0 {
            values[table.positions[cell.column]] = cell.value
        }
        for (position, column) in sheet.kind.columns.enumerated() {
            guard let index = table.columnsByPosition[position] else {
                read.blank[position] = true
                continue
            }
            do {
                let content = try sheet.parser.read(values[position], for: column)
                read.row.contents[position] = content
                if content == .blank { read.blank[position] = true }
            } catch {
                report(Diagnostic(error.code, at: table.location(column: index, row: row.number), error.arguments),
                       .cell(sheet.kind, row.number))
                sound = false
            }
        }
        return (read, sound)
    }

    // MARK: Surveys

    /// Makes the survey of `record`, when it passes the checks of the survey format, and hands it
    /// over; whether it did.
    mutating func make(_ record: SurveyRecord, id: String, _ each: (ImportedSurvey) -> Void) -> Bool {
        guard var survey = survey(of: record) else { return false }
        survey.fileStem = stem(for: id)
        each(survey)
        return true
    }

    /// The survey of `record` without its file name, or nil when the survey format refuses it
    /// (reported at its row).
    mutating func survey(of record: SurveyRecord) -> ImportedSurvey? {
        let path = "\(record.survey.cell.file):\(record.survey.cell.name)"
        var builder = SurveyTableBuilder(path: path)
        SurveyStructure.write(record, into: &builder)
        var survey: Survey
        do {
            survey = try builder.survey()
        } catch {
            for item in error.items { report(item, .survey(record.rowNumber)) }
            return nil
        }
        var bytes: [UInt8] = []
        if writingXML {
            let document = SurveyXMLWriter.document(for: record, workbookName: workbook.displayName)
            bytes = Array(document.text.utf8)
            survey.setDocumentLines(document.lines)
        }
        return ImportedSurvey(id: record.survey.value("id") ?? "", fileStem: "", survey: survey, bytes: bytes)
    }

    /// The file name of the survey `id`: distinct ids give distinct names unless their escaped
    /// forms meet; never two files in one.
    mutating func stem(for id: String) -> String {
        let stem = SurveyFileName.stem(forSurveyID: id)
        var unique = stem
        var number = 2
        while !usedStems.insert(unique.lowercased()).inserted {
            unique = "\(stem)-\(number)"
            number += 1
        }
        return unique
    }
}

/// Where a diagnostic of an import is listed: problems of the workbook, then of each sheet's
/// header, then bad cells by sheet and row, then surveys the format refuses, by row.
enum DiagnosticOrder: Comparable {
    case workbook
    case header(SheetKind)
    case cell(SheetKind, Int)
    case survey(Int)

    static func < (lhs: DiagnosticOrder, rhs: DiagnosticOrder) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: (Int, Int, Int) {
        switch self {
        case .workbook: (0, 0, 0)
        case .header(let kind): (1, SheetKind.allCases.firstIndex(of: kind) ?? 0, 0)
        case .cell(let kind, let row): (2, SheetKind.allCases.firstIndex(of: kind) ?? 0, row)
        case .survey(let row): (3, 0, row)
        }
    }

    static func == (lhs: DiagnosticOrder, rhs: DiagnosticOrder) -> Bool {
        lhs.rank == rhs.rank
    }
}
