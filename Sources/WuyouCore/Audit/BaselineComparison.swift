import WuyouDecimal
import Foundation

/// What changed since an earlier audit: per centre, per requirement, and which centres came or went.
///
/// Centres are matched by ``CentreKey`` (sub-district and community name). When one audit holds
/// several surveys of the same community, the earlier audit is represented by its latest survey
/// (by date, then path); every current survey of the community is compared with it.
public struct BaselineComparison: Sendable {
    /// One current survey against its community's earlier survey.
    public struct CentreChange: Sendable {
        /// The earlier survey, nil when the centre is new.
        public var baseline: BaselineAudit.Centre?
        /// Current score − earlier score, nil when either is missing.
        public var scoreChange: ExactDecimal?
        /// Requirement ids that were a gap or partial and are now met or not applicable, in checklist order.
        public var gapsClosed: [String]
        /// Requirement ids that are now a gap or partial and were not (or were not recorded), in checklist order.
        public var gapsOpened: [String]

        public var isNew: Bool { baseline == nil }

        public init(baseline: BaselineAudit.Centre?, scoreChange: ExactDecimal?, gapsClosed: [String], gapsOpened: [String]) {
            self.baseline = baseline
            self.scoreChange = scoreChange
            self.gapsClosed = gapsClosed
            self.gapsOpened = gapsOpened
        }
    }

    /// One requirement's compliance rate, then and now.
    public struct RequirementChange: Sendable {
        public var id: String
        public var baselineRate: ExactDecimal?
        public var rate: ExactDecimal?
        /// rate − baselineRate, nil when either is missing.
        public var change: ExactDecimal?
    }

    public var baselinePath: String
    public var baselineSurveys: Int
    public var baselinePassRate: ExactDecimal?
    /// Aligned with ``AuditSummary/surveys``.
    public var centres: [CentreChange]
    /// In checklist order.
    public var requirements: [RequirementChange]
    /// Centres of the earlier audit with no current survey, in the earlier audit's order.
    public var gone: [BaselineAudit.Centre]

    /// Compares an audit with an earlier one.
    public init(summary: AuditSummary, baseline: BaselineAudit) {
        baselinePath = baseline.path
        baselineSurveys = baseline.centres.count
        baselinePassRate = baseline.passRate

        let latest = Self.latestByCentre(in: baseline)
        let ids = summary.checklist.requirements.map(\.id)
        centres = summary.surveys.map { Self.change(for: $0, requirementIDs: ids, latest: latest) }

        var baselineMet: [String: Int] = [:]
        var baselineJudged: [String: Int] = [:]
        for centre in baseline.centres {
            for (id, status) in centre.statuses where status.isJudged {
                baselineJudged[id, default: 0] += 1
                if status == .met { baselineMet[id, default: 0] += 1 }
            }
        }
        requirements = summary.compliance.map { compliance in
            let id = compliance.requirement.id
            let judged = baselineJudged[id] ?? 0
            let before: ExactDecimal? = judged == 0 ? nil : AuditSummary.fraction(baselineMet[id] ?? 0, of: judged)
            let change: ExactDecimal? = if let now = compliance.rate, let before { now - before } else { nil }
            return RequirementChange(id: id, baselineRate: before, rate: compliance.rate, change: change)
        }

        let current = Set(summary.surveys.map { CentreKey(subdistrict: $0.subdistrict, community: $0.community) })
        var reported: Set<CentreKey> = []
        gone = baseline.centres.filter { centre in
            !current.contains(centre.key) && latest[centre.key]?.path == centre.path && reported.insert(centre.key).inserted
        }
    }

    /// Each centre's latest survey in an earlier audit (by date, then path).
    public static func latestByCentre(in baseline: BaselineAudit) -> [CentreKey: BaselineAudit.Centre] {
        var latest: [CentreKey: BaselineAudit.Centre] = [:]
        for centre in baseline.centres {
            if let kept = latest[centre.key], (kept.date, kept.path) > (centre.date, centre.path) { continue }
            latest[centre.key] = centre
        }
        return latest
    }

    /// One survey against its community's latest survey in an earlier audit.
    ///
    /// - Parameters:
    ///   - requirementIDs: The checklist's requirement ids, in the order of the survey's statuses.
    ///   - latest: ``latestByCentre(in:)`` of the earlier audit.
    public static func change(
        for survey: AuditedSurvey, requirementIDs ids: [String], latest: [CentreKey: BaselineAudit.Centre]
    ) -> CentreChange {
        guard let before = latest[CentreKey(subdistrict: survey.subdistrict, community: survey.community)] else {
            return CentreChange(baseline: nil, scoreChange: nil, gapsClosed: [], gapsOpened: [])
        }
        var closed: [String] = []
        var opened: [String] = []
        for (id, status) in zip(ids, survey.statuses) {
            let was = before.statuses[id]
            if was?.isShortfall == true && (status == .met || status == .notApplicable) { closed.append(id) }
            if status.isShortfall && was?.isShortfall != true { opened.append(id) }
        }
        let change: ExactDecimal? = if let now = survey.score, let then = before.score { now - then } else { nil }
        return CentreChange(baseline: before, scoreChange: change, gapsClosed: closed, gapsOpened: opened)
    }

    /// Σ gaps closed over every centre.
    public var totalGapsClosed: Int { centres.map(\.gapsClosed.count).reduce(0, +) }
    /// Σ gaps opened over every centre.
    public var totalGapsOpened: Int { centres.map(\.gapsOpened.count).reduce(0, +) }
    public var newCentres: Int { centres.filter(\.isNew).count }
}
