import Foundation
import WuyouCore

/// Reads a survey workbook named on the command line: one `.xlsx` file, or a set of `.csv`
/// files, one per sheet, each named after its sheet (`surveys.csv`, `用房.csv`).
public enum WorkbookFiles {
    /// Whether `path` names a workbook by its extension (`.xlsx`, `.csv`, any case).
    public static func isWorkbook(_ path: String) -> Bool {
        isXLSX(path) || isCSV(path)
    }

    /// Whether `path` names an `.xlsx` workbook (any case).
    public static func isXLSX(_ path: String) -> Bool { path.lowercased().hasSuffix(".xlsx") }
    static func isCSV(_ path: String) -> Bool { path.lowercased().hasSuffix(".csv") }

    /// The sheets of the workbook in `paths`: one `.xlsx` file, or `.csv` files, read into memory.
    ///
    /// - Throws: ``Diagnostics`` when a file cannot be read or is not a workbook.
    public static func read(_ paths: [String], limits: WorkbookLimits = .standard) throws(Diagnostics) -> Workbook {
        let source = try open(paths, limits: limits)
        var sheets: [WorkbookSheet] = []
        for sheet in source.sheets {
            sheets.append(WorkbookSheet(file: sheet.file, name: sheet.name, rows: try sheet.allRows(), dateSystem: sheet.dateSystem))
        }
        return Workbook(sheets: sheets, displayName: source.displayName)
    }

    /// The sheets of the workbook in `paths`: one `.xlsx` file, or `.csv` files, each read when
    /// asked, a row at a time (an `.xlsx` file's sheets as they inflate).
    ///
    /// A CSV file whose name is not a sheet's is refused, and so nothing is imported: a
    /// misnamed `用房.csv` would otherwise leave every survey without its rooms.
    ///
    /// - Throws: ``Diagnostics`` when a file cannot be read or is not a workbook.
    public static func open(_ paths: [String], limits: WorkbookLimits = .standard) throws(Diagnostics) -> WorkbookSource {
        if paths.count == 1, let path = paths.first, isXLSX(path) {
            let bytes = try InputFile.bytes(at: path, byteLimit: limits.fileBytes)
            let contents = try XLSXReader.open(bytes: bytes, path: path, limits: limits) { name in
                SheetKind.named(name) != nil
            }
            let ignored = contents.otherSheetNames.map { WorkbookSheet(file: path, name: $0, rows: []).source }
            return WorkbookSource(sheets: contents.sheets + ignored, displayName: fileName(path))
        }
        var sheets: [SheetSource] = []
        var problems: [Diagnostic] = []
        for path in paths {
            guard isCSV(path) else {
                problems.append(Diagnostic(.workbookUnknownFileKind, at: Diagnostic.Location(file: path)))
                continue
            }
            let name = String(fileName(path).dropLast(4))
            guard SheetKind.named(name) != nil else {
                problems.append(Diagnostic(.workbookSheetUnknown, at: Diagnostic.Location(file: path), [
                    "sheet": .quoted(name),
                    "expected": .list(SheetKind.allCases.map { "\($0.rawValue).csv/\($0.chineseName).csv" }),
                ]))
                continue
            }
            do {
                let bytes = try InputFile.bytes(at: path, byteLimit: limits.fileBytes)
                sheets.append(try CSVReader.open(bytes: bytes, path: path, sheetName: name))
            } catch {
                problems += error.items
            }
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
        let surveys = sheets.first { SheetKind.named($0.name) == .surveys }
        return WorkbookSource(sheets: sheets, displayName: fileName(surveys?.file ?? paths.first ?? ""))
    }

    private static func fileName(_ path: String) -> String {
        URL(fileURLWithPath: path).lastPathComponent
    }
}
