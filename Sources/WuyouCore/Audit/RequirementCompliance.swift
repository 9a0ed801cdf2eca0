import WuyouDecimal
import Foundation

/// How often one requirement was met among the surveys that could be judged on it.
public struct RequirementCompliance: Sendable {
    public var requirement: Requirement
    public var met: Int
    /// Surveys where it was met, a gap or partial (unknown and not-applicable are left out).
    public var judged: Int

    /// met ÷ judged to 4 decimals; nil when no survey could be judged.
    public var rate: ExactDecimal? {
        judged == 0 ? nil : AuditSummary.fraction(met, of: judged)
    }
}
