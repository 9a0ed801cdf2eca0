import WuyouCore

extension ImportRun {
    /// Reads the workbook in one pass, the surveys sheet and beside it the other sheets, each
    /// as far as the survey being made: right when those sheets list each survey's rows
    /// together and in the order of the surveys sheet, as the template and every export do.
    ///
    /// What only the end of a sheet tells — an id used twice, a sheet missing a required column,
    /// a damaged part — undoes surveys already made, which is why this is for imports that hand
    /// their surveys over together.
    ///
    /// - Returns: The surveys; nil when a row came after its survey was made (or row 1 after
    ///   other rows): then read the workbook the two-pass way.
    mutating func runInOnePass() -> [ImportedSurvey]? {
        guard findSheets() else { return [] }
        do {
            return try readInOnePass()
        } catch {
            for item in error.items { report(item, .workbook) }
            return []
        }
    }

    private mutating func readInOnePass() throws(Diagnostics) -> [ImportedSurvey]? {
        var readers: [SheetKind: any SheetRowReader] = [:]
        var firstRows: [SheetKind: SheetRow] = [:]
        // Each sheet's header is its first row (when that is row 1): its table is made from it,
        // and told of the other rows as they come.
        for kind in SheetKind.allCases {
            guard var sheet = sheets[kind] else { continue }
            let reader = try sheet.source.rows()
            let first = try reader.next()
            sheet.table = SheetTable(file: sheet.source.file, sheetName: sheet.source.name, kind: kind,
                                     header: first?.number == 1 ? first : nil, usedColumns: [], hasDataRows: false)
            sheets[kind] = sheet
            readers[kind] = reader
            if let first, first.number != 1 { firstRows[kind] = first }
        }
        guard let surveysSheet = sheets[.surveys], let surveyReader = readers[.surveys] else { return [] }
        let joins = surveysSheet.table.columns["id"] != nil
        var companions: [OnePassCompanion] = []
        for kind in [SheetKind.rooms, .departments, .developments] where joins {
            guard let reader = readers[kind] else { continue }
            companions.append(OnePassCompanion(kind: kind, reader: reader, pending: firstRows[kind]))
        }

        var surveys: [ImportedSurvey] = []
        var rowsOfSurveys: [Int] = []
        var pendingSurveyRow = firstRows[.surveys]
        func nextSurveyRow() throws(Diagnostics) -> SheetRow? {
            if let row = pendingSurveyRow.take() { return row }
            return try surveyReader.next()
        }
        while let row = try nextSurveyRow() {
            if row.number == 1 { return nil }
            guard !row.isBlank else { continue }
            surveyRows += 1
            sheets[.surveys]?.table.note(row)
            var (fields, sound) = read(row, of: sheets[.surveys]!)
            noteSurveyRow(row.number, fields)
            let id = fields.value("id") ?? ""
            if !id.isEmpty, let first = firstRow[id] {
                report(Diagnostic(.workbookRowDuplicateID, at: surveysSheet.table.location(of: "id", row: row.number), [
                    "id": .quoted(id), "first": .count(first),
                ]), .cell(.surveys, row.number), survey: id)
                duplicated.insert(id)
                sound = false
            }
            var record = SurveyRecord(survey: fields.row, rowNumber: row.number, sheetName: surveysSheet.source.name)
            if !id.isEmpty, firstRow[id] == nil {
                firstRow[id] = row.number
                for position in companions.indices {
                    guard let (rows, allSound) = try take(id, from: &companions[position]) else { return nil }
                    if !allSound { sound = false }
                    switch companions[position].kind {
                    case .rooms: record.rooms = rows
                    case .departments: record.departments = rows
                    case .developments: record.developments = rows
                    case .surveys: break
                    }
                }
            }
            guard sound, !id.isEmpty, let survey = survey(of: record) else { continue }
            surveys.append(survey)
            rowsOfSurveys.append(row.number)
        }
        // What is left names no survey of the surveys sheet, or came after its survey was made.
        for position in companions.indices {
            while let read = try companions[position].next(in: &self) {
                guard let rowID = read.id else { continue }
                guard firstRow[rowID] == nil else { return nil }
                report(Diagnostic(.workbookRowUnknownSurvey, at: sheets[read.kind]!.table.location(of: SheetKind.surveyColumn, row: read.number),
                                  ["id": .quoted(rowID)]), .cell(read.kind, read.number))
            }
        }
        if companions.contains(where: \.lateHeader) { return nil }
        for kind in SheetKind.allCases {
            guard let table = sheets[kind]?.table else { continue }
            for diagnostic in table.diagnostics { report(diagnostic, .header(kind)) }
            if kind != .surveys, !table.missingRequired.isEmpty, table.hasDataRows { nothingImported = true }
        }
        if nothingImported { return [] }
        var kept: [ImportedSurvey] = []
        for (var survey, row) in zip(surveys, rowsOfSurveys) where !duplicated.contains(survey.id) {
            survey.fileStem = stem(for: survey.id)
            kept.append(survey)
            madeRows.insert(row)
        }
        return kept
    }

    /// The rows of survey `id` in a companion sheet: those that follow, up to the first of
    /// another survey; and whether every one was sound. Nil when a row belongs to a survey
    /// already made.
    private mutating func take(_ id: String, from companion: inout OnePassCompanion) throws(Diagnostics) -> ([SurveyRecord.Row], Bool)? {
        var rows: [SurveyRecord.Row] = []
        var sound = true
        while let read = try companion.peek(in: &self) {
            if let rowID = read.id, rowID != id {
                // Another survey's: a later one's (wait for it), or one already made (too late).
                if firstRow[rowID] != nil { return nil }
                break
            }
            companion.consume()
            if read.id == id {
                rows.append(read.row)
                sound = sound && read.sound
            }
        }
        return (rows, sound)
    }
}

/// A rooms, departments or developments sheet read in one pass beside the surveys sheet: the
/// next row, read for its columns, waits until the survey it names comes.
struct OnePassCompanion {
    /// A row read for its columns: what it says, and the survey it names (nil when that cell
    /// could not be read).
    struct ReadRow {
        var kind: SheetKind
        var number: Int
        var row: SurveyRecord.Row
        var sound: Bool
        var id: String?
    }

    let kind: SheetKind
    let reader: any SheetRowReader
    /// A row read by the reader but not yet looked at (the first, when it was not row 1).
    var pending: SheetRow?
    /// Row 1 came after other rows: the header this sheet was read with was none.
    private(set) var lateHeader = false
    private var peeked: ReadRow?

    init(kind: SheetKind, reader: any SheetRowReader, pending: SheetRow?) {
        self.kind = kind
        self.reader = reader
        self.pending = pending
    }

    /// The next data row, read once (its bad cells reported once), not consumed.
    mutating func peek(in run: inout ImportRun) throws(Diagnostics) -> ReadRow? {
        if let peeked { return peeked }
        while let row = try nextRow() {
            if row.number == 1 { lateHeader = true }
            guard row.number > 1, !row.isBlank else { continue }
            run.sheets[kind]?.table.note(row)
            guard let sheet = run.sheets[kind] else { return nil }
            let start = run.diagnosticCount
            defer { run.attribute(diagnosticsFrom: start, toSurvey: peeked?.id) }
            var (fields, sound) = run.read(row, of: sheet)
            // A room needs a name or a type; a cell that could not be read was reported already.
            if kind == .rooms, fields.blank("name"), fields.blank("type") {
                run.report(Diagnostic(.workbookRowUnnamedRoom, at: sheet.table.location(of: "name", row: row.number)), .cell(kind, row.number))
                sound = false
            }
            peeked = ReadRow(kind: kind, number: row.number, row: fields.row, sound: sound, id: fields.value(SheetKind.surveyColumn))
            return peeked
        }
        return nil
    }

    private mutating func nextRow() throws(Diagnostics) -> SheetRow? {
        if let row = pending.take() { return row }
        return try reader.next()
    }

    mutating func consume() {
        peeked = nil
    }

    /// The next data row, consumed.
    mutating func next(in run: inout ImportRun) throws(Diagnostics) -> ReadRow? {
        defer { peeked = nil }
        return try peek(in: &run)
    }
}
