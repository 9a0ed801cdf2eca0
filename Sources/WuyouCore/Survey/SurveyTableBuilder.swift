import Foundation
import WuyouXML

/// Builds a ``Survey`` from the survey format's elements and attributes handed over one at a
/// time by a reader of another format — a workbook's rows — with no XML text in between.
///
/// It checks what the schema would check of the same document: each value against its
/// attribute's type (a date, a boolean, a number ≥ 0, a premises word, text that is not empty),
/// each required attribute present; then, as for every survey, the format's limits
/// (``SurveyLimits``). What fails is reported at the cell the element came from, in the words
/// a survey file's schema errors get. Element order and nesting are the caller's: it writes
/// what the format allows.
public struct SurveyTableBuilder: Sendable {
    /// An element or attribute name of the survey format, looked up once: a reader names each
    /// element and attribute of every survey, and a lookup by text each time showed in profiles.
    public struct Name: Sendable, Hashable {
        public let text: String
        /// Its index in the format's vocabulary, or -1 for a name the format does not have.
        let index: Int
    }

    /// The element called `name`.
    public static func element(_ name: String) -> Name {
        Name(text: name, index: elementIndex[name] ?? ElementTable.none)
    }

    /// The attribute called `name`.
    public static func attribute(_ name: String) -> Name {
        Name(text: name, index: attributeIndex[name] ?? ElementTable.none)
    }

    private let path: String
    private var table = ElementTable.Builder()
    private var cells: [SourceCell] = []
    /// Per open element: its name, its cell, the attributes it was given (as bits by index).
    private var open: [(name: Name, cell: Int, given: UInt64)] = []
    private var problems: [Diagnostic] = []

    /// - Parameter path: What the survey is called: its workbook and row (`普查.xlsx:调查表!A5`).
    public init(path: String) {
        self.path = path
    }

    /// Opens `element`, read from `cell`, inside the element open (the root when none is).
    public mutating func start(_ element: Name, at cell: SourceCell) {
        if cells.last != cell { cells.append(cell) }
        if element.index == ElementTable.none {
            problems.append(Diagnostic(.surveyElementUnknown, at: location(cells.count - 1), ["element": .text(element.text)]))
        }
        table.start(element.index, line: cells.count)
        open.append((element, cells.count - 1, 0))
    }

    /// Gives the open element the attribute `name`.
    public mutating func attribute(_ name: Name, _ value: String) {
        guard let element = open.last else { return }
        if element.name.index >= 0, name.index >= 0, let type = Self.typeTable[element.name.index][name.index] {
            open[open.count - 1].given |= 1 << UInt64(name.index)
            if let problem = type.problem(with: value) {
                problems.append(Diagnostic(problem.code, at: location(element.cell), problem.arguments.merging([
                    "element": .text(element.name.text), "attribute": .text(name.text), "value": .quoted(value),
                ]) { $1 }))
            }
        } else {
            problems.append(Diagnostic(.surveyAttributeUnknown, at: location(element.cell), [
                "element": .text(element.name.text), "attribute": .text(name.text),
                "allowed": .list(SurveyVocabulary.attributes[element.name.text] ?? []),
            ]))
        }
        table.attribute(name.index, value)
    }

    /// Sets the open element's text (the name on a room's door, an inspector, the notes).
    public mutating func text(_ text: String) {
        table.text(text)
    }

    /// Closes the open element.
    public mutating func end() {
        guard let element = open.popLast() else { return }
        if element.name.index >= 0, Self.requiredTable[element.name.index] & ~element.given != 0 {
            for required in Self.required[element.name.text] ?? []
            where element.given & (1 << UInt64(Self.attributeIndex[required] ?? 0)) == 0 {
                problems.append(Diagnostic(.surveyAttributeMissing, at: location(element.cell), [
                    "element": .text(element.name.text), "attribute": .text(required),
                ]))
            }
        }
        table.end()
    }

    /// The survey, its places the cells its elements were read from.
    ///
    /// - Throws: ``Diagnostics`` at the cells concerned, for values the schema would refuse
    ///   and for what goes beyond the format's limits.
    public func survey() throws(Diagnostics) -> Survey {
        guard problems.isEmpty else { throw Diagnostics(problems) }
        guard !cells.isEmpty else { throw Diagnostics(Diagnostic(.surveyCommunityMissing, at: .init(file: path))) }
        return try SurveyReader.read(table.table, path: path, cells: cells)
    }

    private func location(_ cell: Int) -> Diagnostic.Location {
        Diagnostic.Location(file: cells[cell].file, cell: cells[cell].name)
    }

    // MARK: The schema's types

    private static let elementIndex = Dictionary(
        SurveyNames.vocabulary.elements.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    private static let attributeIndex = Dictionary(
        SurveyNames.vocabulary.attributes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })

    /// An attribute's type in survey.xsd.
    enum ValueType: Sendable {
        case nonEmptyText, text, date, boolean, positiveInteger, nonNegativeInteger, nonNegativeDecimal, roomCodes
        case oneOf([String])

        /// What the schema would say about `value`, or nil when it is valid.
        func problem(with value: String) -> (code: DiagnosticCode, arguments: [String: DiagnosticArgument])? {
            switch self {
            case .text, .roomCodes:
                return nil
            case .nonEmptyText:
                // A visible ASCII character settles it without asking Unicode.
                if value.utf8.contains(where: { (0x21...0x7E).contains($0) }) { return nil }
                return value.allSatisfy(\.isWhitespace) ? (.surveyValueEmpty, [:]) : nil
            case .date:
                return SurveyTableBuilder.isDate(value) ? nil : (.surveyDateFormat, [:])
            case .boolean:
                return XMLValues.boolean(value) == nil ? (.surveyValueNotBoolean, [:]) : nil
            case .oneOf(let words):
                return words.contains(XMLValues.trimmed(value)) ? nil : (.surveyValueNotInList, ["allowed": .list(words)])
            case .positiveInteger, .nonNegativeInteger, .nonNegativeDecimal:
                guard let number = XMLValues.decimal(value) else { return (.surveyValueNotNumber, [:]) }
                if self != .nonNegativeDecimal, value.contains(".") { return (.surveyValueNotWhole, [:]) }
                if self == .positiveInteger, number <= 0 { return (.surveyValueNotPositive, [:]) }
                return number < 0 ? (.surveyValueNegative, [:]) : nil
            }
        }
    }

    /// `YYYY-MM-DD` naming a real day, as `xs:date` wants it (without a zone: a workbook has none).
    static func isDate(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes.enumerated().allSatisfy({ $0 == 4 || $0 == 7 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($1) }),
              let date = SurveyDate(value), date.year >= 1
        else { return false }
        let leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][date.month - 1]
        return date.day <= days
    }

    private static let premises = ["own", "new", "renovated", "purchased", "allocated", "rented", "shared", "none"]

    /// ``types`` by vocabulary index of element, then of attribute.
    private static let typeTable: [[ValueType?]] = SurveyNames.vocabulary.elements.map { element in
        SurveyNames.vocabulary.attributes.map { types[element]?[$0] }
    }

    /// ``required`` by vocabulary index of element, as bits by attribute index.
    private static let requiredTable: [UInt64] = {
        precondition(SurveyNames.vocabulary.attributes.count <= 64, "more survey attributes than bits")
        return SurveyNames.vocabulary.elements.map { element in
            (required[element] ?? []).reduce(UInt64(0)) { $0 | 1 << UInt64(attributeIndex[$1] ?? 0) }
        }
    }()

    /// Each element's attributes and their types (survey.xsd).
    static let types: [String: [String: ValueType]] = [
        "survey": ["id": .nonEmptyText, "date": .date],
        "community": ["name": .nonEmptyText, "code": .text, "subdistrict": .text, "households": .positiveInteger, "central": .boolean],
        "centre": ["area": .nonNegativeDecimal, "premises": .oneOf(premises)],
        "hall": ["one-door": .boolean, "windows": .nonNegativeInteger],
        "room": ["type": .roomCodes, "area": .nonNegativeDecimal],
        "staff": ["full-time": .nonNegativeInteger, "part-time": .nonNegativeInteger],
        "duties": ["documented": .boolean, "posted": .boolean],
        "department": ["name": .nonEmptyText, "window": .boolean],
        "governance": Dictionary(uniqueKeysWithValues: (SurveyVocabulary.attributes["governance"] ?? []).map { ($0, ValueType.boolean) }),
        "environment": ["long-term-mechanism": .boolean],
        "safety": ["emergency-plan": .boolean],
        "education": ["teams": .nonNegativeInteger],
        "information": ["platform": .boolean],
        "funding": ["staff-monthly-subsidy": .nonNegativeDecimal, "office-funds": .nonNegativeDecimal,
                    "leader-annual-subsidy": .nonNegativeDecimal],
        "training": ["days": .nonNegativeDecimal],
        "development": ["name": .nonEmptyText, "floor-area": .nonNegativeDecimal, "service-space": .nonNegativeDecimal,
                        "funds-in-lieu-area": .nonNegativeDecimal],
    ]

    /// Each element's required attributes (survey.xsd).
    private static let required: [String: [String]] = [
        "survey": ["id", "date"], "community": ["name"], "department": ["name", "window"], "development": ["name", "floor-area"],
    ]
}

extension SurveyTableBuilder.ValueType: Equatable {}
