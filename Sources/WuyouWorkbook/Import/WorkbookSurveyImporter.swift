import WuyouCore

/// Workbooks named on the command line of `wuyou audit`, imported in memory: each `.xlsx`
/// file is one workbook, and all `.csv` files together are one.
///
/// Each survey becomes a ``SurveySource`` named after its workbook and row
/// (`普查.xlsx:调查表!A5`). A row that could not become a survey is an unusable source of the
/// same name, with its id, community and its own errors (its bad cells, those of its rooms…);
/// the other errors (an unreadable file, a missing column, a row naming no survey) become one
/// unusable source named after the workbook. An audit lists them like unreadable surveys.
/// Warnings (a sheet that was ignored) change nothing and are not passed on.
public struct WorkbookSurveyImporter: SurveyImporting {
    public let importer: WorkbookImporter
    public let limits: WorkbookLimits

    /// Whether surveys keep their survey XML, for a checklist whose XPath rules read documents.
    private let keepsXML: Bool

    public init(checklist: Checklist, limits: WorkbookLimits = .standard) {
        self.importer = WorkbookImporter(checklist: checklist)
        self.limits = limits
        keepsXML = checklist.requirements.contains { $0.rule.readsDocument }
    }

    public func reads(_ path: String) -> Bool {
        WorkbookFiles.isWorkbook(path)
    }

    public func surveys(in paths: [String]) -> [SurveySource] {
        let csv = paths.filter(WorkbookFiles.isCSV)
        let groups = paths.filter { !WorkbookFiles.isCSV($0) }.map { [$0] } + (csv.isEmpty ? [] : [csv])
        return groups.flatMap(surveys(inWorkbook:))
    }

    private func surveys(inWorkbook paths: [String]) -> [SurveySource] {
        let name = paths.first ?? ""
        let workbook: WorkbookSource
        do {
            workbook = try WorkbookFiles.open(paths, limits: limits)
        } catch {
            return [SurveySource(path: name, content: .unusable(error.items))]
        }
        let result = importer.importSurveys(from: workbook, writingXML: keepsXML)
        var sources = result.surveys.map { imported in
            SurveySource(path: imported.survey.path, content: .read(imported.survey, xml: keepsXML ? imported.bytes : nil))
        }
        // Each row left out is named by its row, id and community, with its own reasons.
        for rejected in result.rejected {
            let errors = rejected.diagnostics.filter(\.isError)
            guard !errors.isEmpty else { continue }
            sources.append(SurveySource(path: rejected.path, content: .unusable(errors), identity: rejected.identity))
        }
        let errors = result.otherDiagnostics.filter(\.isError)
        if !errors.isEmpty { sources.append(SurveySource(path: name, content: .unusable(errors))) }
        return sources
    }
}
