import Foundation
import WuyouCore

/// Turns a survey workbook into survey XML documents (docs/spec/spreadsheet-format.md).
///
/// Each bad cell is reported once, as a diagnostic at its cell; a survey with a bad cell in any
/// of its rows is not made, and the others are. Every survey made has passed the survey schema.
public struct WorkbookImporter: Sendable {
    public let checklist: Checklist

    /// - Parameter checklist: Whose room names a `type` cell may use.
    public init(checklist: Checklist) {
        self.checklist = checklist
    }

    public func importSurveys(from workbook: Workbook) -> WorkbookImport {
        var diagnostics: [Diagnostic] = []
        var tables: [SheetKind: SheetTable] = [:]
        var nothingImported = false
        for sheet in workbook.sheets {
            if CellText.normalised(sheet.name) == SheetKind.instructionsName { continue }
            guard let kind = SheetKind.named(sheet.name) else {
                diagnostics.append(Diagnostic(.workbookSheetUnknown, at: Diagnostic.Location(file: sheet.file), severity: .warning,
                                              ["sheet": .quoted(sheet.name), "expected": Self.sheetNames]))
                continue
            }
            if let first = tables[kind] {
                diagnostics.append(Diagnostic(.workbookSheetDuplicate, at: Diagnostic.Location(file: sheet.file),
                                              ["sheet": .quoted(sheet.name), "first": .quoted(first.sheet.name)]))
                nothingImported = true
                continue
            }
            let table = SheetTable(sheet: sheet, kind: kind)
            diagnostics += table.diagnostics
            tables[kind] = table
        }
        guard let surveyTable = tables[.surveys] else {
            let file = workbook.sheets.first?.file ?? workbook.displayName
            diagnostics.append(Diagnostic(.workbookSheetMissing, at: Diagnostic.Location(file: file)))
            return WorkbookImport(surveys: [], diagnostics: diagnostics, surveyRows: 0)
        }

        var pending = readSurveys(surveyTable, into: &diagnostics)
        if surveyTable.columns["id"] != nil {
            for kind in [SheetKind.rooms, .departments, .developments] {
                guard let table = tables[kind] else { continue }
                if !table.missingRequired.isEmpty && !table.dataRows.isEmpty { nothingImported = true }
                attach(table, to: &pending, diagnostics: &diagnostics)
            }
        }

        var surveys: [ImportedSurvey] = []
        var usedStems: Set<String> = []
        for survey in pending.surveys where survey.isImportable && !nothingImported {
            let source = surveyTable.location(of: "id", row: survey.record.rowNumber)
            guard let (bytes, origin) = document(for: survey.record, at: source, workbook: workbook, diagnostics: &diagnostics)
            else { continue }
            // Distinct ids give distinct names unless their escaped forms meet; never two files in one.
            let stem = SurveyFileName.stem(forSurveyID: survey.id)
            var unique = stem
            var number = 2
            while !usedStems.insert(unique.lowercased()).inserted {
                unique = "\(stem)-\(number)"
                number += 1
            }
            surveys.append(ImportedSurvey(id: survey.id, fileStem: unique, bytes: bytes, origin: origin))
        }
        return WorkbookImport(surveys: surveys, diagnostics: diagnostics, surveyRows: pending.surveys.count)
    }

    /// The survey XML of `record`, once it has passed the survey schema and limits.
    ///
    /// - Returns: nil when it has not; what the survey format refuses (a name over its length
    ///   limit, more rooms than a centre may have) is then reported at the row it came from.
    private func document(
        for record: SurveyRecord, at source: Diagnostic.Location, workbook: Workbook, diagnostics: inout [Diagnostic]
    ) -> ([UInt8], SurveyOrigin)? {
        let document = SurveyXMLWriter.document(for: record, workbookName: workbook.displayName)
        let bytes = Array(document.text.utf8)
        do {
            _ = try SurveyLoader.load(bytes: bytes, path: source.file)
        } catch {
            diagnostics += error.items.map { problem in
                var moved = problem
                moved.location = problem.location.line.flatMap { document.lines[$0] } ?? source
                return moved
            }
            return nil
        }
        return (bytes, SurveyOrigin(row: source, lines: document.lines))
    }

    private static let sheetNames = DiagnosticArgument.list(
        SheetKind.allCases.map { "\($0.chineseName)/\($0.rawValue)" } + [SheetKind.instructionsName])

    // MARK: Rows

    /// A survey row on its way to becoming a survey.
    private struct PendingSurvey {
        var id: String
        var record: SurveyRecord
        var isImportable: Bool
    }

    private struct PendingSurveys {
        var surveys: [PendingSurvey] = []
        /// Survey id → index of its first row.
        var byID: [String: Int] = [:]
    }

    private func parser(for table: SheetTable) -> CellParser {
        CellParser(dateSystem: table.sheet.dateSystem, rooms: RoomVocabulary(checklist))
    }

    /// Reads every cell of `row` for its column; each bad cell becomes a diagnostic.
    ///
    /// - Returns: The cells read, and whether all of them (and the row's header) were sound.
    private func read(_ row: SheetRow, of table: SheetTable, with parser: CellParser,
                      into diagnostics: inout [Diagnostic]) -> (SurveyRecord.Row, Bool) {
        var fields: [String: CellContent] = [:]
        var sound = !table.hasRejectedValue(row) && table.missingRequired.isEmpty
        for column in table.kind.columns {
            guard let index = table.columns[column.key] else { continue }
            do {
                fields[column.key] = try parser.read(row.value(at: index), for: column)
            } catch {
                diagnostics.append(Diagnostic(error.code, at: table.location(column: index, row: row.number), error.arguments))
                sound = false
            }
        }
        let key = table.kind == .surveys ? "id" : SheetKind.surveyColumn
        return (SurveyRecord.Row(fields: fields, cell: table.location(of: key, row: row.number)), sound)
    }

    private func readSurveys(_ table: SheetTable, into diagnostics: inout [Diagnostic]) -> PendingSurveys {
        var pending = PendingSurveys()
        let parser = parser(for: table)
        var duplicated: Set<String> = []
        for row in table.dataRows {
            var (fields, sound) = read(row, of: table, with: parser, into: &diagnostics)
            let id = fields.value("id") ?? ""
            if !id.isEmpty, let first = pending.byID[id] {
                diagnostics.append(Diagnostic(.workbookRowDuplicateID, at: table.location(of: "id", row: row.number), [
                    "id": .quoted(id), "first": .count(pending.surveys[first].record.rowNumber),
                ]))
                duplicated.insert(id)
                sound = false
            }
            let record = SurveyRecord(survey: fields, rowNumber: row.number, sheetName: table.sheet.name)
            if !id.isEmpty && pending.byID[id] == nil { pending.byID[id] = pending.surveys.count }
            pending.surveys.append(PendingSurvey(id: id, record: record, isImportable: sound && !id.isEmpty))
        }
        for index in pending.surveys.indices where duplicated.contains(pending.surveys[index].id) {
            pending.surveys[index].isImportable = false
        }
        return pending
    }

    /// Adds the rows of a rooms, departments or developments sheet to their surveys.
    private func attach(_ table: SheetTable, to pending: inout PendingSurveys, diagnostics: inout [Diagnostic]) {
        let parser = parser(for: table)
        for row in table.dataRows {
            var (fields, sound) = read(row, of: table, with: parser, into: &diagnostics)
            // A room needs a name or a type; a cell that could not be read was reported already.
            let readAs = { (key: String) in table.columns[key] == nil ? .blank : fields.fields[key] }
            if table.kind == .rooms, readAs("name") == .blank, readAs("type") == .blank {
                diagnostics.append(Diagnostic(.workbookRowUnnamedRoom, at: table.location(of: "name", row: row.number)))
                sound = false
            }
            guard let id = fields.value(SheetKind.surveyColumn) else { continue }
            guard let index = pending.byID[id] else {
                diagnostics.append(Diagnostic(.workbookRowUnknownSurvey, at: table.location(of: SheetKind.surveyColumn, row: row.number),
                                              ["id": .quoted(id)]))
                continue
            }
            if !sound { pending.surveys[index].isImportable = false }
            switch table.kind {
            case .rooms: pending.surveys[index].record.rooms.append(fields)
            case .departments: pending.surveys[index].record.departments.append(fields)
            case .developments: pending.surveys[index].record.developments.append(fields)
            case .surveys: break
            }
        }
    }
}
