import Foundation
import ZIPFoundation

/// Writes an ``XLSXDocument`` as an `.xlsx` file that Excel, WPS and LibreOffice open.
///
/// The parts are written here as text (content types, relationships, workbook, styles, shared
/// strings, one part per sheet) and zipped with ZIPFoundation in memory. The same document
/// always gives the same bytes: every zip entry carries the same fixed time (1980-01-01, the
/// earliest a zip can hold) and no part holds a date or a user name.
public enum XLSXWriter {
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    /// The `.xlsx` bytes of `document`.
    public static func bytes(_ document: XLSXDocument) throws -> [UInt8] {
        var strings = SharedStringTable()
        let sheets = document.sheets.map { sheetXML($0, dateSystem: document.dateSystem, strings: &strings) }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbookXML(document)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", XLSXStyles.xml),
            ("xl/sharedStrings.xml", strings.xml),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet))
        }
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                permissions: 0o644, compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
            }
        }
        return Array(archive.data ?? Data())
    }

    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    private static func contentTypes(sheetCount: Int) -> String {
        let office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        var text = declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        text += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        text += #"<Default Extension="xml" ContentType="application/xml"/>"#
        text += #"<Override PartName="/xl/workbook.xml" ContentType="\#(office).sheet.main+xml"/>"#
        for index in 0..<sheetCount {
            text += #"<Override PartName="/xl/worksheets/sheet\#(index + 1).xml" ContentType="\#(office).worksheet+xml"/>"#
        }
        text += #"<Override PartName="/xl/styles.xml" ContentType="\#(office).styles+xml"/>"#
        text += #"<Override PartName="/xl/sharedStrings.xml" ContentType="\#(office).sharedStrings+xml"/>"#
        return text + "</Types>"
    }

    private static let rootRelationships = declaration + #"<Relationships xmlns="\#(packageRelationships)">"#
        + #"<Relationship Id="rId1" Type="\#(relationshipNamespace)/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    private static func workbookRelationships(sheetCount: Int) -> String {
        var text = declaration + #"<Relationships xmlns="\#(packageRelationships)">"#
        for index in 0..<sheetCount {
            text += #"<Relationship Id="rId\#(index + 1)" Type="\#(relationshipNamespace)/worksheet" Target="worksheets/sheet\#(index + 1).xml"/>"#
        }
        text += #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(relationshipNamespace)/styles" Target="styles.xml"/>"#
        text += #"<Relationship Id="rId\#(sheetCount + 2)" Type="\#(relationshipNamespace)/sharedStrings" Target="sharedStrings.xml"/>"#
        return text + "</Relationships>"
    }

    private static func workbookXML(_ document: XLSXDocument) -> String {
        var text = declaration + #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
        text += document.dateSystem == .from1904 ? #"<workbookPr date1904="1"/>"# : "<workbookPr/>"
        text += #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (index, sheet) in document.sheets.enumerated() {
            text += #"<sheet name="\#(escaped(sheet.name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        return text + "</sheets></workbook>"
    }

    private static func sheetXML(_ sheet: XLSXDocument.Sheet, dateSystem: DateSystem, strings: inout SharedStringTable) -> String {
        var text = declaration + #"<worksheet xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
        if sheet.printsToPageWidth { text += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"# }
        let width = max(1, sheet.columns.count, sheet.rows.map(\.count).max() ?? 0)
        text += #"<dimension ref="A1:\#(CellReference.name(column: width, row: max(1, sheet.rows.count)))"/>"#
        text += "<sheetViews><sheetView workbookViewId=\"0\">"
        if sheet.freezesHeader {
            text += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            text += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#
        }
        text += "</sheetView></sheetViews>"
        text += #"<sheetFormatPr defaultRowHeight="15"/>"#
        if !sheet.columns.isEmpty {
            text += "<cols>"
            for (index, column) in sheet.columns.enumerated() {
                text += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(column.width)" style="\#(column.style.rawValue)" customWidth="1"/>"#
            }
            text += "</cols>"
        }
        text += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() where row.contains(where: { $0 != nil }) {
            text += #"<row r="\#(rowIndex + 1)">"#
            for (columnIndex, cell) in row.enumerated() {
                guard let cell else { continue }
                text += cellXML(cell, reference: CellReference.name(column: columnIndex + 1, row: rowIndex + 1),
                                dateSystem: dateSystem, strings: &strings)
            }
            text += "</row>"
        }
        text += "</sheetData>"
        if !sheet.validations.isEmpty {
            text += #"<dataValidations count="\#(sheet.validations.count)">"#
            for validation in sheet.validations {
                text += validationXML(validation)
            }
            text += "</dataValidations>"
        }
        text += #"<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
        text += sheet.printsToPageWidth
            ? #"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#
            : #"<pageSetup paperSize="9" orientation="landscape"/>"#
        return text + "</worksheet>"
    }

    private static func cellXML(_ cell: XLSXDocument.Cell, reference: String, dateSystem: DateSystem,
                                strings: inout SharedStringTable) -> String {
        switch cell {
        case .text(let value, let style):
            return #"<c r="\#(reference)" s="\#(style.rawValue)" t="s"><v>\#(strings.index(of: value))</v></c>"#
        case .inlineText(let value, let style):
            return #"<c r="\#(reference)" s="\#(style.rawValue)" t="inlineStr"><is><t xml:space="preserve">\#(escapedText(value))</t></is></c>"#
        case .number(let value, let style):
            return #"<c r="\#(reference)" s="\#(style.rawValue)"><v>\#(value)</v></c>"#
        case .boolean(let value):
            return #"<c r="\#(reference)" t="b"><v>\#(value ? 1 : 0)</v></c>"#
        case .date(let day):
            return #"<c r="\#(reference)" s="\#(XLSXDocument.Style.date.rawValue)"><v>\#(dateSystem.serial(of: day))</v></c>"#
        }
    }

    private static func validationXML(_ validation: XLSXDocument.Validation) -> String {
        var attributes = #"allowBlank="1" showInputMessage="1""#
        var formula = ""
        if let list = validation.list {
            // A warning, not a stop: the other boolean words (有, Y…) and free room names are valid too.
            attributes = #"type="list" errorStyle="warning" "# + attributes
                + #" showErrorMessage="1" errorTitle="不在列表中" error="该值不在下拉列表中，请核对；确认无误可以保留。""#
            switch list {
            case .items(let items): formula = "<formula1>\(escaped("\"" + items.joined(separator: ",") + "\""))</formula1>"
            case .formula(let text): formula = "<formula1>\(escaped(text))</formula1>"
            }
        }
        attributes += #" promptTitle="\#(escaped(validation.promptTitle))" prompt="\#(escaped(validation.prompt))""#
        return #"<dataValidation \#(attributes) sqref="\#(validation.range)">\#(formula)</dataValidation>"#
    }

    static func escaped(_ text: String) -> String {
        escapedText(text).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "\n", with: "&#10;")
    }

    /// Cell text for element content: OOXML escapes for what XML cannot hold, then XML escapes.
    static func escapedText(_ text: String) -> String {
        OOXMLText.escaped(text).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
