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
        let source = try open(bytes: bytes, path: path, sheetName: sheetName)
        return WorkbookSheet(file: path, name: sheetName, rows: try source.allRows())
    }

    /// The CSV file in `bytes` as the sheet `name`, its rows read when asked, one at a time.
    ///
    /// - Throws: ``Diagnostics`` when the bytes are neither UTF-8 nor GB18030; a quote that is
    ///   not closed throws when the rows are read.
    public static func open(bytes: [UInt8], path: String, sheetName: String) throws(Diagnostics) -> SheetSource {
        guard let text = CSVText.decode(bytes) else {
            throw Diagnostics(Diagnostic(.workbookCSVEncoding, at: Diagnostic.Location(file: path)))
        }
        let utf8 = Array(text.utf8)
        return SheetSource(file: path, name: sheetName) { CSVRowReader(utf8: utf8, path: path, sheetName: sheetName) }
    }
}

/// The records of a CSV file's text, one at a time. Commas, quotes and line breaks are ASCII,
/// which never occurs inside a longer UTF-8 sequence, so the text is read by its bytes.
final class CSVRowReader: SheetRowReader {
    private let utf8: [UInt8]
    private let path: String
    private let sheetName: String
    private var index = 0
    private var record = 1

    init(utf8: [UInt8], path: String, sheetName: String) {
        self.utf8 = utf8
        self.path = path
        self.sheetName = sheetName
    }

    func next() throws(Diagnostics) -> SheetRow? {
        while index < utf8.count {
            let cells = try readRecord()
            defer { record += 1 }
            if !cells.isEmpty { return SheetRow(number: record, cells: cells) }
        }
        return nil
    }

    /// Reads one record and moves past its line break; its non-empty fields.
    private func readRecord() throws(Diagnostics) -> [SheetCell] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var cells: [SheetCell] = []
        var column = 1
        var field: [UInt8] = []
        var quoted = false
        var inQuotes = false
        var opened = 0
        func endField() {
            if !field.isEmpty { cells.append(SheetCell(column: column, value: .text(String(decoding: field, as: UTF8.self)))) }
            field.removeAll(keepingCapacity: true)
            quoted = false
            column += 1
        }
        while index < utf8.count {
            let byte = utf8[index]
            index += 1
            if inQuotes {
                if byte != quote {
                    field.append(byte)
                } else if index < utf8.count, utf8[index] == quote {
                    field.append(quote)
                    index += 1
                } else {
                    inQuotes = false
                }
                continue
            }
            switch byte {
            case quote where field.isEmpty && !quoted:
                inQuotes = true
                quoted = true
                opened = column
            case comma:
                endField()
            case cr, lf:
                if byte == cr, index < utf8.count, utf8[index] == lf { index += 1 }
                endField()
                return cells
            default:
                field.append(byte)
            }
        }
        if inQuotes {
            let cell = "\(sheetName)!\(CellReference.name(column: opened, row: record))"
            throw Diagnostics(Diagnostic(.workbookCSVUnterminatedQuote, at: Diagnostic.Location(file: path, cell: cell)))
        }
        endField()
        return cells
    }
}
