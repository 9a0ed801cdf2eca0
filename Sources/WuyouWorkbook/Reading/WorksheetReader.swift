import Foundation
import WuyouXML

/// Turns a worksheet part (`<worksheet><sheetData><row><c>…`) into rows of cell values.
struct WorksheetReader {
    let sharedStrings: [String]
    let styles: CellStyles

    /// The sheet's non-empty rows; nil when the part is not a worksheet a spreadsheet program
    /// could have written (a cell beyond XFD1048576, a shared string that does not exist).
    func rows(of worksheet: SourceElement) -> [SheetRow]? {
        guard worksheet.name == "worksheet" else { return nil }
        var rows: [SheetRow] = []
        var previousRow = 0
        for rowElement in worksheet.element("sheetData")?.elements("row") ?? [] {
            // `r` may be left out, meaning "the next row"; so may a cell's, meaning "the next column".
            let number = rowElement.attribute("r").map { Int($0) ?? 0 } ?? previousRow + 1
            guard (1...CellReference.maximumRow).contains(number) else { return nil }
            previousRow = number
            var cells: [SheetCell] = []
            var column = 0
            for cell in rowElement.elements("c") {
                if let reference = cell.attribute("r") {
                    guard let parsed = CellReference.parse(reference) else { return nil }
                    column = parsed.column
                } else {
                    column += 1
                }
                guard column <= CellReference.maximumColumn else { return nil }
                guard let value = value(of: cell) else { return nil }
                if let value { cells.append(SheetCell(column: column, value: value)) }
            }
            if !cells.isEmpty { rows.append(SheetRow(number: number, cells: cells)) }
        }
        return rows
    }

    /// The value of a `<c>` element: `.some(nil)` for an empty cell, nil for a malformed one.
    private func value(of cell: SourceElement) -> CellValue?? {
        let stored = cell.element("v")?.text
        let formula = cell.element("f")
        if let formula, Self.readsAnotherWorkbook(formula.text) { return .some(.externalFormula) }
        switch cell.attribute("t") ?? "n" {
        case "inlineStr":
            guard let inline = cell.element("is") else { return .some(nil) }
            return .some(.text(OOXMLPackage.text(of: inline)))
        case "s":
            guard let stored else { return .some(nil) }
            guard let index = Int(stored.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index)
            else { return nil }
            return .some(.text(sharedStrings[index]))
        case "str":
            guard let stored else { return formula == nil ? .some(nil) : .some(.uncalculatedFormula) }
            return .some(.text(OOXMLText.unescaped(stored)))
        case "b":
            guard let stored else { return formula == nil ? .some(nil) : .some(.uncalculatedFormula) }
            switch stored.trimmingCharacters(in: .whitespaces) {
            case "1", "true": return .some(.boolean(true))
            case "0", "false": return .some(.boolean(false))
            default: return nil
            }
        case "e":
            return .some(.error(stored ?? "#VALUE!"))
        case "d":
            // ISO 8601 date cells (Strict OOXML, some converters): the day is the first 10 characters.
            guard let stored else { return .some(nil) }
            return .some(.text(String(stored.prefix(10))))
        case "n":
            guard let stored else { return formula == nil ? .some(nil) : .some(.uncalculatedFormula) }
            guard let number = StoredNumber.parse(stored) else { return nil }
            let style = cell.attribute("s").flatMap { Int($0) } ?? 0
            return .some(.number(number, isDate: styles.isDate(style: style)))
        default:
            return nil
        }
    }

    /// Whether a formula refers to another workbook: `[1]Sheet1!A1` (Excel numbers external
    /// workbooks) or `'C:\path\[Book.xlsx]Sheet1'!A1`. A table's column reference
    /// (`Table1[Column]`) follows a name, so it is not one.
    static func readsAnotherWorkbook(_ formula: String) -> Bool {
        var previous: Character = " "
        var index = formula.startIndex
        while index < formula.endIndex {
            let character = formula[index]
            if character == "[", !(previous.isLetter || previous.isNumber || previous == "_" || previous == "]"),
               let close = formula[index...].firstIndex(of: "]") {
                let inside = formula[formula.index(after: index)..<close]
                if !inside.isEmpty && inside.allSatisfy(\.isASCIIDigit) || inside.lowercased().contains(".xl") {
                    return true
                }
            }
            previous = character
            index = formula.index(after: index)
        }
        return false
    }
}
