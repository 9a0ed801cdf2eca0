import WuyouCore

/// Writes a survey XML document (docs/spec/survey-format.md) from a ``SurveyRecord``, following
/// docs/spec/spreadsheet-format.md's "Structure".
///
/// The bytes depend only on the record and the workbook's name: attributes and elements in a
/// fixed order, two-space indents, `\n` line ends. The second line is a comment starting with
/// ``marker``, which is how `wuyou import` later knows that it wrote the file and may replace it.
enum SurveyXMLWriter {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8"?>"#
    /// The start of the comment on every imported survey's second line.
    static let marker = "<!-- wuyou import: "

    /// The document, and for each 1-based line the workbook row it came from.
    static func document(for record: SurveyRecord, workbookName: String) -> (text: String, lines: [Int: Diagnostic.Location]) {
        var writer = Lines()
        let survey = record.survey
        writer.add(declaration, from: survey.cell)
        writer.add(marker + "由 \(commentSafe(workbookName)) 的\(commentSafe(record.sheetName))第 \(record.rowNumber) 行生成；"
            + "请修改工作簿后重新导入，本文件会被替换。 -->", from: survey.cell)
        writer.add(#"<survey xmlns="urn:wuyou:survey:1""# + attributes(survey, [("id", "id"), ("date", "date")]) + ">", from: survey.cell)
        for inspector in list(survey["inspectors"]) {
            writer.add("  <inspector>\(escaped(inspector))</inspector>", from: survey.cell)
        }
        writer.add("  <community" + attributes(survey, [
            ("name", "community"), ("code", "code"), ("subdistrict", "subdistrict"), ("households", "households"),
            ("central", "central"),
        ]) + "/>", from: survey.cell)
        centre(record, into: &writer)
        serviceStation(record, into: &writer)
        for (element, fields) in factGroups {
            let written = attributes(survey, fields)
            if !written.isEmpty { writer.add("  <\(element)\(written)/>", from: survey.cell) }
        }
        if !record.developments.isEmpty {
            writer.add("  <developments>", from: survey.cell)
            for development in record.developments {
                writer.add("    <development" + attributes(development, [
                    ("name", "name"), ("floor-area", "floor-area"), ("service-space", "service-space"),
                    ("funds-in-lieu-area", "funds-in-lieu-area"),
                ]) + "/>", from: development.cell)
            }
            writer.add("  </developments>", from: survey.cell)
        }
        if let notes = survey.value("notes") {
            // Line breaks stay line breaks in element text (an attribute would turn them into spaces).
            writer.add("  <notes>\(escaped(notes, inAttribute: false))</notes>", from: survey.cell)
        }
        writer.add("</survey>", from: survey.cell)
        return (writer.text, writer.cells)
    }

    /// Elements whose attributes all come from the survey row: (element, [(attribute, key)]).
    private static let factGroups: [(String, [(String, String)])] = [
        ("governance", [
            ("residents-congress", "residents-congress"), ("consultation-council", "consultation-council"),
            ("elections", "elections"), ("decisions", "decisions"), ("management", "management"),
            ("supervision", "supervision"), ("access-system", "access-system"),
        ]),
        ("environment", [("long-term-mechanism", "long-term-mechanism")]),
        ("safety", [("emergency-plan", "emergency-plan")]),
        ("education", [("teams", "teams")]),
        ("information", [("platform", "platform")]),
        ("funding", [
            ("staff-monthly-subsidy", "staff-monthly-subsidy"), ("office-funds", "office-funds"),
            ("leader-annual-subsidy", "leader-annual-subsidy"),
        ]),
        ("training", [("days", "training-days")]),
    ]

    /// `<centre>` when any of its cells is filled or the survey has rooms; otherwise the centre
    /// was not inventoried. `无大厅` writes no `<hall>`; otherwise a hall is written.
    private static func centre(_ record: SurveyRecord, into writer: inout Lines) {
        let survey = record.survey
        let keys = ["centre-area", "premises", "hall-one-door", "hall-windows"]
        guard keys.contains(where: { survey[$0] != .blank }) || !record.rooms.isEmpty else { return }
        writer.add("  <centre" + attributes(survey, [("area", "centre-area"), ("premises", "premises")]) + ">", from: survey.cell)
        if survey["hall-one-door"] != .noHall {
            writer.add("    <hall" + attributes(survey, [("one-door", "hall-one-door"), ("windows", "hall-windows")]) + "/>",
                       from: survey.cell)
        }
        for room in record.rooms {
            let types = list(room["type"])
            let type = types.isEmpty ? "" : #" type="\#(escaped(types.joined(separator: " ")))""#
            let area = room.value("area").map { #" area="\#($0)""# } ?? ""
            writer.add("    <room\(type)\(area)>\(escaped(room.value("name") ?? ""))</room>", from: room.cell)
        }
        writer.add("  </centre>", from: survey.cell)
    }

    /// `<service-station>` when one of its cells is filled or the survey has department rows.
    private static func serviceStation(_ record: SurveyRecord, into writer: inout Lines) {
        let survey = record.survey
        let keys = ["staff-full-time", "staff-part-time", "duties-documented", "duties-posted", "services", "regulations"]
        guard keys.contains(where: { survey[$0] != .blank }) || !record.departments.isEmpty else { return }
        writer.add("  <service-station>", from: survey.cell)
        let staff = attributes(survey, [("full-time", "staff-full-time"), ("part-time", "staff-part-time")])
        if !staff.isEmpty { writer.add("    <staff\(staff)/>", from: survey.cell) }
        let duties = attributes(survey, [("documented", "duties-documented"), ("posted", "duties-posted")])
        if !duties.isEmpty { writer.add("    <duties\(duties)/>", from: survey.cell) }
        for (container, item, key) in [("services", "service", "services"), ("regulations", "regulation", "regulations")] {
            guard case .list(let items) = survey[key] else { continue }
            if items.isEmpty {
                writer.add("    <\(container)/>", from: survey.cell)
                continue
            }
            writer.add("    <\(container)>", from: survey.cell)
            for text in items {
                writer.add("      <\(item)>\(escaped(text))</\(item)>", from: survey.cell)
            }
            writer.add("    </\(container)>", from: survey.cell)
        }
        if !record.departments.isEmpty {
            writer.add("    <department-windows>", from: survey.cell)
            for department in record.departments {
                writer.add("      <department" + attributes(department, [("name", "name"), ("window", "window")]) + "/>",
                           from: department.cell)
            }
            writer.add("    </department-windows>", from: survey.cell)
        }
        writer.add("  </service-station>", from: survey.cell)
    }

    /// ` name="value"` for each filled key, in the order given.
    private static func attributes(_ row: SurveyRecord.Row, _ pairs: [(String, String)]) -> String {
        pairs.compactMap { attribute, key in
            row.value(key).map { #" \#(attribute)="\#(escaped($0))""# }
        }.joined()
    }

    private static func list(_ content: CellContent) -> [String] {
        if case .list(let items) = content { return items }
        return []
    }

    private static func escaped(_ text: String, inAttribute: Bool = true) -> String {
        XMLText.escaped(text, inAttribute: inAttribute)
    }

    /// Text safe inside a comment, on one line: no `--`, no line breaks.
    private static func commentSafe(_ text: String) -> String {
        var result = CellText.singleLine(text)
        while result.contains("--") { result = result.replacingOccurrences(of: "--", with: "- -") }
        return result.hasSuffix("-") ? result + " " : result
    }

    /// The document's lines and the cell each came from.
    private struct Lines {
        var lines: [String] = []
        var cells: [Int: Diagnostic.Location] = [:]

        private var lineCount = 0

        mutating func add(_ line: String, from cell: Diagnostic.Location) {
            lines.append(line)
            for _ in 0...line.utf8.count(where: { $0 == UInt8(ascii: "\n") }) {
                lineCount += 1
                cells[lineCount] = cell
            }
        }

        var text: String { lines.joined(separator: "\n") + "\n" }
    }
}
