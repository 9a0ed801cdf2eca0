/// One requirement of a checklist: what it asks, where the policy says so, and its rule.
///
/// Built once with its checklist and never changed: every finding refers to its requirement,
/// and a reference is all a finding copies (copying a dozen strings, texts and a rule per
/// finding was a tenth of an evaluation).
public final class Requirement: Sendable {
    public enum Severity: String, Sendable {
        case mandatory, recommended
    }

    /// Whether the threshold is the policy's own words or the checklist authors' reading.
    public enum Basis: String, Sendable {
        case quoted, interpreted
    }

    public let id: String
    public let category: String
    public let clause: String
    public let severity: Severity
    public let basis: Basis
    /// Reads `<centre>`: `unknown` when the survey has none.
    public let facility: Bool
    /// Applies only to communities in the central urban area.
    public let centralOnly: Bool
    /// Applies only to surveys dated on or after this day.
    public let effectiveFrom: SurveyDate?
    public let title: LocalizedText
    public let basisNote: LocalizedText
    public let advice: LocalizedText
    public let rule: Rule
    /// What the rule expects, as a finding states it when the survey sets no threshold of its
    /// own: worked out once, not per finding.
    public let expectation: FindingValue
    /// Whether the rule's gaps carry a shortfall and unit (``Rule/isNumeric``).
    let ruleIsNumeric: Bool
    /// The rule as the checklist wrote it (kind and parameters), for display and comparison.
    public let ruleSource: RuleSource
    /// 1-based line of the requirement in its checklist file.
    public let line: Int

    public init(
        id: String, category: String, clause: String, severity: Severity, basis: Basis, facility: Bool,
        centralOnly: Bool, effectiveFrom: SurveyDate?, title: LocalizedText, basisNote: LocalizedText,
        advice: LocalizedText, rule: Rule, ruleSource: RuleSource, line: Int
    ) {
        self.id = id
        self.category = category
        self.clause = clause
        self.severity = severity
        self.basis = basis
        self.facility = facility
        self.centralOnly = centralOnly
        self.effectiveFrom = effectiveFrom
        self.title = title
        self.basisNote = basisNote
        self.advice = advice
        self.rule = rule
        expectation = rule.expectation
        ruleIsNumeric = rule.isNumeric
        self.ruleSource = ruleSource
        self.line = line
    }

    /// Whether `other` is this very requirement (one pointer comparison), for renderers that
    /// worked out a checklist's words once. False says nothing about whether the two are alike.
    public func isSameDefinition(as other: Requirement) -> Bool {
        self === other
    }

    /// This requirement with some of its fields replaced, for a checklist derived from another
    /// (a city's variant, a test's); `effectiveFrom: .some(nil)` takes its date away.
    public func with(
        id: String? = nil, category: String? = nil, clause: String? = nil, severity: Severity? = nil,
        basis: Basis? = nil, facility: Bool? = nil, centralOnly: Bool? = nil, effectiveFrom: SurveyDate?? = nil,
        title: LocalizedText? = nil, basisNote: LocalizedText? = nil, advice: LocalizedText? = nil,
        rule: Rule? = nil, ruleSource: RuleSource? = nil, line: Int? = nil
    ) -> Requirement {
        Requirement(
            id: id ?? self.id, category: category ?? self.category, clause: clause ?? self.clause,
            severity: severity ?? self.severity, basis: basis ?? self.basis, facility: facility ?? self.facility,
            centralOnly: centralOnly ?? self.centralOnly, effectiveFrom: effectiveFrom ?? self.effectiveFrom,
            title: title ?? self.title, basisNote: basisNote ?? self.basisNote, advice: advice ?? self.advice,
            rule: rule ?? self.rule, ruleSource: ruleSource ?? self.ruleSource, line: line ?? self.line)
    }
}
