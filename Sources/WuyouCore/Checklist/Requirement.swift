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

    public var id: String
    public var category: String
    public var clause: String
    public var severity: Severity
    public var basis: Basis
    /// Reads `<centre>`: `unknown` when the survey has none.
    public var facility: Bool
    /// Applies only to communities in the central urban area.
    public var centralOnly: Bool
    /// Applies only to surveys dated on or after this day.
    public var effectiveFrom: SurveyDate?
    public var title: LocalizedText
    public var basisNote: LocalizedText
    public var advice: LocalizedText
    public var rule: Rule
    /// The rule as the checklist wrote it (kind and parameters), for display and comparison.
    public var ruleSource: RuleSource
    /// 1-based line of the requirement in its checklist file.
    public var line: Int
}
