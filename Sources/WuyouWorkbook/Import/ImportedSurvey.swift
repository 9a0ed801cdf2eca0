import WuyouCore

/// A survey made from a workbook row: valid survey XML, ready to write or to evaluate.
public struct ImportedSurvey: Sendable {
    public var id: String
    /// The file name without `.xml`: the id made safe as audit page names are
    /// (``SurveyFileName``), numbered when two ids would meet.
    public var fileStem: String
    /// The survey XML, UTF-8; it passed the survey schema.
    public var bytes: [UInt8]
    /// Where the survey's row is (`普查.xlsx`, `调查表!A5`), and for each 1-based line of
    /// ``bytes`` the row it came from, so that a finding's line can be shown as a cell.
    public var origin: SurveyOrigin
    /// The workbook file and the cell naming the survey's row.
    public var source: Diagnostic.Location { origin.row }
}

/// What an import produced.
public struct WorkbookImport: Sendable {
    /// The surveys, in the order of their rows.
    public var surveys: [ImportedSurvey]
    /// Every problem, each bad cell once, in sheet and row order.
    public var diagnostics: [Diagnostic]
    /// Rows of the surveys sheet with something in them.
    public var surveyRows: Int

    /// Whether anything was wrong: then the exit status is 2.
    public var hasErrors: Bool { diagnostics.contains(where: \.isError) }
}
