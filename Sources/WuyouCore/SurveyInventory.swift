/// The list elements of a survey that a rule may count.
public enum SurveyInventory: String, Sendable, CaseIterable {
    case services, regulations, departments, developments, rooms
}
