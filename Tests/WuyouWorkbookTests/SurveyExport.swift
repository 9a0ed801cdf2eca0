import Foundation
import WuyouCore
import WuyouDecimal
import WuyouXML
@testable import WuyouWorkbook

/// Writes survey XML files into a workbook, as an office would type them in: the tests' way to
/// check that a workbook says everything a survey can (XML → workbook → import → same findings).
///
/// Cells are written the ways people and programs write them: numbers as numeric cells or as
/// text with units and thousands separators, booleans as 是/否 or as boolean cells, the date as a
/// date cell or text, lists with line breaks or 、.
struct SurveyExport {
    /// The sheets' rows by sheet, each row a dictionary from column key to cell.
    var rows: [SheetKind: [[String: XLSXDocument.Cell]]] = [:]
    /// Use text for every cell (as a CSV file holds), in the varied spellings a person uses.
    var asText = false

    init(asText: Bool = false) {
        self.asText = asText
    }

    /// Adds the survey in `bytes`.
    mutating func add(_ bytes: [UInt8], path: String) throws {
        let survey = try ParsedDocument.parse(bytes: bytes, path: path).root
        let ns = "urn:wuyou:survey:1"
        let id = survey.attribute("id") ?? ""
        var row: [String: XLSXDocument.Cell] = [:]
        row["id"] = .text(id)
        let day = try date(survey.attribute("date") ?? "")
        row["date"] = asText ? .text("\(day.year)年\(day.month)月\(day.day)日") : .date(day)
        let inspectors = survey.children(named: "inspector", in: ns).map(\.text)
        if !inspectors.isEmpty { row["inspectors"] = .text(inspectors.joined(separator: "\n")) }
        if let community = survey.child(named: "community", in: ns) {
            set(&row, "community", community.attribute("name"), as: .text)
            set(&row, "code", community.attribute("code"), as: .text)
            set(&row, "subdistrict", community.attribute("subdistrict"), as: .text)
            set(&row, "households", community.attribute("households"), as: .number(unit: "户"))
            set(&row, "central", community.attribute("central"), as: .boolean)
        }
        if let centre = survey.child(named: "centre", in: ns) {
            set(&row, "centre-area", centre.attribute("area"), as: .number(unit: "平方米"))
            if let premises = centre.attribute("premises") {
                row["premises"] = .text(asText ? premises.uppercased() : PremisesWords.all.first { $0.word == premises }!.label)
            }
            if let hall = centre.child(named: "hall", in: ns) {
                set(&row, "hall-one-door", hall.attribute("one-door"), as: .boolean)
                set(&row, "hall-windows", hall.attribute("windows"), as: .number(unit: "个"))
            } else {
                row["hall-one-door"] = .text("无大厅")
            }
            for room in centre.children(named: "room", in: ns) {
                var roomRow: [String: XLSXDocument.Cell] = ["survey": .text(id)]
                if !room.text.isEmpty { roomRow["name"] = .text(room.text) }
                if let type = room.attribute("type"), asText {
                    // A person writes the rooms' names, separated by 、.
                    let codes = type.split(separator: " ").map(String.init)
                    roomRow["type"] = .text(codes.map { code in
                        WorkbookFixtures.checklist.room(code: code)?.label.text("zh") ?? code
                    }.joined(separator: "、"))
                } else {
                    set(&roomRow, "type", room.attribute("type"), as: .text)
                }
                set(&roomRow, "area", room.attribute("area"), as: .number(unit: "㎡"))
                rows[.rooms, default: []].append(roomRow)
            }
        }
        if let station = survey.child(named: "service-station", in: ns) {
            if let staff = station.child(named: "staff", in: ns) {
                set(&row, "staff-full-time", staff.attribute("full-time"), as: .number(unit: "人"))
                set(&row, "staff-part-time", staff.attribute("part-time"), as: .number(unit: "人"))
            }
            if let duties = station.child(named: "duties", in: ns) {
                set(&row, "duties-documented", duties.attribute("documented"), as: .boolean)
                set(&row, "duties-posted", duties.attribute("posted"), as: .boolean)
            }
            for (container, item) in [("services", "service"), ("regulations", "regulation")] {
                guard let list = station.child(named: container, in: ns) else { continue }
                let items = list.children(named: item, in: ns).map(\.text)
                row[container] = .text(items.isEmpty ? "无" : items.joined(separator: asText ? "；" : "、"))
            }
            for department in station.child(named: "department-windows", in: ns)?.children(named: "department", in: ns) ?? [] {
                var departmentRow: [String: XLSXDocument.Cell] = ["survey": .text(id)]
                set(&departmentRow, "name", department.attribute("name"), as: .text)
                set(&departmentRow, "window", department.attribute("window"), as: .boolean)
                rows[.departments, default: []].append(departmentRow)
            }
        }
        let facts: [(String, [(String, String, Kind)])] = [
            ("governance", ["residents-congress", "consultation-council", "elections", "decisions", "management",
                            "supervision", "access-system"].map { ($0, $0, .boolean) }),
            ("environment", [("long-term-mechanism", "long-term-mechanism", .boolean)]),
            ("safety", [("emergency-plan", "emergency-plan", .boolean)]),
            ("education", [("teams", "teams", .number(unit: "个"))]),
            ("information", [("platform", "platform", .boolean)]),
            ("funding", [("staff-monthly-subsidy", "staff-monthly-subsidy", .number(unit: "元")),
                         ("office-funds", "office-funds", .number(unit: "元")),
                         ("leader-annual-subsidy", "leader-annual-subsidy", .number(unit: "元"))]),
            ("training", [("days", "training-days", .number(unit: "天"))]),
        ]
        for (element, attributes) in facts {
            guard let found = survey.child(named: element, in: ns) else { continue }
            for (attribute, key, kind) in attributes {
                set(&row, key, found.attribute(attribute), as: kind)
            }
        }
        for development in survey.child(named: "developments", in: ns)?.children(named: "development", in: ns) ?? [] {
            var developmentRow: [String: XLSXDocument.Cell] = ["survey": .text(id)]
            set(&developmentRow, "name", development.attribute("name"), as: .text)
            set(&developmentRow, "floor-area", development.attribute("floor-area"), as: .number(unit: "m²"))
            set(&developmentRow, "service-space", development.attribute("service-space"), as: .number(unit: "m²"))
            set(&developmentRow, "funds-in-lieu-area", development.attribute("funds-in-lieu-area"), as: .number(unit: "m²"))
            rows[.developments, default: []].append(developmentRow)
        }
        if let notes = survey.child(named: "notes", in: ns) { row["notes"] = .text(notes.text) }
        rows[.surveys, default: []].append(row)
    }

    enum Kind {
        case text, boolean
        case number(unit: String)
    }

    private var cellCount = 0

    /// Writes `value` (as the survey XML holds it) into `row[key]`, alternating spellings.
    private mutating func set(_ row: inout [String: XLSXDocument.Cell], _ key: String, _ value: String?, as kind: Kind) {
        guard let value = value?.trimmingCharacters(in: .whitespaces) else { return }
        cellCount += 1
        let variant = cellCount % 3
        switch kind {
        case .text:
            row[key] = .text(value)
        case .boolean:
            let truth = value == "true" || value == "1"
            if asText {
                row[key] = .text([truth ? "是" : "否", truth ? "Y" : "n", truth ? "TRUE" : "False"][variant])
            } else {
                row[key] = variant == 0 ? .boolean(truth) : .text(truth ? (variant == 1 ? "是" : "有") : (variant == 1 ? "否" : "无"))
            }
        case .number(let unit):
            let number = ExactDecimal(value)!
            if asText || variant == 2 {
                row[key] = .text(variant == 0 ? grouped(value) : variant == 1 ? fullWidth(value) + unit : value + " " + unit)
            } else {
                row[key] = .number(number)
            }
        }
    }

    private func date(_ text: String) throws -> CalendarDay {
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let day = CalendarDay(year: parts[0], month: parts[1], day: parts[2]) else {
            throw CocoaError(.coderInvalidValue)
        }
        return day
    }

    /// `30000` → `30,000`.
    private func grouped(_ value: String) -> String {
        let parts = value.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var groups: [String] = []
        while whole.count > 3 {
            groups.insert(String(whole.suffix(3)), at: 0)
            whole = String(whole.dropLast(3))
        }
        groups.insert(whole, at: 0)
        return groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// `30` → `３０`.
    private func fullWidth(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.map { scalar in
            ("0"..."9").contains(scalar) ? Unicode.Scalar(scalar.value + 0xFEE0)! : scalar
        }))
    }

    // MARK: Output

    /// Header row style: the Chinese labels for the surveys sheet, the keys elsewhere, so that
    /// both spellings are read.
    private func header(for kind: SheetKind) -> [String] {
        kind.columns.map { kind == .surveys || kind == .departments ? $0.label : $0.key }
    }

    /// The workbook, columns in the template's order except the surveys sheet, whose columns
    /// are reversed (columns may come in any order).
    func document(dateSystem: DateSystem = .from1900) -> XLSXDocument {
        let sheets = SheetKind.allCases.map { kind -> XLSXDocument.Sheet in
            var columns = Array(zip(kind.columns, header(for: kind)))
            if kind == .surveys { columns.reverse() }
            var table: [[XLSXDocument.Cell?]] = [columns.map { .text($0.1, .header) }]
            for row in rows[kind] ?? [] {
                table.append(columns.map { row[$0.0.key] })
            }
            return XLSXDocument.Sheet(name: kind == .rooms ? "rooms" : kind.chineseName, rows: table, freezesHeader: true)
        }
        return XLSXDocument(sheets: sheets, dateSystem: dateSystem)
    }

    /// One CSV file per sheet, UTF-8, RFC 4180 quoting, CRLF.
    func csvFiles() -> [(String, [UInt8])] {
        SheetKind.allCases.map { kind in
            let columns = Array(zip(kind.columns, header(for: kind)))
            var lines = [columns.map { quoted($0.1) }.joined(separator: ",")]
            for row in rows[kind] ?? [] {
                lines.append(columns.map { column in
                    guard case .text(let text, _)? = row[column.0.key] else { return "" }
                    return quoted(text)
                }.joined(separator: ","))
            }
            let name = kind == .rooms ? "rooms.csv" : "\(kind.chineseName).csv"
            return (name, Array((lines.joined(separator: "\r\n") + "\r\n").utf8))
        }
    }

    private func quoted(_ text: String) -> String {
        guard text.contains(where: { ",\"\n\r".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
