/// The elements and attributes of survey format version 1 (docs/spec/survey-format.md), for the checks
/// a schema cannot phrase kindly: "did you mean …" for an unknown element or attribute.
public enum SurveyVocabulary {
    /// Each element's attributes.
    public static let attributes: [String: [String]] = [
        "survey": ["id", "date"],
        "community": ["name", "code", "subdistrict", "households", "central"],
        "centre": ["area", "premises"],
        "hall": ["one-door", "windows"],
        "room": ["type", "area"],
        "staff": ["full-time", "part-time"],
        "duties": ["documented", "posted"],
        "department": ["name", "window"],
        "governance": ["residents-congress", "consultation-council", "elections", "decisions", "management",
                       "supervision", "access-system"],
        "environment": ["long-term-mechanism"],
        "safety": ["emergency-plan"],
        "education": ["teams"],
        "information": ["platform"],
        "funding": ["staff-monthly-subsidy", "office-funds", "leader-annual-subsidy"],
        "training": ["days"],
        "development": ["name", "floor-area", "service-space", "funds-in-lieu-area"],
    ]

    /// Each element's child elements.
    public static let children: [String: [String]] = [
        "survey": ["inspector", "community", "centre", "service-station", "governance", "environment", "safety",
                   "education", "information", "funding", "training", "developments", "notes"],
        "centre": ["hall", "room"],
        "service-station": ["staff", "duties", "services", "regulations", "department-windows"],
        "services": ["service"],
        "regulations": ["regulation"],
        "department-windows": ["department"],
        "developments": ["development"],
    ]

    /// Every element name of the format.
    public static var elements: [String] {
        Array(Set(children.keys).union(children.values.joined()).union(attributes.keys)).sorted()
    }
}
