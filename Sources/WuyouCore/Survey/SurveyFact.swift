/// The facts a checklist rule may name: the attributes of the survey format that hold a
/// single collected value. The vocabulary belongs to the survey format, not to any policy.
public enum SurveyFact: String, CaseIterable, Sendable {
    case centreArea = "centre.area"
    case centrePremises = "centre.premises"
    case communityHouseholds = "community.households"
    case hallOneDoor = "hall.one-door"
    case hallWindows = "hall.windows"
    case staffFullTime = "staff.full-time"
    case staffPartTime = "staff.part-time"
    case dutiesDocumented = "duties.documented"
    case dutiesPosted = "duties.posted"
    case governanceResidentsCongress = "governance.residents-congress"
    case governanceConsultationCouncil = "governance.consultation-council"
    case governanceElections = "governance.elections"
    case governanceDecisions = "governance.decisions"
    case governanceManagement = "governance.management"
    case governanceSupervision = "governance.supervision"
    case governanceAccessSystem = "governance.access-system"
    case environmentLongTermMechanism = "environment.long-term-mechanism"
    case safetyEmergencyPlan = "safety.emergency-plan"
    case educationTeams = "education.teams"
    case informationPlatform = "information.platform"
    case fundingStaffMonthlySubsidy = "funding.staff-monthly-subsidy"
    case fundingOfficeFunds = "funding.office-funds"
    case fundingLeaderAnnualSubsidy = "funding.leader-annual-subsidy"
    case trainingDays = "training.days"

    /// The fact's position in ``allCases``: where a ``Survey`` keeps what it says about it.
    var index: Int {
        // A switch, not a lookup by raw value: rules read facts tens of times a survey.
        switch self {
        case .centreArea: 0
        case .centrePremises: 1
        case .communityHouseholds: 2
        case .hallOneDoor: 3
        case .hallWindows: 4
        case .staffFullTime: 5
        case .staffPartTime: 6
        case .dutiesDocumented: 7
        case .dutiesPosted: 8
        case .governanceResidentsCongress: 9
        case .governanceConsultationCouncil: 10
        case .governanceElections: 11
        case .governanceDecisions: 12
        case .governanceManagement: 13
        case .governanceSupervision: 14
        case .governanceAccessSystem: 15
        case .environmentLongTermMechanism: 16
        case .safetyEmergencyPlan: 17
        case .educationTeams: 18
        case .informationPlatform: 19
        case .fundingStaffMonthlySubsidy: 20
        case .fundingOfficeFunds: 21
        case .fundingLeaderAnnualSubsidy: 22
        case .trainingDays: 23
        }
    }

    public enum ValueType: String, Sendable {
        case decimal, boolean, word
    }

    public var valueType: ValueType {
        switch self {
        case .centrePremises: .word
        case .centreArea, .communityHouseholds, .hallWindows, .staffFullTime, .staffPartTime,
             .educationTeams, .fundingStaffMonthlySubsidy, .fundingOfficeFunds,
             .fundingLeaderAnnualSubsidy, .trainingDays:
            .decimal
        default: .boolean
        }
    }

    /// The element that carries the fact, e.g. `hall` for `hall.one-door`.
    public var element: String {
        // By UTF-8 offset, not by Character: rules read facts thousands of times an audit.
        guard let dot = rawValue.utf8.firstIndex(of: UInt8(ascii: ".")) else { return rawValue }
        return String(rawValue[..<dot])
    }

    /// The attribute that holds the fact, e.g. `one-door` for `hall.one-door`.
    public var attribute: String {
        guard let dot = rawValue.utf8.firstIndex(of: UInt8(ascii: ".")) else { return "" }
        return String(rawValue[rawValue.utf8.index(after: dot)...])
    }

    /// Where the fact sits in a survey, from the root, e.g. `centre/hall/@one-door`.
    public var path: String {
        let parent = switch element {
        case "hall": "centre/hall"
        case "staff", "duties": "service-station/\(element)"
        default: element
        }
        return "\(parent)/@\(attribute)"
    }
}
