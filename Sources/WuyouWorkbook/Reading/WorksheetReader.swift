import Foundation
import WuyouCore
import WuyouXML

/// Turns a worksheet part (`<worksheet><sheetData><row><c>…`) into rows of cell values.
struct WorksheetReader {
    /// A cell no spreadsheet program writes (a type that does not exist, a shared string that is
    /// not there, a place beyond XFD1048576, a number that cannot be read): the file is damaged.
    struct Damage: Error {
        /// Where: the cell's reference as the file gives it (`XFE2`), or made from its place;
        /// a row as `5:5`.
        var reference: String
        var problem: CellProblem
    }

    let sharedStrings: [String]
    let styles: CellStyles

    /// The non-empty rows of a `<worksheet>`.
    ///
    /// - Throws: ``Damage`` for the first cell or row no spreadsheet program could have written.
    func rows(of worksheet: SourceElement) throws(Damage) -> [SheetRow] {
        var rows: [SheetRow] = []
        var previousRow = 0
        for rowElement in worksheet.element("sheetData")?.elements("row") ?? [] {
            // `r` may be left out, meaning "the next row"; so may a cell's, meaning "the next column".
            let written = rowElement.attribute("r")
            let number = written.map { Int($0.trimmingCharacters(in: .whitespaces)) ?? 0 } ?? previousRow + 1
            guard (1...CellReference.maximumRow).contains(number) else {
                let row = written.map { "\($0):\($0)" } ?? "\(number):\(number)"
                throw Damage(reference: row, problem: CellProblem(.workbookCellBadReference, ["value": .quoted(row)]))
            }
            previousRow = number
            var cells: [SheetCell] = []
            var column = 0
            for cell in rowElement.elements("c") {
                let reference = cell.attribute("r")
                if let reference {
                    column = CellReference.parse(reference)?.column ?? CellReference.maximumColumn + 1
                } else {
                    column += 1
                }
                let place = reference ?? CellReference.name(column: column, row: number)
                guard column <= CellReference.maximumColumn else {
                    throw Damage(reference: place, problem: CellProblem(.workbookCellBadReference, ["value": .quoted(place)]))
                }
                do {
                    if let value = try value(of: cell) { cells.append(SheetCell(column: column, value: value)) }
                } catch {
                    throw Damage(reference: place, problem: error)
                }
            }
            if !cells.isEmpty { rows.append(SheetRow(number: number, cells: cells)) }
        }
        return rows
    }

    /// The value of a `<c>` element; nil for an empty cell.
    ///
    /// A formula cell holds the value Excel cached when it last calculated. Without one (no
    /// `<v>`, or an empty `<v/>` as PhpSpreadsheet writes for a formula it did not calculate)
    /// the value is not known, and the cell says so: read as blank, a formula's result would
    /// silently go missing.
    private func value(of cell: SourceElement) throws(CellProblem) -> CellValue? {
        let stored = cell.element("v")?.text
        let cached = stored.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        let formula = cell.element("f")
        if let formula, Self.readsAnotherWorkbook(formula.text) { return .externalFormula }
        let uncalculated: CellValue? = formula == nil ? nil : .uncalculatedFormula
        let type = cell.attribute("t") ?? "n"
        switch type {
        case "inlineStr":
            guard let inline = cell.element("is") else { return nil }
            return .text(OOXMLPackage.text(of: inline))
        case "s":
            guard let cached else { return nil }
            guard let index = Int(cached.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                throw CellProblem(.workbookCellNoSharedString, ["value": .quoted(cached), "count": .count(sharedStrings.count)])
            }
            return .text(sharedStrings[index])
        case "str":
            // A text formula's result may be empty text, which shows as an empty cell.
            guard let stored else { return uncalculated }
            return .text(OOXMLText.unescaped(stored))
        case "b":
            guard let cached else { return uncalculated }
            switch cached.trimmingCharacters(in: .whitespaces) {
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
            return .text(cached.trimmingCharacters(in: .whitespaces))
        case "n":
            guard let cached else { return uncalculated }
            guard let number = StoredNumber.parse(cached) else {
                throw CellProblem(.workbookCellBadNumber, ["value": .quoted(cached)])
            }
            let style = cell.attribute("s").flatMap { Int($0) } ?? 0
            return .number(number, isDate: styles.isDate(style: style))
        default:
            throw CellProblem(.workbookCellUnknownType, ["value": .quoted(type)])
        }
    }

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
