import Foundation
import WuyouCore

/// Reads one CSV file as one sheet (RFC 4180): fields separated by commas, records by CRLF or
/// LF; a field in double quotes may hold commas, line breaks and `""` for a quote.
///
/// Row numbers count records, not lines, so `C12` is the cell a spreadsheet program shows when
/// it opens the file, even when an earlier cell spans lines. A quote inside an unquoted field
/// is kept as a character (hand-edited files have them); a quoted field that never closes is an
/// error, since it would swallow the rest of the file.
public enum CSVReader {
    /// Reads the CSV file in `bytes` as the sheet `name`.
    ///
    /// - Throws: ``Diagnostics`` when the bytes are neither UTF-8 nor GB18030, or a quote is not closed.
    public static func read(bytes: [UInt8], path: String, sheetName: String) throws(Diagnostics) -> WorkbookSheet {
        guard let text = CSVText.decode(bytes) else {
            throw Diagnostics(Diagnostic(.workbookCSVEncoding, at: Diagnostic.Location(file: path)))
        }
        var rows: [SheetRow] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var record = 1
        var recordStarted = false
        var inQuotes = false
        var fieldQuoted = false
        var quoteOpened = (column: 1, row: 1)

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            fieldQuoted = false
        }
        func endRecord() {
            endField()
            let cells = fields.enumerated().compactMap { index, text in
                text.isEmpty ? nil : SheetCell(column: index + 1, value: .text(text))
            }
            if !cells.isEmpty { rows.append(SheetRow(number: record, cells: cells)) }
            fields = []
            record += 1
            recordStarted = false
        }

        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            if inQuotes {
                if scalar != "\"" {
                    field.append(scalar)
                } else if next == "\"" {
                    field.append("\"")
                    next = scalars.next()
                } else {
                    inQuotes = false
                }
                continue
            }
            recordStarted = true
            switch scalar {
            case "\"" where field.isEmpty && !fieldQuoted:
                inQuotes = true
                fieldQuoted = true
                quoteOpened = (fields.count + 1, record)
            case ",":
                endField()
            case "\r", "\n":
                if scalar == "\r", next == "\n" { next = scalars.next() }
                endRecord()
            default:
                field.append(scalar)
            }
        }
        if inQuotes {
            let cell = "\(sheetName)!\(CellReference.name(column: quoteOpened.column, row: quoteOpened.row))"
            throw Diagnostics(Diagnostic(.workbookCSVUnterminatedQuote, at: Diagnostic.Location(file: path, cell: cell)))
        }
        if recordStarted { endRecord() }
        return WorkbookSheet(file: path, name: sheetName, rows: rows)
    }
}
