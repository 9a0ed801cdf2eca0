/// The verdict on one requirement for one survey.
public enum Status: String, Sendable, CaseIterable {
    case met
    case gap
    case partial
    /// The survey lacks the fact the rule needs.
    case unknown
    case notApplicable = "not-applicable"

    /// Counts against a survey: a mandatory gap or partial fails it.
    public var isShortfall: Bool { self == .gap || self == .partial }

    /// Was judged one way or the other (enters the score's denominator).
    public var isJudged: Bool { self == .met || isShortfall }
}
