import WuyouDecimal
import Foundation
import WuyouXML

/// Turns a survey into one finding per requirement of a checklist, in checklist order.
public struct Evaluator: Sendable {
    public let checklist: Checklist
    /// The checklist's rooms, looked up by every survey.
    private let rooms: RoomVocabulary
    /// Whether a rule reads the survey's document (XPath): evaluations then need it, not only
    /// the survey.
    public let readsDocuments: Bool

    public init(checklist: Checklist) {
        self.checklist = checklist
        rooms = RoomVocabulary(checklist)
        readsDocuments = checklist.requirements.contains { $0.rule.readsDocument }
    }

    /// Evaluates `survey` against every requirement.
    ///
    /// - Parameters:
    ///   - survey: The survey to judge.
    ///   - document: The survey's parsed document, needed only by XPath rules; without it
    ///     they are `unknown`.
    /// - Returns: The report: findings, counts, score, funding and warnings.
    public func evaluate(_ survey: Survey, document: ParsedDocument? = nil) -> SurveyReport {
        let rooms = RoomInventory(centre: survey.centre, vocabulary: self.rooms)
        var context = RuleEvaluationContext(survey: survey, rooms: rooms, document: document)
        let findings = checklist.requirements.map { evaluate($0, in: &context) }
        return SurveyReport(
            survey: survey, checklist: checklist, findings: findings, rooms: rooms,
            extraWarnings: context.warnings)
    }

    private func evaluate(_ requirement: Requirement, in context: inout RuleEvaluationContext) -> Finding {
        if requirement.centralOnly && !context.survey.community.central {
            return Finding(
                requirement: requirement, status: .notApplicable, expected: requirement.expectation,
                expectsRuleStandard: true, observed: .notCentral, place: context.survey.community.place)
        }
        if let effective = requirement.effectiveFrom, context.survey.date < effective {
            return Finding(
                requirement: requirement, status: .notApplicable, expected: requirement.expectation,
                expectsRuleStandard: true, observed: .effectiveFrom(effective.text), place: context.survey.place)
        }
        if requirement.facility && !context.hasCentre {
            return Finding(
                requirement: requirement, status: .unknown, expected: requirement.expectation,
                expectsRuleStandard: true, observed: .notRecorded)
        }
        let outcome = requirement.rule.outcome(in: &context, requirement: requirement.id)
        let reportsShortfall = (requirement.ruleIsNumeric || outcome.unit != nil) && outcome.status.isShortfall
        return Finding(
            requirement: requirement, status: outcome.status, expected: outcome.expected ?? requirement.expectation,
            expectsRuleStandard: outcome.expected == nil, observed: outcome.observed,
            shortfall: reportsShortfall ? outcome.shortfall.map { DecimalRounding.rounded($0) } : nil,
            unit: reportsShortfall ? outcome.unit : nil, place: outcome.place,
            obligations: outcome.obligations, possibleTypos: outcome.possibleTypos)
    }
}
