/// What a survey says about one fact.
public enum FactReading: Sendable, Equatable {
    /// The element that would carry the fact is not in the survey.
    case elementAbsent
    /// The element is there (at `line`) but the attribute was not filled in.
    case attributeAbsent(line: Int)
    /// The attribute's trimmed text, at its element's line.
    case value(String, line: Int)

    public var line: Int? {
        switch self {
        case .elementAbsent: nil
        case .attributeAbsent(let line), .value(_, let line): line
        }
    }
}

extension Survey {
    /// What this survey says about `fact`.
    public func reading(of fact: SurveyFact) -> FactReading {
        facts[fact.index]
    }
}
