import Foundation
import WuyouCore
import WuyouXML

/// Reads a worksheet part (`<worksheet><sheetData><row><c>…`) as it inflates, a row at a time:
/// only the rows read but not yet asked for are held.
///
/// A cell no spreadsheet program writes (a type that does not exist, a shared string that is
/// not there, a place beyond XFD1048576, a number that cannot be read) means the file is
/// damaged: it is refused at that cell, and a part that is not a worksheet at all is refused
/// as a whole.
final class WorksheetReader: SheetRowReader {
    /// What is wrong with the part.
    enum Damage {
        /// A cell or row no spreadsheet program writes, at its reference as the file gives it
        /// (`XFE2`) or as made from its place; a row as `5:5`.
        case cell(reference: String, problem: CellProblem)
        /// The root element is not `<worksheet>` (a chartsheet's part, say).
        case notAWorksheet
    }

    private let part: PartInflater
    private let partName: String
    private let sheetName: String
    private let package: OOXMLPackage
    private let parser: XMLStreamParser
    private let rows: Rows
    private var finished = false

    init(part: PartInflater, name: String, sheetName: String, package: OOXMLPackage, sharedStrings: SharedStrings, styles: CellStyles) {
        self.part = part
        partName = name
        self.sheetName = sheetName
        self.package = package
        rows = Rows(sharedStrings: sharedStrings, styles: styles)
        parser = XMLStreamParser(
            path: package.archive.path, elements: Rows.elements, attributes: Rows.attributes, textOf: ["v", "f", "t"],
            limits: package.archive.limits.xml)
    }

    func next() throws(Diagnostics) -> SheetRow? {
        while rows.ready.isEmpty && !finished {
            do {
                if let piece = try part.next() {
                    try parser.feed(piece, to: rows)
                } else {
                    try parser.finish(to: rows)
                    finished = true
                }
            } catch let error as Diagnostics {
                throw error
            } catch let error as XMLDiagnostics {
                throw package.diagnostics(for: error, in: partName)
            } catch {
                throw package.invalid(partName, "")
            }
            if let damage = rows.damage { throw diagnostics(for: damage) }
        }
        return rows.ready.popFirst()
    }

    private func diagnostics(for damage: Damage) -> Diagnostics {
        switch damage {
        case .cell(let reference, let problem):
            Diagnostics(Diagnostic(
                problem.code, at: Diagnostic.Location(file: package.archive.path, cell: "\(sheetName)!\(reference)"), problem.arguments))
        case .notAWorksheet:
            Diagnostics(Diagnostic(.workbookPartNotWorksheet, at: Diagnostic.Location(file: package.archive.path), [
                "part": .text(partName), "element": .quoted(parser.rootName ?? ""),
            ]))
        }
    }

    /// Builds rows from the parser's events.
    private final class Rows: XMLStreamHandler {
        static let elements = RichText.elements + ["worksheet", "sheetData", "row", "c", "v", "f"]
        static let attributes = ["r", "t", "s"]
        private static let worksheet = RichText.elements.count, sheetData = worksheet + 1, row = worksheet + 2
        private static let cell = worksheet + 3, stored = worksheet + 4, formula = worksheet + 5
        private static let reference = 0, type = 1, style = 2

        let sharedStrings: SharedStrings
        let styles: CellStyles
        // Exempt from dynamic exclusivity checks: one parse calls it, one event at a time.
        /// Rows complete and not yet asked for.
        @exclusivity(unchecked) var ready = RowQueue()
        /// The first sign the part is not a worksheet a spreadsheet program wrote.
        @exclusivity(unchecked) var damage: Damage?

        @exclusivity(unchecked) private var depth = 0
        @exclusivity(unchecked) private var sheetDataDepth = -1
        @exclusivity(unchecked) private var rowNumber = 0
        @exclusivity(unchecked) private var cells: [SheetCell] = []
        @exclusivity(unchecked) private var column = 0
        /// The cell's reference as the file writes it, if it does.
        @exclusivity(unchecked) private var cellReference: String?
        @exclusivity(unchecked) private var cellParts: CellParts?
        @exclusivity(unchecked) private var inline: RichText?

        init(sharedStrings: SharedStrings, styles: CellStyles) {
            self.sharedStrings = sharedStrings
            self.styles = styles
        }

        private func damaged(_ reference: String, _ code: DiagnosticCode, _ arguments: [String: DiagnosticArgument]) {
            damage = .cell(reference: reference, problem: CellProblem(code, arguments))
        }

        func startElement(_ name: Int, attributes: XMLStreamAttributes) {
            depth += 1
            guard damage == nil else { return }
            if depth == 1, name != Self.worksheet {
                damage = .notAWorksheet
                return
            }
            if name == Self.sheetData, depth == 2 { sheetDataDepth = depth }
            guard sheetDataDepth > 0 else { return }
            switch name {
            case Self.row where depth == sheetDataDepth + 1:
                // `r` may be left out, meaning "the next row"; so may a cell's, meaning "the next column".
                let number = attributes.integer(Self.reference) ?? rowNumber + 1
                guard (1...CellReference.maximumRow).contains(number) else {
                    let written = attributes.string(Self.reference).map { $0.trimmingCharacters(in: .whitespaces) } ?? "\(number)"
                    damaged("\(written):\(written)", .workbookCellBadReference, ["value": .quoted("\(written):\(written)")])
                    return
                }
                rowNumber = number
                cells = []
                column = 0
            case Self.cell where depth == sheetDataDepth + 2:
                cellReference = nil
                if let parsed = attributes.withBytes(Self.reference, CellReference.parse(utf8:)) {
                    cellReference = attributes.string(Self.reference)
                    column = parsed?.column ?? CellReference.maximumColumn + 1
                } else {
                    column += 1
                }
                guard column <= CellReference.maximumColumn else {
                    let place = cellReference ?? CellReference.name(column: column, row: rowNumber)
                    damaged(place, .workbookCellBadReference, ["value": .quoted(place)])
                    return
                }
                cellParts = CellParts(type: attributes.string(Self.type), style: attributes.integer(Self.style))
            case RichText.inline where cellParts != nil && depth == sheetDataDepth + 3:
                inline = RichText()
            default:
                if inline != nil { inline?.start(name) }
            }
        }

        func endElement(_ name: Int, text: String) {
            defer { depth -= 1 }
            guard damage == nil, sheetDataDepth > 0 else { return }
            switch name {
            case Self.row where depth == sheetDataDepth + 1:
                if !cells.isEmpty { ready.append(SheetRow(number: rowNumber, cells: cells)) }
            case Self.cell where depth == sheetDataDepth + 2:
                guard let parts = cellParts else { return }
                cellParts = nil
                do {
                    if let value = try parts.value(sharedStrings: sharedStrings, styles: styles) {
                        cells.append(SheetCell(column: column, value: value))
                    }
                } catch {
                    damage = .cell(reference: cellReference ?? CellReference.name(column: column, row: rowNumber), problem: error)
                }
            case Self.stored where depth == sheetDataDepth + 3:
                cellParts?.stored = text
            case Self.formula where depth == sheetDataDepth + 3:
                cellParts?.formula = text
            case RichText.inline where inline != nil && depth == sheetDataDepth + 3:
                cellParts?.inline = inline?.value
                inline = nil
            case Self.sheetData where depth == sheetDataDepth:
                sheetDataDepth = -1
            default:
                inline?.end(name, text)
            }
        }
    }
}

/// What a `<c>` element holds: its type and style attributes, and the text of its `<v>`, `<f>`
/// and `<is>` children when it has them.
struct CellParts {
    var type: String?
    /// The style index; -1 when the attribute is not a number.
    var style: Int?
    var stored: String?
    var formula: String?
    var inline: String?

    init(type: String?, style: Int?) {
        self.type = type
        self.style = style
    }

    /// The cell's value; nil for an empty cell.
    ///
    /// A formula cell holds the value Excel cached when it last calculated. Without one (no
    /// `<v>`, or an empty `<v/>` as PhpSpreadsheet writes for a formula it did not calculate)
    /// the value is not known, and the cell says so: read as blank, a formula's result would
    /// silently go missing.
    ///
    /// - Throws: ``CellProblem`` for a value no spreadsheet program writes.
    func value(sharedStrings: SharedStrings, styles: CellStyles) throws(CellProblem) -> CellValue? {
        if let formula, WorksheetReader.readsAnotherWorkbook(formula) { return .externalFormula }
        let cached = stored.flatMap { Self.trimmed($0).isEmpty ? nil : $0 }
        let uncalculated: CellValue? = formula == nil ? nil : .uncalculatedFormula
        let type = type ?? "n"
        switch type {
        case "inlineStr":
            guard let inline else { return nil }
            return .text(inline)
        case "s":
            guard let cached else { return nil }
            guard let index = Int(Self.trimmed(cached)), let text = sharedStrings.string(at: index) else {
                throw CellProblem(.workbookCellNoSharedString, ["value": .quoted(cached), "count": .count(sharedStrings.count)])
            }
            return .text(text)
        case "str":
            // A text formula's result may be empty text, which shows as an empty cell.
            guard let stored else { return uncalculated }
            return .text(OOXMLText.unescaped(stored))
        case "b":
            guard let cached else { return uncalculated }
            switch Self.trimmed(cached) {
            case "1", "true": return .boolean(true)
            case "0", "false": return .boolean(false)
            default: throw CellProblem(.workbookCellBadBoolean, ["value": .quoted(cached)])
            }
        case "e":
            return .error(cached ?? "#VALUE!")
        case "d":
            // An ISO 8601 date, date and time, or time (Strict OOXML, some converters), kept
            // whole: a date column reads its day, a time alone is not a date, text keeps it all.
            guard let cached else { return uncalculated }
            return .text(String(Self.trimmed(cached)))
        case "n":
            guard let cached else { return uncalculated }
            guard let number = StoredNumber.parse(cached) else {
                throw CellProblem(.workbookCellBadNumber, ["value": .quoted(cached)])
            }
            return .number(number, isDate: styles.isDate(style: style ?? 0))
        default:
            throw CellProblem(.workbookCellUnknownType, ["value": .quoted(type)])
        }
    }

    /// `text` without spaces and tabs at its ends.
    private static func trimmed(_ text: String) -> Substring {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !blank($0) }), let last = text.lastIndex(where: { !blank($0) }) else { return "" }
        return text[first...last]
    }
}

extension WorksheetReader {
    /// Whether a formula refers to another workbook: `[1]Sheet1!A1` (Excel numbers external
    /// workbooks from 1) or `'C:\path\[Book.xlsx]Sheet1'!A1`. `[0]` is the workbook itself
    /// (Excel 2011 writes `[0]!Name` for its own names), and a table's column reference
    /// (`Table1[Column]`) follows a name, so neither is one.
    static func readsAnotherWorkbook(_ formula: String) -> Bool {
        var previous: Character = " "
        var index = formula.startIndex
        while index < formula.endIndex {
            let character = formula[index]
            if character == "[", !(previous.isLetter || previous.isNumber || previous == "_" || previous == "]"),
               let close = formula[index...].firstIndex(of: "]") {
                let inside = formula[formula.index(after: index)..<close]
                let numbered = !inside.isEmpty && inside.allSatisfy(\.isASCIIDigit) && inside.contains { $0 != "0" }
                if numbered || inside.lowercased().contains(".xl") {
                    return true
                }
            }
            previous = character
            index = formula.index(after: index)
        }
        return false
    }
}

/// Rows waiting to be asked for, first in first out.
struct RowQueue {
    private var rows: [SheetRow] = []
    private var head = 0

    var isEmpty: Bool { head == rows.count }

    mutating func append(_ row: SheetRow) {
        rows.append(row)
    }

    mutating func popFirst() -> SheetRow? {
        guard head < rows.count else { return nil }
        let row = rows[head]
        head += 1
        if head == rows.count {
            rows.removeAll(keepingCapacity: true)
            head = 0
        }
        return row
    }
}
