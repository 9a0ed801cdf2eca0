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
        let findings = checklist.requirements.map { requirement in
            evaluate(requirement, in: &context)
        }
        return SurveyReport(
            survey: survey, checklist: checklist, findings: findings, rooms: rooms,
            extraWarnings: context.warnings)
    }

    private func evaluate(_ requirement: Requirement, in context: inout RuleEvaluationContext) -> Finding {
        // The survey is read in place: a copy of it per requirement was a tenth of an evaluation.
        if requirement.centralOnly && !context.survey.community.central {
            return statingRuleStandard(Finding(
                requirement: requirement, status: .notApplicable, expected: requirement.expectation,
                observed: .notCentral, line: context.survey.community.line))
        }
        if let effective = requirement.effectiveFrom, context.survey.date < effective {
            return statingRuleStandard(Finding(
                requirement: requirement, status: .notApplicable, expected: requirement.expectation,
                observed: .effectiveFrom(effective.text), line: context.survey.line))
        }
        if requirement.facility && !context.hasCentre {
            return statingRuleStandard(Finding(
                requirement: requirement, status: .unknown, expected: requirement.expectation, observed: .notRecorded))
        }
        var outcome = requirement.outcome(in: &context)
        let reportsShortfall = (requirement.ruleIsNumeric || outcome.unit != nil) && outcome.status.isShortfall
        // The outcome's values move into the finding instead of being copied.
        let ownExpectation = outcome.expected.take()
        let finding = Finding(
            requirement: requirement, status: outcome.status, expected: ownExpectation ?? requirement.expectation,
            observed: outcome.observed.take(),
            shortfall: reportsShortfall ? outcome.shortfall.map { DecimalRounding.rounded($0) } : nil,
            unit: reportsShortfall ? outcome.unit.take() : nil, line: outcome.line,
            obligations: swapOut(&outcome.obligations), possibleTypos: swapOut(&outcome.possibleTypos))
        // A pattern, not `== nil`: that compares through FindingValue's `==`, copying the value.
        if case .none = ownExpectation { return statingRuleStandard(finding) }
        return finding
    }

    /// `finding`, marked as expecting its requirement's own standard (see ``Finding/expectsRuleStandard``).
    private func statingRuleStandard(_ finding: consuming Finding) -> Finding {
        finding.expectsRuleStandard = true
        return finding
    }

    private func swapOut<Element>(_ list: inout [Element]) -> [Element] {
        var taken: [Element] = []
        swap(&taken, &list)
        return taken
    }
}
