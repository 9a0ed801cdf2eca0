/// A part of a survey a rule reads: what a report asks the inspector to collect when the rule
/// could not be judged.
public enum RuleInput: Sendable, Hashable {
    /// A single collected value, e.g. `centre/@area`.
    case fact(SurveyFact)
    /// A list, e.g. `service-station/regulations`.
    case inventory(SurveyInventory)
    /// A city's own XPath rule reads whatever this expression selects.
    case expression(String)
}
