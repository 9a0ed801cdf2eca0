import Foundation

/// The result of auditing many surveys against one checklist: the surveys that were read, the
/// files that could not be, and the figures an index shows.
public struct AuditSummary: Sendable {
    /// What became of one input file.
    public enum Outcome: Sendable {
        case audited(AuditedSurvey)
        /// The file could not be read, parsed or validated.
        case failed(path: String, diagnostics: [Diagnostic])
    }

    public var checklist: Checklist
    /// Whether an unknown mandatory requirement fails a survey.
    public var strict: Bool
    /// The surveys audited, in path order, without duplicate ids.
    public var surveys: [AuditedSurvey]
    /// Why files were left out, in path order.
    public var errors: [Diagnostic]

    /// Collects outcomes given in path order.
    ///
    /// A survey whose id an earlier file (in path order) already used is left out and listed
    /// as an error naming the id and that earlier file.
    ///
    /// - Parameters:
    ///   - checklist: The checklist every survey was evaluated against.
    ///   - strict: The audit's strictness, as used for ``AuditedSurvey/fails``.
    ///   - outcomes: One per input file, in path order.
    ///   - inputErrors: Problems with the inputs themselves (e.g. a folder that cannot be listed).
    public init(checklist: Checklist, strict: Bool, outcomes: [Outcome], inputErrors: [Diagnostic] = []) {
        self.checklist = checklist
        self.strict = strict
        var surveys: [AuditedSurvey] = []
        var errors = inputErrors
        var firstPathByID: [String: String] = [:]
        for outcome in outcomes {
            switch outcome {
            case .audited(let survey):
                if let first = firstPathByID[survey.id] {
                    errors.append(Diagnostic(
                        .auditDuplicateID, at: survey.location,
                        ["id": .text(survey.id), "first": .text(first)]))
                } else {
                    firstPathByID[survey.id] = survey.path
                    surveys.append(survey)
                }
            case .failed(_, let diagnostics):
                errors += diagnostics
            }
        }
        self.surveys = surveys
        self.errors = errors
    }

    /// How many files could not be used.
    public var filesWithErrors: Int { Set(errors.map(\.location.file)).count }

    /// The surveys every figure counts: all but drafts, whose facts are not yet an inspector's
    /// and whose placeholder sub-district must not become a row of its own.
    public var counted: [AuditedSurvey] { surveys.filter { !$0.isDraft } }

    /// Drafts, listed apart (see ``AuditedSurvey/isDraft``).
    public var drafts: [AuditedSurvey] { surveys.filter(\.isDraft) }

    /// Counted surveys that do not fail (under ``strict``).
    public var passing: Int { counted.filter { !$0.fails }.count }

    /// passing ÷ counted surveys, to 4 decimals; nil when none was counted.
    public var passRate: Decimal? {
        let counted = counted.count
        return counted == 0 ? nil : AuditSummary.fraction(passing, of: counted)
    }

    /// One per requirement, in checklist order.
    public var compliance: [RequirementCompliance] {
        var met = Array(repeating: 0, count: checklist.requirements.count)
        var judged = met
        for survey in counted {
            for (index, status) in survey.statuses.enumerated() where index < met.count && status.isJudged {
                judged[index] += 1
                if status == .met { met[index] += 1 }
            }
        }
        return checklist.requirements.indices.map { index in
            RequirementCompliance(requirement: checklist.requirements[index], met: met[index], judged: judged[index])
        }
    }

    /// How many surveys fall in each score band, in ``ScoreBand`` order.
    public var scoreDistribution: [(band: ScoreBand, count: Int)] {
        var counts: [ScoreBand: Int] = [:]
        for survey in counted {
            counts[ScoreBand(score: survey.score), default: 0] += 1
        }
        return ScoreBand.allCases.map { ($0, counts[$0] ?? 0) }
    }

    /// Totals over every counted survey.
    public var totals: AuditTotals {
        AuditTotals(subdistrict: nil, surveys: counted)
    }

    /// Totals per sub-district, by name in UTF-8 order; surveys without a sub-district last.
    public var subdistrictTotals: [AuditTotals] {
        let groups = Dictionary(grouping: counted) { $0.subdistrict ?? "" }
        return groups.keys.sorted { lhs, rhs in
            if lhs.isEmpty != rhs.isEmpty { return rhs.isEmpty }
            return SurveyInputs.utf8Order(lhs, rhs)
        }.map { name in
            AuditTotals(subdistrict: name.isEmpty ? nil : name, surveys: groups[name] ?? [])
        }
    }

    static func fraction(_ part: Int, of whole: Int) -> Decimal {
        DecimalRounding.rounded(Decimal(part) / Decimal(whole))
    }
}
