/// The verdict on one requirement for one survey.
public enum Status: String, Sendable, CaseIterable {
    case met
    case gap
    case partial
    /// The survey lacks the fact the rule needs.
    case unknown
    case notApplicable = "not-applicable"

    /// The status's place in ``allCases``.
    public var position: Int {
        switch self {
        case .met: 0
        case .gap: 1
        case .partial: 2
        case .unknown: 3
        case .notApplicable: 4
        }
    }

    /// Counts against a survey: a mandatory gap or partial fails it.
    public var isShortfall: Bool { self == .gap || self == .partial }

    /// Was judged one way or the other (enters the score's denominator).
    public var isJudged: Bool { self == .met || isShortfall }
}
