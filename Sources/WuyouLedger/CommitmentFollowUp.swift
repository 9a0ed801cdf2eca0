import WuyouCore
/// What became of a commitment an earlier audit showed for a centre, by the centre's survey
/// now: closed by its due date, closed after it, or still open (`--baseline`).
///
/// The earlier report's commitments are the ones followed up, whether or not this audit has a
/// ledger: the office promised them then. A gap is closed when its finding is now met or not
/// applicable; it was closed on time when this survey's date is not after the due date (the
/// survey is the first time anyone saw it closed).
public struct CommitmentFollowUp: Sendable {
    public enum Outcome: String, Sendable, CaseIterable {
        case closedOnTime = "closed-on-time"
        case closedLate = "closed-late"
        case stillOpen = "still-open"
    }

    public var requirement: String
    public var commitment: BaselineAudit.Commitment
    public var outcome: Outcome
    /// Still open and past its due date.
    public var overdue: Bool

    /// The follow-ups of `baseline`'s commitments by `report`, in checklist order.
    public static func followUps(of baseline: BaselineAudit.Centre, by report: SurveyReport) -> [CommitmentFollowUp] {
        let date = report.survey.date
        return report.findings.compactMap { finding in
            guard let commitment = baseline.commitments[finding.requirement.id] else { return nil }
            let late = commitment.due < date
            let outcome: Outcome = switch finding.status {
            case .met, .notApplicable: late ? .closedLate : .closedOnTime
            case .gap, .partial, .unknown: .stillOpen
            }
            return CommitmentFollowUp(
                requirement: finding.requirement.id, commitment: commitment, outcome: outcome,
                overdue: outcome == .stillOpen && late)
        }
    }
}
