/// A survey an audit could not use, named as well as it could be: the file (or the workbook
/// and row) it came from, its id and community when they could be read, and why.
public struct UnusedSurvey: Sendable {
    /// The file, or the workbook and cell of its row (`普查.xlsx:调查表!A5`).
    public var path: String
    public var identity: SurveyIdentity?
    /// Why it was left out: its errors, or the duplicate id.
    public var diagnostics: [Diagnostic]

    public init(path: String, identity: SurveyIdentity?, diagnostics: [Diagnostic]) {
        self.path = path
        self.identity = identity
        self.diagnostics = diagnostics
    }
}

/// What names a survey to a person: its id and its community, each when it could be read.
public struct SurveyIdentity: Sendable, Hashable {
    public var id: String?
    public var community: String?

    public init(id: String?, community: String?) {
        self.id = id
        self.community = community
    }
}
