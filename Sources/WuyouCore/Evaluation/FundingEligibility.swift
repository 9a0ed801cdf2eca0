import WuyouDecimal
import Foundation

/// What the survey's community may receive under 以奖代补, and what developers still owe it.
public struct FundingEligibility: Sendable {
    /// The award the community qualifies for, if any.
    public var award: Checklist.FundingAward?
    /// Developer obligations, one per listed development.
    public var obligations: [Finding.Obligation]
    /// The developer-space shortfall in m²; 0 when met or not applicable.
    public var developerShortfallArea: ExactDecimal

    public var awardTotal: ExactDecimal { award?.total ?? 0 }

    /// Awards go to central communities whose centre was inventoried; developer
    /// obligations come from the per-item-ratio findings whatever the community's location.
    init(survey: Survey, checklist: Checklist, findings: [Finding]) {
        if survey.community.central, let premises = survey.centre?.premises {
            award = checklist.awards.first { $0.premises == premises }
        } else {
            award = nil
        }
        var obligations: [Finding.Obligation] = []
        var shortfall: ExactDecimal = 0
        for index in findings.indices where findings[index].requirement.rule.yieldsObligations {
            obligations += findings[index].obligations
            if findings[index].status == .gap, let area = findings[index].shortfall { shortfall += area }
        }
        self.obligations = obligations
        developerShortfallArea = shortfall
    }
}
