import Foundation
import WuyouCore
import WuyouXML

/// Reads the worksheets of an `.xlsx` file (Office Open XML, as Excel, WPS and LibreOffice
/// save it) into rows of cell values.
///
/// The zip is read from memory under ``WorkbookLimits``; the small XML parts go through
/// `ParsedDocument` and the sheets and shared strings through `XMLStreamParser` as they
/// inflate, both of which refuse DTDs and never fetch anything. Relationships that point
/// outside the file are refused, and formulas are never evaluated: a formula cell gives the
/// value Excel cached when it last calculated, and one that reads another workbook is flagged.
public enum XLSXReader {
    /// What an `.xlsx` file holds.
    public struct Contents: Sendable {
        /// The sheets that were asked for, in the workbook's order.
        public var sheets: [WorkbookSheet]
        /// The names of the other sheets, which were not read: those not asked for, and those
        /// that are not worksheets (chartsheets).
        public var otherSheetNames: [String]
    }

    /// The sheets of an `.xlsx` file, to be read as they inflate.
    public struct Sheets {
        /// The sheets that were asked for, in the workbook's order.
        public var sheets: [SheetSource]
        /// The names of the other sheets, which are not read.
        public var otherSheetNames: [String]
    }

    /// Reads the sheets of the workbook in `bytes` into memory.
    ///
    /// - Parameters:
    ///   - bytes: The file's bytes.
    ///   - path: The file's name in diagnostics.
    ///   - limits: How much the file may inflate to.
    ///   - wanted: Which sheets to read, by name; the others are only listed.
    /// - Throws: ``Diagnostics`` when the file is not a readable workbook; for a cell no
    ///   spreadsheet program writes, one diagnostic at that cell.
    public static func read(
        bytes: [UInt8], path: String, limits: WorkbookLimits = .standard, wanted: (String) -> Bool = { _ in true }
    ) throws(Diagnostics) -> Contents {
        let opened = try open(bytes: bytes, path: path, limits: limits, wanted: wanted)
        var sheets: [WorkbookSheet] = []
        for sheet in opened.sheets {
            sheets.append(WorkbookSheet(file: sheet.file, name: sheet.name, rows: try sheet.allRows(), dateSystem: sheet.dateSystem))
        }
        return Contents(sheets: sheets, otherSheetNames: opened.otherSheetNames)
    }

    /// Opens the workbook in `bytes`: its sheets are read when asked, as they inflate, as often
    /// as asked. The package's small parts (the workbook, its relationships, the styles) and the
    /// shared strings are read now.
    ///
    /// - Throws: ``Diagnostics`` when the file is not a readable workbook; a sheet that turns
    ///   out to be damaged throws when it is read.
    public static func open(
        bytes: [UInt8], path: String, limits: WorkbookLimits = .standard, wanted: (String) -> Bool = { _ in true }
    ) throws(Diagnostics) -> Sheets {
        let package = try OOXMLPackage(archive: WorkbookArchive(bytes: bytes, path: path, limits: limits))
        let workbookPart = try package.officeDocument()
        guard let workbook = try package.document(workbookPart) else {
            throw Diagnostics(Diagnostic(.workbookPartMissing, at: Diagnostic.Location(file: path), ["part": .text(workbookPart)]))
        }
        let relationships = try package.relationships(of: workbookPart)
        let date1904 = workbook.root.element("workbookPr")?.attribute("date1904").map { $0 == "1" || $0 == "true" } ?? false
        let dateSystem: DateSystem = date1904 ? .from1904 : .from1900

        var result = Sheets(sheets: [], otherSheetNames: [])
        var shared: (strings: SharedStrings, styles: CellStyles)?
        for sheet in workbook.root.element("sheets")?.elements("sheet") ?? [] {
            let name = sheet.attribute("name") ?? ""
            let target = sheet.relationshipID.flatMap { relationships[$0] }
            // A chartsheet (or a dialog or macro sheet) holds no cells: it is listed, never read.
            guard wanted(name), target?.isOfType("worksheet") ?? true else {
                result.otherSheetNames.append(name)
                continue
            }
            guard let target else { throw package.missing("\(workbookPart) → \(name)") }
            guard package.archive.contains(target.path) else { throw package.missing(target.path) }
            if shared == nil {
                shared = (try package.sharedStrings(relationships.values.first { $0.isOfType("sharedStrings") }),
                          try package.styles(relationships.values.first { $0.isOfType("styles") }))
            }
            let (strings, styles) = shared ?? (.empty, .empty)
            result.sheets.append(SheetSource(file: path, name: name, dateSystem: dateSystem) { () throws(Diagnostics) in
                guard let part = try package.archive.inflater(target.path) else { throw package.missing(target.path) }
                return PrefetchingRowReader(
                    WorksheetReader(part: part, name: target.path, sheetName: name, package: package, sharedStrings: strings, styles: styles))
            })
        }
        return result
    }
}
