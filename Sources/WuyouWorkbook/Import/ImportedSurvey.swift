import WuyouCore

/// A survey made from a workbook's rows, ready to evaluate, and its survey XML when asked for.
public struct ImportedSurvey: Sendable {
    public var id: String
    /// The file name without `.xml`: the id made safe as audit page names are
    /// (``SurveyFileName``), numbered when two ids would meet.
    public var fileStem: String
    /// The survey, its places the cells it was read from; its path names the workbook and the
    /// cell of its row (`普查.xlsx:调查表!A5`).
    public var survey: Survey
    /// The survey XML, UTF-8, valid under the survey schema; empty unless the import was asked
    /// to write it.
    public var bytes: [UInt8]
    /// The workbook file and the cell naming the survey's row.
    public var source: Diagnostic.Location { survey.location(of: survey.place) }
}

/// What an import produced.
public struct WorkbookImport: Sendable {
    /// The surveys, in the order of their rows (those asked for: see
    /// ``WorkbookImporter/importSurveys(from:keeping:)``).
    public var surveys: [ImportedSurvey]
    /// Every problem, each bad cell once, in sheet and row order.
    public var diagnostics: [Diagnostic]
    /// Rows of the surveys sheet with something in them.
    public var surveyRows: Int
    /// The ids of all surveys made, kept or not.
    public var ids: [String]
    /// The workbook's (first) file.
    public var file: String
    /// The rows that did not become surveys, each with its own problems.
    public var rejected: [RejectedSurvey] = []
    /// The problems that belong to no rejected row (of the workbook, a header, a row naming no
    /// survey), and the warnings.
    public var otherDiagnostics: [Diagnostic] = []

    init(surveys: [ImportedSurvey], diagnostics: [Diagnostic], surveyRows: Int, ids: [String]? = nil, file: String = "",
         rejected: (rows: [RejectedSurvey], rest: [Diagnostic])? = nil) {
        self.surveys = surveys
        self.diagnostics = diagnostics
        self.rejected = rejected?.rows ?? []
        self.otherDiagnostics = rejected?.rest ?? diagnostics
        self.surveyRows = surveyRows
        self.ids = ids ?? surveys.map(\.id)
        self.file = surveys.first?.source.file ?? file
    }

    /// Whether anything was wrong: then the exit status is 2.
    public var hasErrors: Bool { diagnostics.contains(where: \.isError) }
}
