/// The list elements of a survey that a rule may count.
public enum SurveyInventory: String, Sendable, CaseIterable {
    case services, regulations, departments, developments, rooms

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
