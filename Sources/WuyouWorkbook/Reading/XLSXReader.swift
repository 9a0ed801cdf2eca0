import Foundation
import WuyouCore
import WuyouXML

/// Reads the worksheets of an `.xlsx` file (Office Open XML, as Excel, WPS and LibreOffice
/// save it) into rows of cell values.
///
/// The zip is read from memory under ``WorkbookLimits``; every XML part goes through
/// `ParsedDocument`, which refuses DTDs and never fetches anything. Relationships that point
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

    /// Reads the sheets of the workbook in `bytes`.
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
        let package = try OOXMLPackage(archive: WorkbookArchive(bytes: bytes, path: path, limits: limits))
        let workbookPart = try package.officeDocument()
        guard let workbook = try package.document(workbookPart) else {
            throw Diagnostics(Diagnostic(.workbookPartMissing, at: Diagnostic.Location(file: path), ["part": .text(workbookPart)]))
        }
        let relationships = try package.relationships(of: workbookPart)
        let date1904 = workbook.root.element("workbookPr")?.attribute("date1904").map { $0 == "1" || $0 == "true" } ?? false
        let dateSystem: DateSystem = date1904 ? .from1904 : .from1900

        var contents = Contents(sheets: [], otherSheetNames: [])
        var sharedStrings: [String]?
        var styles: CellStyles?
        for sheet in workbook.root.element("sheets")?.elements("sheet") ?? [] {
            let name = sheet.attribute("name") ?? ""
            let target = sheet.relationshipID.flatMap { relationships[$0] }
            // A chartsheet (or a dialog or macro sheet) holds no cells: it is listed, never read.
            guard wanted(name), target?.isOfType("worksheet") ?? true else {
                contents.otherSheetNames.append(name)
                continue
            }
            guard let target else { throw package.missing("\(workbookPart) → \(name)") }
            if sharedStrings == nil {
                sharedStrings = try package.sharedStrings(relationships.values.first { $0.isOfType("sharedStrings") })
                styles = try package.styles(relationships.values.first { $0.isOfType("styles") })
            }
            guard let document = try package.document(target.path) else { throw package.missing(target.path) }
            guard document.root.name == "worksheet" else {
                throw Diagnostics(Diagnostic(.workbookPartNotWorksheet, at: Diagnostic.Location(file: path), [
                    "part": .text(target.path), "element": .quoted(document.root.name),
                ]))
            }
            let reader = WorksheetReader(sharedStrings: sharedStrings ?? [], styles: styles ?? .empty)
            let rows: [SheetRow]
            do {
                rows = try reader.rows(of: document.root)
            } catch {
                throw Diagnostics(Diagnostic(
                    error.problem.code, at: Diagnostic.Location(file: path, cell: "\(name)!\(error.reference)"), error.problem.arguments))
            }
            contents.sheets.append(WorkbookSheet(file: path, name: name, rows: rows, dateSystem: dateSystem))
        }
        return contents
    }
}
