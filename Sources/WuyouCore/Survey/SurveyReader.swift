import WuyouDecimal
import Foundation
import WuyouXML

/// Turns a schema-valid survey document into a ``Survey``.
///
/// It first checks the one rule XSD 1.0 cannot express for an any-order format: each
/// element (but `inspector`, `room` and list items) appears at most once, `community` exactly once.
///
/// It reads the document's ``ElementTable`` (one walk of libxml2's tree, names as integers,
/// values as bytes) in one pass for the limits, one for repeated elements and one to build
/// the survey; strings are made only for what the survey keeps.
public enum SurveyReader {
    public static let namespace = "urn:wuyou:survey:1"

    /// Elements that may repeat inside each parent; every other survey element may appear once.
    /// By parent name index, the child names as bits.
    private static let repeatable: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: SurveyNames.vocabulary.elements.count)
        for (parent, child) in [
            (SurveyNames.survey, SurveyNames.inspector),
            (SurveyNames.centre, SurveyNames.room),
            (SurveyNames.services, SurveyNames.service),
            (SurveyNames.regulations, SurveyNames.regulation),
            (SurveyNames.departmentWindows, SurveyNames.department),
            (SurveyNames.developments, SurveyNames.development),
        ] {
            bits[parent] |= 1 << UInt64(child)
        }
        return bits
    }()

    /// Reads `document`, which must already be valid against the survey schema.
    ///
    /// - Throws: ``Diagnostics`` for elements that appear more often than the format allows,
    ///   and for lists and texts beyond ``InputLimits``.
    public static func read(_ document: ParsedDocument) throws(Diagnostics) -> Survey {
        try read(document.elementTable(SurveyNames.vocabulary), path: document.path, column: document.column(ofStartTag:line:))
    }

    /// Reads the element table of a valid survey document called `path`; `column` finds the
    /// 1-based column of a start tag (by name and line) for diagnostics.
    static func read(_ table: ElementTable, path: String, column: (String, Int) -> Int) throws(Diagnostics) -> Survey {
        try read(table, path: path, cells: nil) { name, line in
            Diagnostic.Location(file: path, line: line, column: column(name, line))
        }
    }

    /// Reads a survey table built from a spreadsheet's rows (see ``SurveyTableBuilder``), whose
    /// elements' lines are 1-based indices in `cells`: the survey's places are those cells.
    static func read(_ table: ElementTable, path: String, cells: [SourceCell]) throws(Diagnostics) -> Survey {
        try read(table, path: path, cells: cells) { _, line in
            let cell = cells[max(0, min(cells.count - 1, line - 1))]
            return Diagnostic.Location(file: cell.file, cell: cell.name)
        }
    }

    /// `locate` says where an element is, by its name and line, for diagnostics.
    private static func read(
        _ table: ElementTable, path: String, cells: [SourceCell]?, locate: (String, Int) -> Diagnostic.Location
    ) throws(Diagnostics) -> Survey {
        let tooBig = SurveyLimits.violations(in: table, locate: locate)
        guard tooBig.isEmpty else { throw Diagnostics(tooBig) }
        let diagnostics = multiplicityErrors(in: table, locate: locate)
        guard diagnostics.isEmpty else { throw Diagnostics(diagnostics) }
        var survey = TableReader(table: table, inCells: cells != nil).survey(path: path)
        if let cells { survey.cells = cells }
        return survey
    }

    /// Each element's children, checked for names seen before under it, in document order.
    /// (A valid survey has no name outside the vocabulary; such a name would not be checked.)
    private static func multiplicityErrors(in table: ElementTable, locate: (String, Int) -> Diagnostic.Location) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func name(_ element: Int) -> String {
            let index = table.elements[element].name
            return index == ElementTable.none ? "" : SurveyNames.vocabulary.elements[index]
        }
        func location(_ element: Int) -> Diagnostic.Location {
            locate(name(element), table.elements[element].line)
        }
        // In the order a depth-first walk meets them: an element's repeated child, then what
        // is wrong inside that child, then its later children.
        func check(_ element: Int) {
            let parent = table.elements[element].name
            let mayRepeat = parent == ElementTable.none ? 0 : repeatable[parent]
            var seen: UInt64 = 0  // names as bits: the vocabulary has fewer than 64
            for child in table.children(of: element) {
                defer { check(child) }
                let index = table.elements[child].name
                guard index != ElementTable.none else { continue }
                let bit: UInt64 = 1 << UInt64(index)
                guard seen & bit != 0 else {
                    seen |= bit
                    continue
                }
                guard mayRepeat & bit == 0 else { continue }
                let first = table.children(of: element).first { table.elements[$0].name == index }!
                diagnostics.append(Diagnostic(
                    .surveyElementRepeated, at: location(child),
                    ["element": .text(name(child)), "parent": .text(name(element)), "first": .count(table.elements[first].line)]))
            }
            if table.elements[element].name == SurveyNames.survey, seen & (1 << UInt64(SurveyNames.community)) == 0 {
                diagnostics.append(Diagnostic(.surveyCommunityMissing, at: location(element)))
            }
        }
        if !table.elements.isEmpty { check(0) }
        return diagnostics
    }
}

/// Builds a ``Survey`` from a survey document's ``ElementTable``.
private struct TableReader {
    let table: ElementTable
    /// Whether the table's lines are indices of cells (a survey read from a spreadsheet).
    let inCells: Bool

    private func place(_ element: Int) -> SourcePlace {
        let line = table.elements[element].line
        return inCells ? .cell(line - 1) : .line(line)
    }

    private func utf8<Result>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        table.utf8.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    private func attribute(_ name: Int, of element: Int?) -> Range<Int>? {
        element.flatMap { table.attribute(name, of: $0) }
    }

    private func string(_ range: Range<Int>?) -> String? { range.map(table.string) }
    private func trimmed(_ range: Range<Int>?) -> String? { range.map { utf8($0, XMLValues.trimmed(utf8:)) } }
    private func decimal(_ range: Range<Int>?) -> ExactDecimal? { range.flatMap { utf8($0, XMLValues.decimal(utf8:)) } }
    private func boolean(_ range: Range<Int>?) -> Bool? { range.flatMap { utf8($0, XMLValues.boolean(utf8:)) } }

    private func child(_ name: Int, of element: Int?) -> Int? {
        guard let element else { return nil }
        return table.children(of: element).first { table.elements[$0].name == name }
    }

    private func children(_ name: Int, of element: Int) -> [Int] {
        table.children(of: element).filter { table.elements[$0].name == name }
    }

    func survey(path: String) -> Survey {
        let root = 0
        let community = child(SurveyNames.community, of: root)
        let centre = child(SurveyNames.centre, of: root)
        let station = child(SurveyNames.serviceStation, of: root)
        var facts = [FactReading](repeating: .elementAbsent, count: SurveyFact.allCases.count)
        for element in [community, centre, child(SurveyNames.hall, of: centre), child(SurveyNames.staff, of: station),
                        child(SurveyNames.duties, of: station)] + SurveyNames.factElements.map({ child($0, of: root) }) {
            guard let element else { continue }
            let name = table.elements[element].name
            let elementPlace = place(element)
            for fact in SurveyNames.factsOfElement[name] { facts[fact] = .attributeAbsent(place: elementPlace) }
            for index in table.elements[element].attributes {
                let attribute = table.attributes[index]
                guard attribute.name != ElementTable.none else { continue }
                let fact = SurveyNames.facts[name][attribute.name]
                if fact >= 0 { facts[fact] = .value(trimmed(attribute.value) ?? "", place: elementPlace) }
            }
        }
        let rootPlace = place(root)
        let id = trimmed(attribute(SurveyNames.id, of: root)) ?? ""
        return Survey(
            path: path,
            id: id,
            date: SurveyDate(string(attribute(SurveyNames.date, of: root)) ?? "") ?? SurveyDate("0001-01-01")!,
            place: rootPlace,
            inspectors: children(SurveyNames.inspector, of: root).map { trimmed(table.elements[$0].text) ?? "" },
            community: Survey.Community(
                name: trimmed(attribute(SurveyNames.name, of: community)) ?? "",
                code: trimmed(attribute(SurveyNames.code, of: community)),
                subdistrict: trimmed(attribute(SurveyNames.subdistrict, of: community)),
                households: decimal(attribute(SurveyNames.households, of: community)),
                central: boolean(attribute(SurveyNames.central, of: community)) ?? true,
                centralStated: attribute(SurveyNames.central, of: community) != nil,
                place: community.map(place) ?? rootPlace),
            centre: centre.map(self.centre(from:)),
            serviceStation: station.map(serviceStation(from:)),
            facts: facts,
            developments: child(SurveyNames.developments, of: root).map { list in
                Survey.Inventory(items: children(SurveyNames.development, of: list).map(development(from:)),
                                 place: place(list))
            },
            notes: child(SurveyNames.notes, of: root).map { table.string(table.elements[$0].text) },
            placeholders: placeholders(id: id))
    }

    /// Values that are wholly a placeholder of the template, e.g. `（检查人姓名）`: every
    /// attribute of the format, and the text of the elements that hold text; in document order.
    /// An id still built from a placeholder (`（社区名称）-2024-05-14`) counts too.
    private func placeholders(id: String) -> [Survey.Placeholder] {
        var found: [Survey.Placeholder] = []
        if let placeholder = SurveyTemplate.placeholder(inID: id) {
            found.append(Survey.Placeholder(place: place(0), text: placeholder))
        }
        for (index, element) in table.elements.enumerated() {
            for attribute in element.attributes {
                let value = table.attributes[attribute].value
                if utf8(value, SurveyTemplate.isPlaceholder(utf8:)) {
                    found.append(Survey.Placeholder(place: place(index), text: trimmed(value) ?? ""))
                }
            }
            if utf8(element.text, SurveyTemplate.isPlaceholder(utf8:)) {
                found.append(Survey.Placeholder(place: place(index), text: trimmed(element.text) ?? ""))
            }
        }
        return found
    }

    private func centre(from element: Int) -> Survey.Centre {
        Survey.Centre(
            area: decimal(attribute(SurveyNames.area, of: element)),
            premises: trimmed(attribute(SurveyNames.premises, of: element)),
            rooms: children(SurveyNames.room, of: element).map { room in
                Survey.Room(
                    name: table.string(table.elements[room].text),
                    codes: attribute(SurveyNames.type, of: room).map { utf8($0, XMLValues.tokens(utf8:)) } ?? [],
                    area: decimal(attribute(SurveyNames.area, of: room)),
                    place: place(room))
            },
            place: place(element))
    }

    private func serviceStation(from element: Int) -> Survey.ServiceStation {
        func textItems(_ list: Int, _ item: Int) -> Survey.Inventory<Survey.TextItem>? {
            child(list, of: element).map { list in
                Survey.Inventory(
                    items: children(item, of: list).map {
                        Survey.TextItem(text: table.string(table.elements[$0].text), place: place($0))
                    },
                    place: place(list))
            }
        }
        return Survey.ServiceStation(
            services: textItems(SurveyNames.services, SurveyNames.service),
            regulations: textItems(SurveyNames.regulations, SurveyNames.regulation),
            departments: child(SurveyNames.departmentWindows, of: element).map { list in
                Survey.Inventory(
                    items: children(SurveyNames.department, of: list).map { department in
                        Survey.Department(
                            name: string(attribute(SurveyNames.name, of: department)) ?? "",
                            window: boolean(attribute(SurveyNames.window, of: department)) ?? false,
                            place: place(department))
                    },
                    place: place(list))
            },
            place: place(element))
    }

    private func development(from element: Int) -> Survey.Development {
        Survey.Development(
            name: string(attribute(SurveyNames.name, of: element)) ?? "",
            floorArea: decimal(attribute(SurveyNames.floorArea, of: element)) ?? 0,
            serviceSpace: decimal(attribute(SurveyNames.serviceSpace, of: element)) ?? 0,
            fundsInLieuArea: decimal(attribute(SurveyNames.fundsInLieuArea, of: element)) ?? 0,
            place: place(element))
    }
}
