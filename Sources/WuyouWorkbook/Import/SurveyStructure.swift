import WuyouCore

/// Receives a survey's elements one by one, as ``SurveyStructure`` finds them in a record: the
/// survey XML written for `wuyou import` (``SurveyXMLWriter``), and the survey itself
/// (``SurveyTableBuilder``), are made from the same calls.
protocol SurveyElementSink {
    typealias Name = SurveyTableBuilder.Name
    /// Opens `element`, read from `cell`, inside the element open.
    mutating func start(_ element: Name, at cell: SourceCell)
    /// Gives the open element an attribute (before any of its children).
    mutating func attribute(_ name: Name, _ value: String)
    /// Gives the open element its text.
    mutating func text(_ text: String)
    /// Closes the open element.
    mutating func end()
}

extension SurveyTableBuilder: SurveyElementSink {}

/// Which survey elements a workbook's rows make, and from which cells, as
/// spreadsheet-format.md's "Structure" says: elements and attributes in a fixed order, an
/// element written only when something in it was filled in.
///
/// Names and columns are looked up once, here, not for every survey.
enum SurveyStructure {
    typealias Name = SurveyTableBuilder.Name

    /// An attribute and the column of its sheet that fills it.
    struct Field {
        let attribute: Name
        let position: Int

        init(_ attribute: String, _ key: String, in kind: SheetKind = .surveys) {
            self.attribute = SurveyTableBuilder.attribute(attribute)
            position = SurveyStructure.column(key, in: kind)
        }
    }

    private static func element(_ name: String) -> Name { SurveyTableBuilder.element(name) }

    private static func column(_ key: String, in kind: SheetKind = .surveys) -> Int {
        guard let position = kind.position(of: key) else { preconditionFailure("no column \(key) in \(kind)") }
        return position
    }

    private static let survey = element("survey"), inspector = element("inspector"), community = element("community")
    private static let centreElement = element("centre"), hall = element("hall"), room = element("room")
    private static let station = element("service-station"), developmentsElement = element("developments")
    private static let development = element("development"), departmentWindows = element("department-windows")
    private static let department = element("department"), notesElement = element("notes")

    private static let surveyFields = [Field("id", "id"), Field("date", "date")]
    private static let inspectors = column("inspectors"), notes = column("notes")
    private static let communityFields = [
        Field("name", "community"), Field("code", "code"), Field("subdistrict", "subdistrict"),
        Field("households", "households"), Field("central", "central"),
    ]
    private static let centreFields = [Field("area", "centre-area"), Field("premises", "premises")]
    private static let hallFields = [Field("one-door", "hall-one-door"), Field("windows", "hall-windows")]
    private static let centreColumns = ["centre-area", "premises", "hall-one-door", "hall-windows"].map { column($0) }
    private static let hallOneDoor = column("hall-one-door")
    private static let roomType = column("type", in: .rooms), roomArea = column("area", in: .rooms), roomName = column("name", in: .rooms)
    private static let areaAttribute = SurveyTableBuilder.attribute("area"), typeAttribute = SurveyTableBuilder.attribute("type")
    private static let stationColumns = ["staff-full-time", "staff-part-time", "duties-documented", "duties-posted", "services", "regulations"]
        .map { column($0) }
    private static let stationGroups: [(Name, [Field])] = [
        (element("staff"), [Field("full-time", "staff-full-time"), Field("part-time", "staff-part-time")]),
        (element("duties"), [Field("documented", "duties-documented"), Field("posted", "duties-posted")]),
    ]
    private static let lists: [(container: Name, item: Name, position: Int)] = [
        (element("services"), element("service"), column("services")),
        (element("regulations"), element("regulation"), column("regulations")),
    ]
    private static let departmentFields = [Field("name", "name", in: .departments), Field("window", "window", in: .departments)]
    private static let developmentFields = [
        Field("name", "name", in: .developments), Field("floor-area", "floor-area", in: .developments),
        Field("service-space", "service-space", in: .developments), Field("funds-in-lieu-area", "funds-in-lieu-area", in: .developments),
    ]

    /// Elements whose attributes all come from the survey row.
    private static let factGroups: [(Name, [Field])] = [
        (element("governance"), [
            Field("residents-congress", "residents-congress"), Field("consultation-council", "consultation-council"),
            Field("elections", "elections"), Field("decisions", "decisions"), Field("management", "management"),
            Field("supervision", "supervision"), Field("access-system", "access-system"),
        ]),
        (element("environment"), [Field("long-term-mechanism", "long-term-mechanism")]),
        (element("safety"), [Field("emergency-plan", "emergency-plan")]),
        (element("education"), [Field("teams", "teams")]),
        (element("information"), [Field("platform", "platform")]),
        (element("funding"), [
            Field("staff-monthly-subsidy", "staff-monthly-subsidy"), Field("office-funds", "office-funds"),
            Field("leader-annual-subsidy", "leader-annual-subsidy"),
        ]),
        (element("training"), [Field("days", "training-days")]),
    ]

    static func write<Sink: SurveyElementSink>(_ record: SurveyRecord, into sink: inout Sink) {
        let row = record.survey
        let cell = row.cell
        sink.start(survey, at: cell)
        attributes(row, surveyFields, into: &sink)
        for name in list(row.contents[inspectors]) {
            sink.start(inspector, at: cell)
            sink.text(name)
            sink.end()
        }
        sink.start(community, at: cell)
        attributes(row, communityFields, into: &sink)
        sink.end()
        centre(record, into: &sink)
        serviceStation(record, into: &sink)
        for (element, fields) in factGroups where fields.contains(where: { row.contents[$0.position].value != nil }) {
            sink.start(element, at: cell)
            attributes(row, fields, into: &sink)
            sink.end()
        }
        if !record.developments.isEmpty {
            sink.start(developmentsElement, at: cell)
            for item in record.developments {
                sink.start(development, at: item.cell)
                attributes(item, developmentFields, into: &sink)
                sink.end()
            }
            sink.end()
        }
        if let text = row.contents[notes].value {
            sink.start(notesElement, at: cell)
            sink.text(text)
            sink.end()
        }
        sink.end()
    }

    /// `<centre>` when any of its cells is filled or the survey has rooms; otherwise the centre
    /// was not inventoried. `无大厅` writes no `<hall>`; otherwise a hall is written.
    private static func centre<Sink: SurveyElementSink>(_ record: SurveyRecord, into sink: inout Sink) {
        let row = record.survey
        guard centreColumns.contains(where: { row.contents[$0] != .blank }) || !record.rooms.isEmpty else { return }
        sink.start(centreElement, at: row.cell)
        attributes(row, centreFields, into: &sink)
        if row.contents[hallOneDoor] != .noHall {
            sink.start(hall, at: row.cell)
            attributes(row, hallFields, into: &sink)
            sink.end()
        }
        for item in record.rooms {
            sink.start(room, at: item.cell)
            let types = list(item.contents[roomType])
            if !types.isEmpty { sink.attribute(typeAttribute, types.joined(separator: " ")) }
            if let area = item.contents[roomArea].value { sink.attribute(areaAttribute, area) }
            sink.text(item.contents[roomName].value ?? "")
            sink.end()
        }
        sink.end()
    }

    /// `<service-station>` when one of its cells is filled or the survey has department rows.
    private static func serviceStation<Sink: SurveyElementSink>(_ record: SurveyRecord, into sink: inout Sink) {
        let row = record.survey
        guard stationColumns.contains(where: { row.contents[$0] != .blank }) || !record.departments.isEmpty else { return }
        sink.start(station, at: row.cell)
        for (element, fields) in stationGroups where fields.contains(where: { row.contents[$0.position].value != nil }) {
            sink.start(element, at: row.cell)
            attributes(row, fields, into: &sink)
            sink.end()
        }
        for (container, item, position) in lists {
            guard case .list(let items) = row.contents[position] else { continue }
            sink.start(container, at: row.cell)
            for text in items {
                sink.start(item, at: row.cell)
                sink.text(text)
                sink.end()
            }
            sink.end()
        }
        if !record.departments.isEmpty {
            sink.start(departmentWindows, at: row.cell)
            for item in record.departments {
                sink.start(department, at: item.cell)
                attributes(item, departmentFields, into: &sink)
                sink.end()
            }
            sink.end()
        }
        sink.end()
    }

    /// Each filled field's attribute, in the order given.
    private static func attributes<Sink: SurveyElementSink>(_ row: SurveyRecord.Row, _ fields: [Field], into sink: inout Sink) {
        for field in fields {
            if let value = row.contents[field.position].value { sink.attribute(field.attribute, value) }
        }
    }

    private static func list(_ content: CellContent) -> [String] {
        if case .list(let items) = content { return items }
        return []
    }
}
