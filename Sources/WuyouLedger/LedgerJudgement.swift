import WuyouCore
import WuyouDecimal
import Foundation

/// What a ledger says about one survey, beside its ``SurveyReport`` (which it never changes):
/// the waivers and commitments that name the survey, each judged on the survey's date, and the
/// verdict and score when applied waivers count their findings as met (docs/spec/ledger-format.md).
public struct LedgerJudgement: Sendable {
    public enum WaiverState: String, Sendable, CaseIterable {
        /// In force on the survey's date, on a finding that is a gap, partial or unknown.
        case applied
        /// The survey's date is after the waiver's expiry: it does not count.
        case expired
        /// The survey's date is before the waiver's approval: it does not count.
        case notYetInForce = "not-yet-in-force"
        /// Its finding is met or not applicable: the exception is no longer needed.
        case unused
    }

    public enum CommitmentState: String, Sendable, CaseIterable {
        /// On a finding that is not met, due on or after the survey's date.
        case open
        /// On a finding that is not met, and the survey's date is after its due date.
        case overdue
        /// Its finding is met.
        case fulfilled
        /// Its finding is not applicable: nothing is left to rectify.
        case notApplicable = "not-applicable"
    }

    /// One waiver as it stands for this survey.
    public struct WaiverUse: Sendable {
        public var entry: LedgerEntry
        public var waiver: LedgerEntry.Waiver
        /// The finding's position in ``SurveyReport/findings``.
        public var finding: Int
        public var state: WaiverState
    }

    /// One commitment as it stands for this survey.
    public struct CommitmentUse: Sendable {
        public var entry: LedgerEntry
        public var commitment: LedgerEntry.Commitment
        public var finding: Int
        public var state: CommitmentState

        /// On a finding that is not met (``CommitmentState/open`` or ``CommitmentState/overdue``).
        public var isOpen: Bool { state == .open || state == .overdue }
    }

    /// The waivers that name this survey, in checklist order of their findings.
    public private(set) var waivers: [WaiverUse] = []
    /// The commitments that name this survey, in checklist order of their findings.
    public private(set) var commitments: [CommitmentUse] = []
    /// Per finding position: the waiver applied to it, as a position in ``waivers``.
    public private(set) var appliedWaiverByFinding: [Int: Int] = [:]
    /// Per finding position: its commitment, as a position in ``commitments``.
    public private(set) var commitmentByFinding: [Int: Int] = [:]
    /// Positions in ``Ledger/entries`` of every entry that names this survey (by id or community
    /// code), used here or not.
    public private(set) var matchedEntries: [Int] = []
    /// The verdict when applied waivers count as met: what the report's verdict and exit status go by.
    public private(set) var passes = false
    /// The survey's own verdict, ``SurveyReport/passes``.
    public let passesWithoutWaivers: Bool
    /// met ÷ judged over mandatory requirements when applied waivers count as met; nil when
    /// nothing mandatory was judged.
    public private(set) var scoreWithWaivers: ExactDecimal?
    /// Waivers applied to a finding, of any severity.
    public private(set) var applied = 0
    /// Applied waivers on mandatory requirements: those that can change the verdict.
    public private(set) var appliedMandatory = 0
    /// Mandatory findings still unknown without an applied waiver (what `--strict` fails on).
    public private(set) var unknownMandatoryOpen = 0
    /// The survey's date, which everything was judged on.
    public let date: SurveyDate
    /// The owners were withheld for a public site.
    public let ownersWithheld: Bool

    /// Judges `ledger` for `report`'s survey.
    public init(report: SurveyReport, ledger: Ledger) {
        let survey = report.survey
        date = survey.date
        ownersWithheld = ledger.ownersWithheld
        passesWithoutWaivers = report.passes
        matchedEntries = ledger.entryPositions(surveyID: survey.id, communityCode: survey.community.code)
        var findingByID: [String: Int] = [:]
        for index in report.findings.indices where findingByID[report.findings[index].requirement.id] == nil {
            findingByID[report.findings[index].requirement.id] = index
        }
        var candidates: [Int: [LedgerEntry]] = [:]
        for position in matchedEntries {
            let entry = ledger.entries[position]
            guard let finding = findingByID[entry.requirement] else { continue }
            candidates[finding, default: []].append(entry)
        }
        for finding in candidates.keys.sorted() {
            let entries = Self.ordered(candidates[finding] ?? [])
            judgeWaivers(entries.compactMap { entry in entry.waiver.map { (entry, $0) } }, finding: finding, status: report.findings[finding].status)
            judgeCommitment(entries.lazy.compactMap { entry in entry.commitment.map { (entry, $0) } }.first,
                            finding: finding, status: report.findings[finding].status)
        }
        var met = 0
        var judged = 0
        for index in report.findings.indices where report.findings[index].requirement.severity == .mandatory {
            let waived = appliedWaiverByFinding[index] != nil
            let status = waived ? Status.met : report.findings[index].status
            if waived { appliedMandatory += 1 }
            if status.isJudged { judged += 1 }
            if status == .met { met += 1 }
            if status == .unknown { unknownMandatoryOpen += 1 }
        }
        scoreWithWaivers = judged == 0 ? nil : DecimalRounding.ratio(met, of: judged)
        passes = judged > 0 && met == judged && !survey.isDraft
    }

    /// One finding's entries in the order they are judged and listed, whatever the order of
    /// the files: the survey's own before its community's, then by date and text. The same
    /// entries from a workbook or from XML give the same judgement.
    public static func ordered(_ entries: [LedgerEntry]) -> [LedgerEntry] {
        func key(_ entry: LedgerEntry) -> (Int, String, String, String) {
            let specificity = if case .survey = entry.target { 0 } else { 1 }
            let day = entry.waiver?.approved.text ?? entry.commitment?.due.text ?? ""
            return (specificity, day, entry.text, entry.waiver?.approvedBy ?? entry.commitment?.owner ?? "")
        }
        return entries.sorted { lhs, rhs in
            let (left, right) = (key(lhs), key(rhs))
            if left.0 != right.0 { return left.0 < right.0 }
            if left.1 != right.1 { return left.1 < right.1 }
            if left.2 != right.2 { return UTF8Order.precedes(left.2, right.2) }
            return UTF8Order.precedes(left.3, right.3)
        }
    }

    /// The waivers of one finding: one in force is applied and the others, superseded, are not
    /// listed; with none in force, each is listed as expired or not yet in force. On a finding
    /// that is met or not applicable every waiver is unused, whatever its dates.
    private mutating func judgeWaivers(_ found: [(LedgerEntry, LedgerEntry.Waiver)], finding: Int, status: Status) {
        guard !found.isEmpty else { return }
        if status == .met || status == .notApplicable {
            for (entry, waiver) in found { waivers.append(WaiverUse(entry: entry, waiver: waiver, finding: finding, state: .unused)) }
            return
        }
        if let (entry, waiver) = found.first(where: { inForce($0.1) }) {
            appliedWaiverByFinding[finding] = waivers.count
            waivers.append(WaiverUse(entry: entry, waiver: waiver, finding: finding, state: .applied))
            applied += 1
            return
        }
        for (entry, waiver) in found {
            waivers.append(WaiverUse(
                entry: entry, waiver: waiver, finding: finding, state: date < waiver.approved ? .notYetInForce : .expired))
        }
    }

    /// approved ≤ survey date ≤ expires.
    private func inForce(_ waiver: LedgerEntry.Waiver) -> Bool {
        !(date < waiver.approved) && !(waiver.expires.map { $0 < date } ?? false)
    }

    /// The commitment of one finding (the survey's own before its community's; the other is superseded).
    private mutating func judgeCommitment(_ found: (LedgerEntry, LedgerEntry.Commitment)?, finding: Int, status: Status) {
        guard let (entry, commitment) = found else { return }
        let state: CommitmentState = switch status {
        case .met: .fulfilled
        case .notApplicable: .notApplicable
        case .gap, .partial, .unknown: commitment.due < date ? .overdue : .open
        }
        commitmentByFinding[finding] = commitments.count
        commitments.append(CommitmentUse(entry: entry, commitment: commitment, finding: finding, state: state))
    }

    /// Whether the survey fails when applied waivers count as met: it does not pass, or (with
    /// `strict`) a mandatory requirement is unknown and not waived.
    public func fails(strict: Bool) -> Bool {
        !passes || (strict && unknownMandatoryOpen > 0)
    }

    /// The waiver applied to the finding at `index`, if any.
    public func appliedWaiver(forFinding index: Int) -> WaiverUse? {
        appliedWaiverByFinding[index].map { waivers[$0] }
    }

    /// The commitment of the finding at `index`, if any, in whatever state.
    public func commitment(forFinding index: Int) -> CommitmentUse? {
        commitmentByFinding[index].map { commitments[$0] }
    }

    /// Waivers whose date put them out of force.
    public var expired: Int { waivers.count { $0.state == .expired } }
    public var notYetInForce: Int { waivers.count { $0.state == .notYetInForce } }
    public var unused: Int { waivers.count { $0.state == .unused } }
    /// Commitments on findings that are not met.
    public var openCommitments: Int { commitments.count(where: \.isOpen) }
    public var overdue: Int { commitments.count { $0.state == .overdue } }
    public var fulfilled: Int { commitments.count { $0.state == .fulfilled } }

    /// Waivers made it pass: it passes with them and not without.
    public var passesThanksToWaivers: Bool { passes && !passesWithoutWaivers }
}
