import WuyouCore

extension LedgerTally {
    /// The counts an audit keeps of `judgement`.
    public init(_ judgement: LedgerJudgement) {
        self.init(
            waivedRequirements: judgement.waivers.filter { $0.state == .applied }.map(\.finding).sorted(),
            commitments: judgement.openCommitments, overdue: judgement.overdue, fulfilled: judgement.fulfilled,
            passesWithoutWaivers: judgement.passesWithoutWaivers, matchedEntries: judgement.matchedEntries)
    }
}

extension AuditedSurvey {
    /// This survey as the audit counts it with a ledger: its verdict and whether it fails go
    /// by the waivers (docs/spec/ledger-format.md), its score and statuses stay its own.
    public func applying(_ judgement: LedgerJudgement, strict: Bool) -> AuditedSurvey {
        var copy = self
        copy.passes = judgement.passes
        copy.fails = judgement.fails(strict: strict)
        copy.ledger = LedgerTally(judgement)
        return copy
    }
}
