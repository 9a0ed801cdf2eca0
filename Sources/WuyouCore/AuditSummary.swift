import Foundation
import WuyouXML

/// The result of auditing many surveys against one checklist: the surveys that were read, the
/// files that could not be, and the figures an index shows.
public struct AuditSummary: Sendable {
    /// What became of one input file.
    public enum Outcome: Sendable {
        case audited(AuditedSurvey)
        /// The file could not be read, parsed or validated.
        case failed(path: String, diagnostics: [XMLDiagnostic])
    }

    public var checklist: Checklist
    /// Whether an unknown mandatory requirement fails a survey.
    public var strict: Bool
    /// The surveys audited, in path order, without duplicate ids.
    public var surveys: [AuditedSurvey]
    /// The files left out, in path order.
    public var errors: [AuditError]

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
    public init(checklist: Checklist, strict: Bool, outcomes: [Outcome], inputErrors: [XMLDiagnostic] = []) {
        self.checklist = checklist
        self.strict = strict
        var surveys: [AuditedSurvey] = []
        var errors = inputErrors.map(AuditError.init(diagnostic:))
        var firstPathByID: [String: String] = [:]
        for outcome in outcomes {
            switch outcome {
            case .audited(let survey):
                if let first = firstPathByID[survey.id] {
                    errors.append(AuditError(
                        path: survey.path, line: survey.line, column: 1,
                        kind: .duplicateID(id: survey.id, firstPath: first)))
                } else {
                    firstPathByID[survey.id] = survey.path
                    surveys.append(survey)
                }
            case .failed(_, let diagnostics):
                errors += diagnostics.map(AuditError.init(diagnostic:))
            }
        }
        self.surveys = surveys
        self.errors = errors
    }

    /// Surveys that do not fail (under ``strict``).
    public var passing: Int { surveys.filter { !$0.fails }.count }

    /// passing ÷ surveys, to 4 decimals; nil when no survey was audited.
    public var passRate: Decimal? {
        surveys.isEmpty ? nil : AuditSummary.fraction(passing, of: surveys.count)
    }

    /// One per requirement, in checklist order.
    public var compliance: [RequirementCompliance] {
        var met = Array(repeating: 0, count: checklist.requirements.count)
        var judged = met
        for survey in surveys {
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
        for survey in surveys {
            counts[ScoreBand(score: survey.score), default: 0] += 1
        }
        return ScoreBand.allCases.map { ($0, counts[$0] ?? 0) }
    }

    /// Totals over every audited survey.
    public var totals: AuditTotals {
        AuditTotals(subdistrict: nil, surveys: surveys)
    }

    /// Totals per sub-district, by name in UTF-8 order; surveys without a sub-district last.
    public var subdistrictTotals: [AuditTotals] {
        let groups = Dictionary(grouping: surveys) { $0.subdistrict ?? "" }
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

/// A file an audit had to leave out, and why.
public struct AuditError: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Unreadable, not well-formed or not valid; the message is libxml2's or the loader's.
        case invalid(message: String)
        /// Another file, earlier in path order, has the same survey id.
        case duplicateID(id: String, firstPath: String)
    }

    public var path: String
    /// 1-based.
    public var line: Int
    /// 1-based.
    public var column: Int
    public var kind: Kind

    public init(path: String, line: Int, column: Int, kind: Kind) {
        self.path = path
        self.line = line
        self.column = column
        self.kind = kind
    }

    public init(diagnostic: XMLDiagnostic) {
        self.init(path: diagnostic.location.file, line: diagnostic.location.line, column: diagnostic.location.column,
                  kind: .invalid(message: diagnostic.message))
    }
}

/// How often one requirement was met among the surveys that could be judged on it.
public struct RequirementCompliance: Sendable {
    public var requirement: Requirement
    public var met: Int
    /// Surveys where it was met, a gap or partial (unknown and not-applicable are left out).
    public var judged: Int

    /// met ÷ judged to 4 decimals; nil when no survey could be judged.
    public var rate: Decimal? {
        judged == 0 ? nil : AuditSummary.fraction(met, of: judged)
    }
}

/// Score bands for the distribution chart, best first.
public enum ScoreBand: String, Sendable, CaseIterable {
    /// Every judged mandatory requirement met.
    case full = "100"
    case from90 = "90-99"
    case from80 = "80-89"
    case from60 = "60-79"
    case below60 = "0-59"
    /// Nothing judged, no score.
    case unscored = "none"

    public init(score: Decimal?) {
        guard let score else { self = .unscored; return }
        let tenths = score * 10
        if score >= 1 {
            self = .full
        } else if tenths >= 9 {
            self = .from90
        } else if tenths >= 8 {
            self = .from80
        } else if tenths >= 6 {
            self = .from60
        } else {
            self = .below60
        }
    }
}

/// Sums over a group of surveys: everything in the index's totals table.
public struct AuditTotals: Sendable {
    /// The sub-district, or nil for the overall total and for surveys that name none.
    public var subdistrict: String?
    public var surveys: Int
    public var passing: Int
    /// Σ of each centre's area shortfall, m².
    public var areaShortfall: Decimal
    /// Centres with an area shortfall.
    public var centresShortOfArea: Int
    public var award: Decimal
    public var awardCity: Decimal
    public var awardSubdistrict: Decimal
    /// Communities eligible for an award.
    public var awarded: Int
    public var developerShortfall: Decimal
    public var developmentsShort: Int

    public init(subdistrict: String?, surveys: [AuditedSurvey]) {
        self.subdistrict = subdistrict
        self.surveys = surveys.count
        passing = surveys.filter { !$0.fails }.count
        areaShortfall = surveys.map(\.areaShortfall).reduce(0, +)
        centresShortOfArea = surveys.filter { $0.areaShortfall > 0 }.count
        award = surveys.map(\.award).reduce(0, +)
        awardCity = surveys.map(\.awardCity).reduce(0, +)
        awardSubdistrict = surveys.map(\.awardSubdistrict).reduce(0, +)
        awarded = surveys.filter { $0.award > 0 }.count
        developerShortfall = surveys.map(\.developerShortfall).reduce(0, +)
        developmentsShort = surveys.map(\.developmentsShort).reduce(0, +)
    }
}
