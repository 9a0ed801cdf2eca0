import Foundation
import WuyouXML

/// Turns a schema-valid survey document into a ``Survey``.
///
/// It first checks the one rule XSD 1.0 cannot express for an any-order format: each
/// element (but `inspector`, `room` and list items) appears at most once, `community` exactly once.
public enum SurveyReader {
    public static let namespace = "urn:wuyou:survey:1"

    /// Elements that may repeat inside each parent; every other survey element may appear once.
    private static let repeatable: [String: Set<String>] = [
        "survey": ["inspector"],
        "centre": ["room"],
        "services": ["service"],
        "regulations": ["regulation"],
        "department-windows": ["department"],
        "developments": ["development"],
    ]

    /// Reads `document`, which must already be valid against the survey schema.
    ///
    /// - Throws: ``Diagnostics`` for elements that appear more often than the format allows,
    ///   and for lists and texts beyond ``InputLimits``.
    public static func read(_ document: ParsedDocument) throws(Diagnostics) -> Survey {
        let tooBig = SurveyLimits.violations(in: document)
        guard tooBig.isEmpty else { throw Diagnostics(tooBig) }
        let diagnostics = multiplicityErrors(in: document.root, document: document)
        guard diagnostics.isEmpty else { throw Diagnostics(diagnostics) }
        return survey(from: document.root, path: document.path)
    }

    private static func multiplicityErrors(in element: SourceElement, document: ParsedDocument) -> [Diagnostic] {
        var firstLines: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        let mayRepeat = repeatable[element.name] ?? []
        for child in element.children where child.namespace == namespace {
            if let first = firstLines[child.name], !mayRepeat.contains(child.name) {
                diagnostics.append(Diagnostic(
                    .surveyElementRepeated,
                    at: Diagnostic.Location(
                        file: document.path, line: child.line,
                        column: document.column(ofStartTag: child.name, line: child.line)),
                    ["element": .text(child.name), "parent": .text(element.name), "first": .count(first)]))
            } else if firstLines[child.name] == nil {
                firstLines[child.name] = child.line
            }
            diagnostics += multiplicityErrors(in: child, document: document)
        }
        if element.name == "survey", firstLines["community"] == nil {
            diagnostics.append(Diagnostic(
                .surveyCommunityMissing,
                at: Diagnostic.Location(
                    file: document.path, line: element.line,
                    column: document.column(ofStartTag: element.name, line: element.line))))
        }
        return diagnostics
    }

    private static func survey(from root: SourceElement, path: String) -> Survey {
        let community = root.surveyChild("community")
        let centre = root.surveyChild("centre")
        let station = root.surveyChild("service-station")
        var groups: [String: Survey.FactGroup] = [:]
        for element in [community, centre, centre?.surveyChild("hall"), station?.surveyChild("staff"),
                        station?.surveyChild("duties")]
            + ["governance", "environment", "safety", "education", "information", "funding", "training"]
                .map({ root.surveyChild($0) }) {
            guard let element else { continue }
            groups[element.name] = Survey.FactGroup(
                attributes: Dictionary(
                    element.attributes.filter { $0.namespace == nil }.map { ($0.name, XMLValues.token($0.value) ?? "") },
                    uniquingKeysWith: { first, _ in first }),
                line: element.line)
        }
        return Survey(
            path: path,
            id: XMLValues.token(root.attribute("id")) ?? "",
            date: SurveyDate(root.attribute("date") ?? "") ?? SurveyDate("0001-01-01")!,
            line: root.line,
            inspectors: root.surveyChildren("inspector").map { XMLValues.trimmed($0.text) },
            community: Survey.Community(
                name: community?.attribute("name").map(XMLValues.trimmed) ?? "",
                code: XMLValues.token(community?.attribute("code")),
                subdistrict: community?.attribute("subdistrict").map(XMLValues.trimmed),
                households: XMLValues.decimal(community?.attribute("households")),
                central: XMLValues.boolean(community?.attribute("central")) ?? true,
                centralStated: community?.attribute("central") != nil,
                line: community?.line ?? root.line),
            centre: centre.map(self.centre(from:)),
            serviceStation: station.map(serviceStation(from:)),
            factGroups: groups,
            developments: root.surveyChild("developments").map { list in
                Survey.Inventory(items: list.surveyChildren("development").map(development(from:)), line: list.line)
            },
            notes: root.surveyChild("notes")?.text,
            placeholders: placeholders(in: root))
    }

    /// Values that are wholly a placeholder of the template, e.g. `（检查人姓名）`: every
    /// attribute of the format, and the text of the elements that hold text.
    private static func placeholders(in element: SourceElement) -> [Survey.Placeholder] {
        var found: [Survey.Placeholder] = []
        collectPlaceholders(in: element, into: &found)
        return found
    }

    /// Appends to one list, in document order: every survey is asked, and most have none.
    private static func collectPlaceholders(in element: SourceElement, into found: inout [Survey.Placeholder]) {
        guard element.namespace == namespace else { return }
        for attribute in element.attributes where attribute.namespace == nil && SurveyTemplate.isPlaceholder(attribute.value) {
            found.append(Survey.Placeholder(line: element.line, text: XMLValues.trimmed(attribute.value)))
        }
        if SurveyTemplate.isPlaceholder(element.text) {
            found.append(Survey.Placeholder(line: element.line, text: XMLValues.trimmed(element.text)))
        }
        for child in element.children { collectPlaceholders(in: child, into: &found) }
    }

    private static func centre(from element: SourceElement) -> Survey.Centre {
        Survey.Centre(
            area: XMLValues.decimal(element.attribute("area")),
            premises: XMLValues.token(element.attribute("premises")),
            rooms: element.surveyChildren("room").map { room in
                Survey.Room(
                    name: room.text,
                    codes: (room.attribute("type") ?? "").split(whereSeparator: \.isWhitespace).map(String.init),
                    area: XMLValues.decimal(room.attribute("area")),
                    line: room.line)
            },
            line: element.line)
    }

    private static func serviceStation(from element: SourceElement) -> Survey.ServiceStation {
        func textItems(_ listName: String, _ itemName: String) -> Survey.Inventory<Survey.TextItem>? {
            element.surveyChild(listName).map { list in
                Survey.Inventory(
                    items: list.surveyChildren(itemName).map { Survey.TextItem(text: $0.text, line: $0.line) },
                    line: list.line)
            }
        }
        return Survey.ServiceStation(
            services: textItems("services", "service"),
            regulations: textItems("regulations", "regulation"),
            departments: element.surveyChild("department-windows").map { list in
                Survey.Inventory(
                    items: list.surveyChildren("department").map { department in
                        Survey.Department(
                            name: department.attribute("name") ?? "",
                            window: XMLValues.boolean(department.attribute("window")) ?? false,
                            line: department.line)
                    },
                    line: list.line)
            },
            line: element.line)
    }

    private static func development(from element: SourceElement) -> Survey.Development {
        Survey.Development(
            name: element.attribute("name") ?? "",
            floorArea: XMLValues.decimal(element.attribute("floor-area")) ?? 0,
            serviceSpace: XMLValues.decimal(element.attribute("service-space")) ?? 0,
            fundsInLieuArea: XMLValues.decimal(element.attribute("funds-in-lieu-area")) ?? 0,
            line: element.line)
    }
}

extension SourceElement {
    fileprivate func surveyChild(_ name: String) -> SourceElement? {
        child(named: name, in: SurveyReader.namespace)
    }

    fileprivate func surveyChildren(_ name: String) -> [SourceElement] {
        children(named: name, in: SurveyReader.namespace)
    }
}
