import WuyouDecimal
import Foundation

/// The result of auditing many surveys against one checklist: the surveys that were read, the
/// files that could not be, and the figures an index shows.
public struct AuditSummary: Sendable {
    /// What became of one input file.
    public enum Outcome: Sendable {
        case audited(AuditedSurvey)
        /// The survey could not be read, parsed or validated.
        case failed(UnusedSurvey)
    }

    public var checklist: Checklist
    /// Whether an unknown mandatory requirement fails a survey.
    public var strict: Bool
    /// The surveys audited, in path order, without duplicate ids.
    public var surveys: [AuditedSurvey]
    /// Why files were left out, in path order: every diagnostic of ``unused``, and problems
    /// with the inputs themselves (a folder that cannot be listed).
    public var errors: [Diagnostic]
    /// The surveys left out — unreadable, invalid, or repeating an id — in path order.
    public var unused: [UnusedSurvey] = []
    /// Problems with the inputs that are no survey's (a folder that cannot be listed).
    public var inputProblems: [Diagnostic] = []

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
        var collector = Collector(checklist: checklist, strict: strict, inputErrors: inputErrors)
        for outcome in outcomes { collector.add(outcome) }
        self = collector.summary
    }

    /// Builds a summary one outcome at a time, in path order, so that an audit never holds a
    /// second copy of its surveys.
    public struct Collector: Sendable {
        public private(set) var summary: AuditSummary
        private var firstPathByID: [String: String] = [:]

        public init(checklist: Checklist, strict: Bool, inputErrors: [Diagnostic] = []) {
            summary = AuditSummary(checklist: checklist, strict: strict, surveys: [], errors: inputErrors)
            summary.inputProblems = inputErrors
        }

        /// Makes room for `count` surveys at once, instead of growing by doubling (which copies).
        public mutating func reserveCapacity(_ count: Int) {
            summary.surveys.reserveCapacity(count)
        }

        /// Adds the next outcome in path order.
        ///
        /// - Returns: Whether the outcome became one of the summary's surveys (false for a
        ///   file that failed and for a repeated survey id).
        @discardableResult
        public mutating func add(_ outcome: Outcome) -> Bool {
            switch outcome {
            case .audited(let survey):
                if let first = firstPathByID[survey.id] {
                    let duplicate = Diagnostic(.auditDuplicateID, at: survey.location, ["id": .text(survey.id), "first": .text(first)])
                    summary.errors.append(duplicate)
                    summary.unused.append(UnusedSurvey(
                        path: survey.path, identity: SurveyIdentity(id: survey.id, community: survey.community), diagnostics: [duplicate]))
                    return false
                }
                firstPathByID[survey.id] = survey.path
                summary.surveys.append(survey)
                return true
            case .failed(let unused):
                summary.errors += unused.diagnostics
                summary.unused.append(unused)
                return false
            }
        }
    }

    private init(checklist: Checklist, strict: Bool, surveys: [AuditedSurvey], errors: [Diagnostic]) {
        self.checklist = checklist
        self.strict = strict
        self.surveys = surveys
        self.errors = errors
    }

    /// This summary with every quoted piece of an input withheld from its diagnostics, for a
    /// public site (libxml2's messages can quote a survey's notes or inspector names).
    public func withholdingQuotedText() -> AuditSummary {
        var copy = self
        copy.errors = errors.map { $0.withholdingQuotedText() }
        copy.inputProblems = inputProblems.map { $0.withholdingQuotedText() }
        for index in copy.unused.indices {
            copy.unused[index].diagnostics = copy.unused[index].diagnostics.map { $0.withholdingQuotedText() }
        }
        return copy
    }

    /// How many files could not be used.
    public var filesWithErrors: Int { Set(errors.map(\.location.file)).count }

    /// Surveys counted in the figures: every survey read, but the drafts.
    public var countedSurveys: Int { surveys.count - draftCount }

    /// Drafts, listed apart (see ``AuditedSurvey/isDraft``).
    public var drafts: [AuditedSurvey] { surveys.filter(\.isDraft) }

    /// How many surveys are drafts.
    public var draftCount: Int { surveys.reduce(0) { $0 + ($1.isDraft ? 1 : 0) } }

    /// Counted surveys that do not fail (under ``strict``).
    public var passing: Int { surveys.reduce(0) { $0 + ($1.isDraft || $1.fails ? 0 : 1) } }

    /// passing ÷ counted surveys, to 4 decimals; nil when none was counted.
    public var passRate: ExactDecimal? {
        let counted = surveys.count - draftCount
        return counted == 0 ? nil : AuditSummary.fraction(passing, of: counted)
    }

    /// One per requirement, in checklist order.
    public var compliance: [RequirementCompliance] {
        var met = Array(repeating: 0, count: checklist.requirements.count)
        var judged = met
        for survey in surveys where !survey.isDraft {
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
        ScoreBand.distribution(of: surveys.indices.lazy.filter { !surveys[$0].isDraft }.map { surveys[$0].scoreBand })
    }

    /// Totals over every counted survey.
    public var totals: AuditTotals {
        AuditTotals(subdistrict: nil, surveys: surveys, positions: surveys.indices.lazy.filter { !surveys[$0].isDraft })
    }

    /// Totals per sub-district, in the order of ``subdistrictGroups``.
    public var subdistrictTotals: [AuditTotals] {
        subdistrictGroups.map { group in
            AuditTotals(subdistrict: group.name, surveys: surveys, positions: group.indices)
        }
    }

    /// Survey positions by sub-district, by name in UTF-8 order, surveys naming none last
    /// (grouped by position, not by copying the surveys). Drafts are in no group: their
    /// sub-district may be the template's placeholder.
    public var subdistrictGroups: [(name: String?, indices: [Int])] {
        let groups = Dictionary(grouping: surveys.indices.filter { !surveys[$0].isDraft }) { surveys[$0].subdistrict ?? "" }
        return groups.keys.sorted { lhs, rhs in
            if lhs.isEmpty != rhs.isEmpty { return rhs.isEmpty }
            return UTF8Order.precedes(lhs, rhs)
        }.map { name in (name.isEmpty ? nil : name, groups[name] ?? []) }
    }

    static func fraction(_ part: Int, of whole: Int) -> ExactDecimal {
        DecimalRounding.ratio(part, of: whole)
    }
}
