/// What an audit keeps of a survey's ``LedgerJudgement`` once its page and JSON are written:
/// the counts the index, the CSV and the sub-district pages show.
public struct LedgerTally: Sendable {
    /// Positions in the checklist of the requirements whose finding has an applied waiver.
    public var waivedRequirements: [Int]
    /// Commitments on findings that are not met.
    public var commitments: Int
    /// Of those, the ones past their due date on the survey's date.
    public var overdue: Int
    public var fulfilled: Int
    /// The survey's verdict without its waivers.
    public var passesWithoutWaivers: Bool
    /// Positions in ``Ledger/entries`` of the entries that name the survey.
    public var matchedEntries: [Int]

    public init(_ judgement: LedgerJudgement) {
        waivedRequirements = judgement.waivers.filter { $0.state == .applied }.map(\.finding).sorted()
        commitments = judgement.openCommitments
        overdue = judgement.overdue
        fulfilled = judgement.fulfilled
        passesWithoutWaivers = judgement.passesWithoutWaivers
        matchedEntries = judgement.matchedEntries
    }

    public var waived: Int { waivedRequirements.count }
}

extension AuditedSurvey {
    /// This survey as the audit counts it with a ledger: its verdict and whether it fails go
    /// by the waivers (ledger-format.md), its score and statuses stay its own.
    public func applying(_ judgement: LedgerJudgement, strict: Bool) -> AuditedSurvey {
        var copy = self
        copy.passes = judgement.passes
        copy.fails = judgement.fails(strict: strict)
        copy.ledger = LedgerTally(judgement)
        return copy
    }
}
