import WuyouCore

/// A row of the surveys sheet that did not become a survey, named as far as it could be read,
/// with the problems that kept it out: its own bad cells, those of its rooms, departments and
/// developments, and a second row with its id. An audit lists it among the surveys it could not
/// use (issue #20: a batch names every survey it could not use, where, and why).
public struct RejectedSurvey: Sendable {
    /// The id cell of its row (`调查表!A5`).
    public var cell: SourceCell
    /// Its id and community as written; nil when blank or unreadable.
    public var identity: SurveyIdentity
    /// Why it was not made, in sheet and row order.
    public var diagnostics: [Diagnostic]

    /// Where it is, as an audit names a survey: the workbook and the row's cell.
    public var path: String { "\(cell.file):\(cell.name)" }
}
