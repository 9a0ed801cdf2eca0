import WuyouCore
/// What the ledger comes to over an audit: the entries that named no audited survey, and the
/// waivers and commitments counted over the surveys (drafts, counted nowhere, left out).
public struct LedgerOverview: Sendable {
    /// Entries whose target no audited survey has, in ledger order (a warning, not an error:
    /// a city-wide ledger covers more than one batch).
    public var unmatched: [LedgerEntry]
    /// Per requirement (checklist order): counted surveys whose finding has an applied waiver.
    public var waivedByRequirement: [Int]
    public var waived = 0
    public var commitments = 0
    public var overdue = 0
    public var fulfilled = 0

    public init(ledger: Ledger, summary: AuditSummary) {
        var matched = [Bool](repeating: false, count: ledger.entries.count)
        waivedByRequirement = [Int](repeating: 0, count: summary.checklist.requirements.count)
        for survey in summary.surveys {
            guard let tally = survey.ledger else { continue }
            for position in tally.matchedEntries where matched.indices.contains(position) { matched[position] = true }
            guard !survey.isDraft else { continue }
            for position in tally.waivedRequirements where waivedByRequirement.indices.contains(position) {
                waivedByRequirement[position] += 1
            }
            waived += tally.waived
            commitments += tally.commitments
            overdue += tally.overdue
            fulfilled += tally.fulfilled
        }
        unmatched = ledger.entries.indices.filter { !matched[$0] }.map { ledger.entries[$0] }
    }

    /// Open and overdue commitments and applied waivers over the surveys at `positions`.
    public static func totals(of surveys: [AuditedSurvey], positions: some Sequence<Int>) -> (commitments: Int, overdue: Int, waived: Int) {
        var totals = (commitments: 0, overdue: 0, waived: 0)
        for position in positions {
            guard let tally = surveys[position].ledger else { continue }
            totals.commitments += tally.commitments
            totals.overdue += tally.overdue
            totals.waived += tally.waived
        }
        return totals
    }

    /// One warning per ledger file that has unmatched entries, counting them.
    public var warnings: [Diagnostic] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for entry in unmatched {
            if counts[entry.location.file] == nil { order.append(entry.location.file) }
            counts[entry.location.file, default: 0] += 1
        }
        return order.map { file in
            Diagnostic(.ledgerUnmatched, at: .init(file: file), severity: .warning, ["count": .count(counts[file] ?? 0)])
        }
    }
}
