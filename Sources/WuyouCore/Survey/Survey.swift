import WuyouDecimal
import Foundation

/// One inspector's record of one community's service centre on one day.
///
/// Optional members are elements the survey left out: an absent inventory or fact group
/// means "not collected", which makes its requirements `unknown` rather than gaps.
/// Every part keeps the place it was written (``SourcePlace``: a line of the survey file, or a
/// cell of the workbook it came from), so findings can cite it.
public struct Survey: Sendable {
    public var path: String
    public var id: String
    public var date: SurveyDate
    /// The `<survey>` element, or the survey's row (the cell of its id).
    public var place: SourcePlace
    public var inspectors: [String]
    public var community: Community
    public var centre: Centre?
    public var serviceStation: ServiceStation?
    /// What the survey says about each ``SurveyFact``, by its ``SurveyFact/index`` (see
    /// ``reading(of:)``).
    var facts: [FactReading]
    /// Every element whose attributes are facts (`community`, `centre`, `hall`, `staff`,
    /// `duties`, `governance`, `funding`…), by element name, with its facts' values; absent
    /// elements have no entry.
    public var factGroups: [String: FactGroup] {
        var groups: [String: FactGroup] = [:]
        for fact in SurveyFact.allCases {
            switch reading(of: fact) {
            case .elementAbsent:
                continue
            case .attributeAbsent(let place):
                groups[fact.element, default: FactGroup(attributes: [:], place: place)].place = place
            case .value(let value, let place):
                groups[fact.element, default: FactGroup(attributes: [:], place: place)].attributes[fact.attribute] = value
            }
        }
        return groups
    }
    public var developments: Inventory<Development>?
    public var notes: String?
    /// Inspector names and notes were removed for publication (see ``redactedForPublication()``).
    public var personalDataWithheld = false
    /// Template text still in the survey (（检查人姓名）…): while there is any, it is a draft.
    public var placeholders: [Placeholder] = []

    /// A survey with placeholders left in is a draft: it never passes, and an audit lists it apart.
    public var isDraft: Bool { !placeholders.isEmpty }

    /// Text of `wuyou init`'s template left in place, and where.
    public struct Placeholder: Sendable, Hashable {
        /// Its element, or its cell.
        public var place: SourcePlace
        public var text: String
    }

    /// For a survey read from a spreadsheet's rows: the cells its places name. Its ``path`` is
    /// then the workbook and the cell of its row (`普查.xlsx:调查表!A5`). Empty for a survey
    /// read from its own XML file, whose places are lines of ``path``.
    public var cells: [SourceCell] = []
    /// For a survey read from a spreadsheet and evaluated with an XML rendering of it (a
    /// checklist with XPath rules): the place each line of that rendering stands for, by line
    /// (index 0 unused), so that an XPath rule's evidence points at a cell too.
    public var documentPlaces: [SourcePlace]?

    /// Where `place` is, for a diagnostic or a report: a line of ``path``, or a cell of a
    /// spreadsheet file.
    public func location(of place: SourcePlace) -> Diagnostic.Location {
        if let index = place.cellIndex, cells.indices.contains(index) {
            return Diagnostic.Location(file: cells[index].file, cell: cells[index].name)
        }
        return Diagnostic.Location(file: path, line: place.line ?? 1)
    }

    /// The line `place` names in ``path``; nil when it names a cell.
    public func line(of place: SourcePlace) -> Int? {
        place.cellIndex == nil ? place.line : nil
    }

    /// The cell `place` names; nil when it names a line of ``path``.
    public func cell(of place: SourcePlace) -> SourceCell? {
        guard let index = place.cellIndex, cells.indices.contains(index) else { return nil }
        return cells[index]
    }

    /// Whether the survey was read from a spreadsheet's cells rather than from its own file.
    public var isFromCells: Bool { !cells.isEmpty }

    /// Sets ``documentPlaces`` for an XML rendering of this survey read from a spreadsheet:
    /// `cells` holds the cell each line came from (line 1 first).
    public mutating func setDocumentLines(_ lines: [SourceCell]) {
        var indexOfCell: [SourceCell: Int] = [:]
        for (index, cell) in cells.enumerated() where indexOfCell[cell] == nil { indexOfCell[cell] = index }
        documentPlaces = [place] + lines.map { indexOfCell[$0].map(SourcePlace.cell) ?? place }
    }

    /// The place a line of the survey's document stands for (see ``documentPlaces``).
    func place(ofDocumentLine line: Int) -> SourcePlace {
        guard let documentPlaces else { return .line(line) }
        return documentPlaces.indices.contains(line) ? documentPlaces[line] : place
    }

    /// This survey as a public site may show it: of its text, only the id, the community's and
    /// sub-district's names and code, and the rooms' names and codes are kept. Inspector names and
    /// notes go; the names of services, regulations, departments and developments are emptied
    /// (their number, and every figure, stay: reports count them, never quote them).
    public func redactedForPublication() -> Survey {
        var copy = self
        copy.inspectors = []
        copy.notes = nil
        copy.personalDataWithheld = true
        if var station = copy.serviceStation {
            for index in station.services?.items.indices ?? 0..<0 { station.services?.items[index].text = "" }
            for index in station.regulations?.items.indices ?? 0..<0 { station.regulations?.items[index].text = "" }
            for index in station.departments?.items.indices ?? 0..<0 { station.departments?.items[index].name = "" }
            copy.serviceStation = station
        }
        for index in copy.developments?.items.indices ?? 0..<0 { copy.developments?.items[index].name = "" }
        return copy
    }

    public struct Community: Sendable {
        public var name: String
        public var code: String?
        public var subdistrict: String?
        public var households: ExactDecimal?
        /// Whether the community lies in the central urban area; the format's default is true.
        public var central: Bool
        /// Whether the survey said so, rather than `central` taking the default.
        public var centralStated: Bool
        public var place: SourcePlace
    }

    public struct Centre: Sendable {
        /// `premises="none"`: the community has no premises of its own.
        public var hasNoPremises: Bool { premises == "none" }

        public var area: ExactDecimal?
        public var premises: String?
        public var rooms: [Room]
        public var place: SourcePlace
    }

    public struct Room: Sendable {
        /// The name on the door, as written (before normalisation).
        public var name: String
        /// Room codes from `@type`; empty when the attribute is absent or blank.
        public var codes: [String]
        public var area: ExactDecimal?
        public var place: SourcePlace
    }

    public struct ServiceStation: Sendable {
        public var services: Inventory<TextItem>?
        public var regulations: Inventory<TextItem>?
        public var departments: Inventory<Department>?
        public var place: SourcePlace
    }

    public struct TextItem: Sendable {
        public var text: String
        public var place: SourcePlace
    }

    public struct Department: Sendable {
        public var name: String
        public var window: Bool
        public var place: SourcePlace
    }

    public struct Development: Sendable {
        public var name: String
        public var floorArea: ExactDecimal
        public var serviceSpace: ExactDecimal
        public var fundsInLieuArea: ExactDecimal
        public var place: SourcePlace
    }

    /// A list element: present (possibly empty) or, when the `Optional` around it is nil, absent.
    public struct Inventory<Item: Sendable>: Sendable {
        public var items: [Item]
        public var place: SourcePlace
    }

    /// An element whose attributes are facts, with the facts it records as the raw
    /// (whitespace-trimmed) strings the schema already checked; ``SurveyFact`` gives them
    /// their types.
    public struct FactGroup: Sendable {
        public var attributes: [String: String]
        public var place: SourcePlace
    }
}
