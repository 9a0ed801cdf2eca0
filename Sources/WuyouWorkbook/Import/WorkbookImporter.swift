import Foundation
import WuyouCore

/// Turns a survey workbook into surveys (docs/spec/spreadsheet-format.md), and for `wuyou import`
/// into survey XML documents.
///
/// Each bad cell is reported once, as a diagnostic at its cell; a survey with a bad cell in any
/// of its rows is not made, and the others are. Every survey made has passed what the survey
/// schema checks of a document and the format's limits (``SurveyTableBuilder``).
///
/// Rows become surveys directly, without survey XML in between, and the sheets are read a row
/// at a time, twice (see docs/performance.md, "Workbooks"):
/// 1. A first pass reads every sheet to its end and keeps only what the second needs: each
///    survey's id and row, and for the rooms, departments and developments sheets the last row
///    of each survey there (and the header and which columns are used). A workbook that cannot
///    be read — damaged, a zip bomb, too many elements — fails here, before any survey is made,
///    as it did when whole sheets were read first; a duplicate survey id is known before its
///    first row would be made.
/// 2. The second pass reads the surveys sheet row by row and, beside it, the other sheets just
///    as far as the survey's last rows there; a survey is handed over as soon as its rows are
///    complete. When those sheets list each survey's rows in the order of the surveys sheet
///    (as the template and every export do), nothing else is held. In any other order, rows met
///    before their survey's turn are kept, read, until it comes: memory then grows with how far
///    a sheet is out of order, never beyond the sheet itself.
public struct WorkbookImporter: Sendable {
    public let checklist: Checklist
    private let rooms: RoomVocabulary

    /// - Parameter checklist: Whose room names a `type` cell may use.
    public init(checklist: Checklist) {
        self.checklist = checklist
        rooms = RoomVocabulary(checklist)
    }

    /// Imports every survey of a workbook held in memory, with its survey XML.
    public func importSurveys(from workbook: Workbook) -> WorkbookImport {
        importSurveys(from: WorkbookSource(sheets: workbook.sheets.map(\.source), displayName: workbook.displayName), writingXML: true)
    }

    /// Imports every survey of `workbook` and hands them over together, for a caller that keeps
    /// them all anyway (`wuyou audit`, `wuyou check`).
    ///
    /// Read in one pass when the rooms, departments and developments sheets follow the surveys
    /// sheet's order: a survey whose rows turn out to be incomplete, or an id that turns out to
    /// be used twice, can still be undone before anything is handed over. Should a row come
    /// after its survey was made, the workbook is read again the two-pass way of
    /// ``importSurveys(from:writingXML:each:)``, which gives the same surveys in any order.
    public func importSurveys(from workbook: WorkbookSource, writingXML: Bool) -> WorkbookImport {
        var run = ImportRun(importer: self, workbook: workbook, writingXML: writingXML)
        if let surveys = run.runInOnePass() {
            let outcome = run.outcome
            return WorkbookImport(surveys: surveys, diagnostics: outcome.diagnostics, surveyRows: run.surveyRows,
                                  file: workbook.sheets.first?.file ?? "", rejected: (outcome.rejected, outcome.rest))
        }
        var surveys: [ImportedSurvey] = []
        let report = importSurveys(from: workbook, writingXML: writingXML) { surveys.append($0) }
        return WorkbookImport(surveys: surveys, diagnostics: report.diagnostics, surveyRows: report.surveyRows,
                              file: workbook.sheets.first?.file ?? "", rejected: (report.rejected, report.otherDiagnostics))
    }

    /// Imports the surveys of `workbook` for `wuyou check`, keeping only the one with `id` (or,
    /// without an id, the first), with its survey XML, and the ids of all.
    public func importSurveys(from workbook: WorkbookSource, keeping id: String?) -> WorkbookImport {
        var result = importSurveys(from: workbook, writingXML: true)
        let wanted = id.map(CellText.normalised)
        result.surveys = result.surveys.filter { wanted.map($0.id.elementsEqual) ?? true }.prefix(1).map { $0 }
        return result
    }

    /// Imports the surveys of `workbook`, handing each to `each` as soon as its rows are read.
    ///
    /// - Parameters:
    ///   - writingXML: Whether each survey also gets its survey XML (``ImportedSurvey/bytes``),
    ///     for `wuyou import` or for a checklist whose XPath rules read documents.
    ///   - each: Called with each survey made, in the order of its row.
    /// - Returns: Every problem, each bad cell once, in sheet and row order; and how many survey
    ///   rows there were.
    public func importSurveys(
        from workbook: WorkbookSource, writingXML: Bool, each: (ImportedSurvey) -> Void
    ) -> WorkbookImportReport {
        var run = ImportRun(importer: self, workbook: workbook, writingXML: writingXML)
        run.run(each)
        let outcome = run.outcome
        return WorkbookImportReport(diagnostics: outcome.diagnostics, surveyRows: run.surveyRows,
                                    rejected: outcome.rejected, otherDiagnostics: outcome.rest)
    }

    func parser(for sheet: SheetSource) -> CellParser {
        CellParser(dateSystem: sheet.dateSystem, rooms: rooms)
    }

    static let sheetNames = DiagnosticArgument.list(
        SheetKind.allCases.map { "\($0.chineseName)/\($0.rawValue)" } + [SheetKind.instructionsName])
}

/// What an import found, beside the surveys it handed over.
public struct WorkbookImportReport: Sendable {
    /// Every problem, each bad cell once, in sheet and row order.
    public var diagnostics: [Diagnostic]
    /// Rows of the surveys sheet with something in them.
    public var surveyRows: Int
    /// The rows that did not become surveys, each with its own problems.
    public var rejected: [RejectedSurvey]
    /// The problems that belong to no rejected row, and the warnings.
    public var otherDiagnostics: [Diagnostic]

    /// Whether anything was wrong: then the exit status is 2.
    public var hasErrors: Bool { diagnostics.contains(where: \.isError) }
}

