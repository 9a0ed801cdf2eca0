import WuyouCore
import WuyouReports

/// Every element and attribute of the survey format (docs/spec/survey-format.md) as a control of the
/// survey form, in the order the form shows them. Each control's `path` is its place in a
/// survey from the root (`community/@households`, `centre/hall/@one-door`, `centre/room`),
/// which is also the control's `name` in the page. Words live in ``FormText``.
enum FormCatalogue {
    /// How a control reads and writes its value, and how the page checks it as it is typed.
    enum Kind: String, Sendable {
        /// Text that must say something (`xs:token`, at least one character).
        case requiredText = "required-text"
        /// Free text; left out of the survey when empty.
        case text
        /// Several lines of free text (`notes`).
        case notes
        /// A decimal ≥ 0 (areas, amounts, days).
        case decimal
        /// A whole number ≥ 0 (staff, windows, teams).
        case integer
        /// A whole number > 0 (households).
        case positiveInteger = "positive-integer"
        /// `xs:date`, as a date input.
        case date
        /// 是 / 否 / 未填: `true`, `false`, or the attribute left out.
        case boolean
        /// 是 / 否, one of them required (`department/@window`).
        case requiredBoolean = "required-boolean"
        /// `centre/@premises`, one of the format's words.
        case premises
        /// `room/@type`: codes of the checklist's rooms, several allowed.
        case roomTypes = "room-types"
        /// Whether an element is in the survey at all: a centre that was inventoried, a hall,
        /// a list that was taken (present and empty means "listed and none").
        case presence
    }

    struct Field: Sendable {
        var path: String
        var kind: Kind

        /// The last step of the path, relative to the row element for fields of a repeated row:
        /// `@area` for `centre/room/@area`, `room` for `centre/room`.
        var step: String { String(path.split(separator: "/").last ?? "") }
    }

    /// A repeatable element: inspectors, rooms, list items.
    struct List: Sendable {
        /// The value of `data-repeat` on each row.
        var row: String
        /// The element each row stands for, e.g. `centre/room`.
        var rowPath: String
        /// The list element's own presence control (`service-station/services`), or nil when the
        /// rows sit in an element with controls of its own (rooms in `centre`) or in none (inspectors).
        var presence: Field?
        /// The element whose presence says the list was taken: present and without rows means
        /// "listed and none". Nil for inspectors, which are simply left out when there are none.
        var recordedBy: String?
        /// The row's controls; a path equal to `rowPath` is the element's own text.
        var fields: [Field]
        /// Blank rows on the printed paper form.
        var printRows: Int
    }

    enum Item: Sendable {
        case field(Field)
        case list(List)
    }

    struct Section: Sendable {
        var id: String
        var items: [Item]
    }

    static let sections: [Section] = [
        Section(id: "survey", items: [
            .field(Field(path: "@id", kind: .requiredText)),
            .field(Field(path: "@date", kind: .date)),
            .list(List(row: "inspector", rowPath: "inspector", presence: nil, recordedBy: nil,
                       fields: [Field(path: "inspector", kind: .text)], printRows: 2)),
        ]),
        Section(id: "community", items: [
            .field(Field(path: "community/@name", kind: .requiredText)),
            .field(Field(path: "community/@code", kind: .text)),
            .field(Field(path: "community/@subdistrict", kind: .text)),
            .field(Field(path: "community/@households", kind: .positiveInteger)),
            .field(Field(path: "community/@central", kind: .boolean)),
        ]),
        Section(id: "centre", items: [
            .field(Field(path: "centre", kind: .presence)),
            .field(Field(path: "centre/@area", kind: .decimal)),
            .field(Field(path: "centre/@premises", kind: .premises)),
            .field(Field(path: "centre/hall", kind: .presence)),
            .field(Field(path: "centre/hall/@one-door", kind: .boolean)),
            .field(Field(path: "centre/hall/@windows", kind: .integer)),
            .list(List(row: "room", rowPath: "centre/room", presence: nil, recordedBy: "centre", fields: [
                Field(path: "centre/room", kind: .text),
                Field(path: "centre/room/@type", kind: .roomTypes),
                Field(path: "centre/room/@area", kind: .decimal),
            ], printRows: 10)),
        ]),
        Section(id: "service-station", items: [
            .field(Field(path: "service-station/staff/@full-time", kind: .integer)),
            .field(Field(path: "service-station/staff/@part-time", kind: .integer)),
            .field(Field(path: "service-station/duties/@documented", kind: .boolean)),
            .field(Field(path: "service-station/duties/@posted", kind: .boolean)),
            .list(List(row: "service", rowPath: "service-station/services/service",
                       presence: Field(path: "service-station/services", kind: .presence),
                       recordedBy: "service-station/services",
                       fields: [Field(path: "service-station/services/service", kind: .text)], printRows: 6)),
            .list(List(row: "regulation", rowPath: "service-station/regulations/regulation",
                       presence: Field(path: "service-station/regulations", kind: .presence),
                       recordedBy: "service-station/regulations",
                       fields: [Field(path: "service-station/regulations/regulation", kind: .text)], printRows: 6)),
            .list(List(row: "department", rowPath: "service-station/department-windows/department",
                       presence: Field(path: "service-station/department-windows", kind: .presence),
                       recordedBy: "service-station/department-windows",
                       fields: [
                           Field(path: "service-station/department-windows/department/@name", kind: .requiredText),
                           Field(path: "service-station/department-windows/department/@window", kind: .requiredBoolean),
                       ], printRows: 6)),
        ]),
        Section(id: "functions", items: [
            .field(Field(path: "governance/@residents-congress", kind: .boolean)),
            .field(Field(path: "governance/@consultation-council", kind: .boolean)),
            .field(Field(path: "governance/@elections", kind: .boolean)),
            .field(Field(path: "governance/@decisions", kind: .boolean)),
            .field(Field(path: "governance/@management", kind: .boolean)),
            .field(Field(path: "governance/@supervision", kind: .boolean)),
            .field(Field(path: "governance/@access-system", kind: .boolean)),
            .field(Field(path: "environment/@long-term-mechanism", kind: .boolean)),
            .field(Field(path: "safety/@emergency-plan", kind: .boolean)),
            .field(Field(path: "education/@teams", kind: .integer)),
            .field(Field(path: "information/@platform", kind: .boolean)),
        ]),
        Section(id: "funding", items: [
            .field(Field(path: "funding/@staff-monthly-subsidy", kind: .decimal)),
            .field(Field(path: "funding/@office-funds", kind: .decimal)),
            .field(Field(path: "funding/@leader-annual-subsidy", kind: .decimal)),
            .field(Field(path: "training/@days", kind: .decimal)),
        ]),
        Section(id: "developments", items: [
            .list(List(row: "development", rowPath: "developments/development",
                       presence: Field(path: "developments", kind: .presence), recordedBy: "developments",
                       fields: [
                           Field(path: "developments/development/@name", kind: .requiredText),
                           Field(path: "developments/development/@floor-area", kind: .decimal),
                           Field(path: "developments/development/@service-space", kind: .decimal),
                           Field(path: "developments/development/@funds-in-lieu-area", kind: .decimal),
                       ], printRows: 4)),
        ]),
        Section(id: "notes", items: [
            .field(Field(path: "notes", kind: .notes)),
        ]),
    ]

    /// Attributes the format requires on a row's element (`department/@window`, `development/@floor-area`).
    static let requiredInRows: Set<String> = [
        "service-station/department-windows/department/@name",
        "service-station/department-windows/department/@window",
        "developments/development/@name",
        "developments/development/@floor-area",
    ]

    /// Every control's path, lists' presence and row fields included, in page order.
    static var allPaths: [String] {
        sections.flatMap(\.items).flatMap { item -> [String] in
            switch item {
            case .field(let field): [field.path]
            case .list(let list): (list.presence.map { [$0.path] } ?? []) + list.fields.map(\.path)
            }
        }
    }

    static var lists: [List] {
        sections.flatMap(\.items).compactMap { item in
            if case .list(let list) = item { return list }
            return nil
        }
    }

    /// The element whose presence says that `inventory` was taken: `centre` for rooms, the
    /// list element otherwise.
    static func recordingPath(of inventory: SurveyInventory) -> String {
        lists.first { $0.rowPath == inventory.path }?.recordedBy ?? inventory.path
    }
}
