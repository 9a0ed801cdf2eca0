/// What a survey says about one fact.
public enum FactReading: Sendable, Equatable {
    /// The element that would carry the fact is not in the survey.
    case elementAbsent
    /// The element is there (at `place`) but the attribute was not filled in.
    case attributeAbsent(place: SourcePlace)
    /// The attribute's trimmed text, at its element's place.
    case value(String, place: SourcePlace)

    public var place: SourcePlace? {
        switch self {
        case .elementAbsent: nil
        case .attributeAbsent(let place), .value(_, let place): place
        }
    }
}

extension Survey {
    /// What this survey says about `fact`.
    public func reading(of fact: SurveyFact) -> FactReading {
        facts[fact.index]
    }
}
