import Foundation

/// One requirement of a checklist: what it asks, where the policy says so, and its rule.
public struct Requirement: Sendable {
    public enum Severity: String, Sendable {
        case mandatory, recommended
    }

    /// Whether the threshold is the policy's own words or the checklist authors' reading.
    public enum Basis: String, Sendable {
        case quoted, interpreted
    }

    // Kept in one shared box, copied only when changed: every finding carries its requirement,
    // and copying a dozen strings, texts and a rule per finding was a tenth of an evaluation.
    // Unchecked Sendable as for any copy-on-write value: a box is changed only while unshared.
    private final class Storage: @unchecked Sendable {
        var id: String
        var category: String
        var clause: String
        var severity: Severity
        var basis: Basis
        var facility: Bool
        var centralOnly: Bool
        var effectiveFrom: SurveyDate?
        var title: LocalizedText
        var basisNote: LocalizedText
        var advice: LocalizedText
        /// A constant, so that evaluating reads it in place: a variable would be copied out
        /// for every survey and requirement. A requirement given another rule gets a new box.
        let rule: Rule
        /// What every finding of the requirement asks of the rule, worked out once.
        let expectation: FindingValue
        let isNumeric: Bool
        var ruleSource: RuleSource
        var line: Int

        init(
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
            isNumeric = rule.isNumeric
            self.ruleSource = ruleSource
            self.line = line
        }

        func copy(rule: Rule? = nil) -> Storage {
            Storage(
                id: id, category: category, clause: clause, severity: severity, basis: basis, facility: facility,
                centralOnly: centralOnly, effectiveFrom: effectiveFrom, title: title, basisNote: basisNote,
                advice: advice, rule: rule ?? self.rule, ruleSource: ruleSource, line: line)
        }
    }

    private var storage: Storage

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    init(
        id: String, category: String, clause: String, severity: Severity, basis: Basis, facility: Bool,
        centralOnly: Bool, effectiveFrom: SurveyDate?, title: LocalizedText, basisNote: LocalizedText,
        advice: LocalizedText, rule: Rule, ruleSource: RuleSource, line: Int
    ) {
        storage = Storage(
            id: id, category: category, clause: clause, severity: severity, basis: basis, facility: facility,
            centralOnly: centralOnly, effectiveFrom: effectiveFrom, title: title, basisNote: basisNote,
            advice: advice, rule: rule, ruleSource: ruleSource, line: line)
    }

    /// Whether `other` is a copy of this very requirement, unchanged: one pointer comparison,
    /// for renderers that worked out a checklist's words once. False says nothing about
    /// whether the two are alike.
    public func isSameDefinition(as other: borrowing Requirement) -> Bool {
        storage === other.storage
    }

    public var id: String {
        get { storage.id }
        set { unique().id = newValue }
    }

    public var category: String {
        get { storage.category }
        set { unique().category = newValue }
    }

    public var clause: String {
        get { storage.clause }
        set { unique().clause = newValue }
    }

    public var severity: Severity {
        get { storage.severity }
        set { unique().severity = newValue }
    }

    public var basis: Basis {
        get { storage.basis }
        set { unique().basis = newValue }
    }

    /// Reads `<centre>`: `unknown` when the survey has none.
    public var facility: Bool {
        get { storage.facility }
        set { unique().facility = newValue }
    }

    /// Applies only to communities in the central urban area.
    public var centralOnly: Bool {
        get { storage.centralOnly }
        set { unique().centralOnly = newValue }
    }

    /// Applies only to surveys dated on or after this day.
    public var effectiveFrom: SurveyDate? {
        get { storage.effectiveFrom }
        set { unique().effectiveFrom = newValue }
    }

    public var title: LocalizedText {
        get { storage.title }
        set { unique().title = newValue }
    }

    public var basisNote: LocalizedText {
        get { storage.basisNote }
        set { unique().basisNote = newValue }
    }

    public var advice: LocalizedText {
        get { storage.advice }
        set { unique().advice = newValue }
    }

    public var rule: Rule {
        get { storage.rule }
        set { storage = storage.copy(rule: newValue) }
    }

    /// What the rule expects, as a finding states it when the survey sets no threshold of its own.
    public var expectation: FindingValue { storage.expectation }

    /// Whether the rule's gaps carry a shortfall and unit (``Rule/isNumeric``).
    var ruleIsNumeric: Bool { storage.isNumeric }

    /// The rule's outcome for the survey of `context`, the rule read where it lies: a copy
    /// of it per survey and requirement was a tenth of an evaluation.
    func outcome(in context: inout RuleEvaluationContext) -> RuleOutcome {
        storage.rule.outcome(in: &context, requirement: storage.id)
    }

    /// The rule as the checklist wrote it (kind and parameters), for display and comparison.
    public var ruleSource: RuleSource {
        get { storage.ruleSource }
        set { unique().ruleSource = newValue }
    }

    /// 1-based line of the requirement in its checklist file.
    public var line: Int {
        get { storage.line }
        set { unique().line = newValue }
    }
}
