/// The verdict on one requirement for one survey.
public enum Status: String, Sendable, CaseIterable, Comparable {
    case met
    case gap
    case partial
    /// The survey lacks the fact the rule needs.
    case unknown
    case notApplicable = "not-applicable"

    /// Order for listing problems: what needs doing first.
    private var urgency: Int {
        switch self {
        case .gap: 0
        case .partial: 1
        case .unknown: 2
        case .notApplicable: 3
        case .met: 4
        }
    }

    public static func < (lhs: Status, rhs: Status) -> Bool {
        lhs.urgency < rhs.urgency
    }

    /// Counts against a survey: a mandatory gap or partial fails it.
    public var isShortfall: Bool { self == .gap || self == .partial }

    /// Was judged one way or the other (enters the score's denominator).
    public var isJudged: Bool { self == .met || isShortfall }
}
