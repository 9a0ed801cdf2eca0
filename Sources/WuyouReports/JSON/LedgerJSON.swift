import WuyouCore
import WuyouLedger

/// The members a ledger adds to a `wuyou-report/1` document (docs/spec/ledger-format.md): a finding's
/// applied `waiver` and open `commitment`, and the report's `ledger` counts with the entries
/// listed beside them (expired, not yet in force and unused waivers; fulfilled and
/// not-applicable commitments), so that the JSON says everything the HTML report shows.
enum LedgerJSON {
    /// `waiver` when one is applied to the finding, `commitment` when it has one and is not met.
    static func writeFindingMembers<Sink: JSONSink>(_ ledger: LedgerJudgement, finding: Int, to sink: inout Sink) {
        if let use = ledger.appliedWaiver(forFinding: finding) {
            sink.key("waiver")
            writeWaiver(use.entry.text, use.waiver, to: &sink)
        }
        if let use = ledger.commitment(forFinding: finding), use.isOpen {
            sink.key("commitment")
            writeCommitment(use.entry.text, use.commitment, overdue: use.state == .overdue, ledger: ledger, to: &sink)
        }
    }

    private static func writeWaiver<Sink: JSONSink>(_ reason: String, _ waiver: LedgerEntry.Waiver, to sink: inout Sink, close: Bool = true) {
        sink.openObject()
        sink.key("reason")
        sink.string(reason)
        sink.key("approvedBy")
        sink.string(waiver.approvedBy)
        sink.key("approved")
        sink.string(waiver.approved.text)
        sink.key("expires")
        if let expires = waiver.expires { sink.string(expires.text) } else { sink.null() }
        if close { sink.closeObject() }
    }

    private static func writeCommitment<Sink: JSONSink>(
        _ measure: String, _ commitment: LedgerEntry.Commitment, overdue: Bool, ledger: LedgerJudgement, to sink: inout Sink,
        close: Bool = true
    ) {
        sink.openObject()
        sink.key("measure")
        sink.string(measure)
        sink.key("owner")
        // A public site withholds owners: they may be people.
        if ledger.ownersWithheld { sink.null() } else { sink.string(commitment.owner) }
        sink.key("due")
        sink.string(commitment.due.text)
        sink.key("overdue")
        sink.bool(overdue)
        if close { sink.closeObject() }
    }

    /// The report's `ledger` member.
    static func writeCounts<Sink: JSONSink>(_ ledger: LedgerJudgement, to sink: inout Sink) {
        sink.key("ledger")
        sink.openObject()
        for (key, count) in [
            ("applied", ledger.applied), ("expired", ledger.expired), ("unused", ledger.unused),
            ("commitments", ledger.openCommitments), ("overdue", ledger.overdue), ("fulfilled", ledger.fulfilled),
        ] {
            sink.key(key)
            sink.integer(count)
        }
        sink.key("listed")
        sink.openArray()
        for use in ledger.waivers where use.state != .applied {
            sink.element()
            writeWaiver(use.entry.text, use.waiver, to: &sink, close: false)
            writeListed(use.entry, state: use.state.rawValue, to: &sink)
        }
        for use in ledger.commitments where !use.isOpen {
            sink.element()
            writeCommitment(use.entry.text, use.commitment, overdue: false, ledger: ledger, to: &sink, close: false)
            writeListed(use.entry, state: use.state.rawValue, to: &sink)
        }
        sink.closeArray()
        sink.closeObject()
    }

    /// The members that say what a listed entry is about, and the object's end.
    private static func writeListed<Sink: JSONSink>(_ entry: LedgerEntry, state: String, to sink: inout Sink) {
        sink.key("kind")
        sink.string(entry.isWaiver ? "waiver" : "commitment")
        sink.key("state")
        sink.string(state)
        sink.key("requirement")
        sink.string(entry.requirement)
        writeTarget(entry.target, to: &sink)
        sink.closeObject()
    }

    static func writeTarget<Sink: JSONSink>(_ target: LedgerEntry.Target, to sink: inout Sink) {
        switch target {
        case .community(let code):
            sink.key("community")
            sink.string(code)
        case .survey(let id):
            sink.key("survey")
            sink.string(id)
        }
    }
}
