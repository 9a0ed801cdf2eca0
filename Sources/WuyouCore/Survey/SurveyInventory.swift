/// The list elements of a survey that a rule may count.
public enum SurveyInventory: String, Sendable, CaseIterable {
    case services, regulations, departments, developments, rooms

    /// The list's place in ``allCases``, without searching it (asked for every list rule).
    var position: Int {
        switch self {
        case .services: 0
        case .regulations: 1
        case .departments: 2
        case .developments: 3
        case .rooms: 4
        }
    }

    /// Where the list sits in a survey, from the root, e.g. `service-station/regulations`.
    public var path: String {
        switch self {
        case .services: "service-station/services"
        case .regulations: "service-station/regulations"
        case .departments: "service-station/department-windows"
        case .developments: "developments"
        case .rooms: "centre/room"
        }
    }
}

extension SurveyInventory {
    /// The boolean flags each item of this list carries (`all-items-flag` checks one).
    public var flags: [String] {
        self == .departments ? ["window"] : []
    }

    /// Whether each item has a floor area that obliges it to provide space (`per-item-ratio`).
    public var hasFloorArea: Bool {
        self == .developments
    }
}
