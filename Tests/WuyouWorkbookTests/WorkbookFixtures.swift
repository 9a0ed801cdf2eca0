import Foundation
import WuyouWords
import Testing
import WuyouCore
import WuyouReports
import WuyouXML
@testable import WuyouWorkbook

/// Paths, the checklist, and workbook helpers shared by the workbook tests.
enum WorkbookFixtures {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = root.appendingPathComponent("Tests/WuyouWorkbookTests/Fixtures")

    static let checklist: Checklist = {
        do {
            return try ChecklistReader.load(idOrPath: "laohekou-2023")
        } catch {
            fatalError("the bundled checklist does not load: \(error)")
        }
    }()

    static let importer = WorkbookImporter(checklist: checklist)

    /// Imports the `.xlsx` bytes, as `wuyou import` would a file called `path`.
    static func importXLSX(_ bytes: [UInt8], path: String = "普查.xlsx") throws(Diagnostics) -> WorkbookImport {
        let contents = try XLSXReader.read(bytes: bytes, path: path) { SheetKind.named($0) != nil }
        let ignored = contents.otherSheetNames.map { WorkbookSheet(file: path, name: $0, rows: []) }
        return importer.importSurveys(from: Workbook(sheets: contents.sheets + ignored, displayName: path))
    }

    /// Imports the `.xlsx` bytes the way `wuyou import` does: two passes, each survey handed
    /// over as soon as its rows are read (``importXLSX(_:path:)`` reads in one pass when it can).
    static func importXLSXInTwoPasses(_ bytes: [UInt8], path: String = "普查.xlsx") throws(Diagnostics) -> WorkbookImport {
        let opened = try XLSXReader.open(bytes: bytes, path: path) { SheetKind.named($0) != nil }
        let ignored = opened.otherSheetNames.map { WorkbookSheet(file: path, name: $0, rows: []).source }
        var surveys: [ImportedSurvey] = []
        let report = importer.importSurveys(
            from: WorkbookSource(sheets: opened.sheets + ignored, displayName: path), writingXML: true) { surveys.append($0) }
        return WorkbookImport(surveys: surveys, diagnostics: report.diagnostics, surveyRows: report.surveyRows,
                              rejected: (report.rejected, report.otherDiagnostics))
    }

    /// Imports CSV files given as (file name, bytes).
    static func importCSV(_ files: [(String, [UInt8])]) throws(Diagnostics) -> WorkbookImport {
        var sheets: [WorkbookSheet] = []
        for (name, bytes) in files {
            sheets.append(try CSVReader.read(bytes: bytes, path: name, sheetName: String(name.dropLast(4))))
        }
        return importer.importSurveys(from: Workbook(sheets: sheets, displayName: files.first?.0 ?? ""))
    }

    /// The diagnostics as `wuyou import` prints them.
    static func lines(_ diagnostics: [Diagnostic], language: ReportLanguage = .zh) -> [String] {
        let text = DiagnosticText(language: language)
        return diagnostics.map(text.line(for:))
    }

    /// The `wuyou-report/1` JSON of a survey, parsed, without `path` and `line` (an imported
    /// survey has other lines and another path than the file it was exported from).
    static func findings(of bytes: [UInt8], path: String) throws -> NSDictionary {
        let loaded = try SurveyLoader.load(bytes: bytes, path: path)
        let report = Evaluator(checklist: checklist).evaluate(loaded.survey, document: loaded.document)
        let json = JSONReportRenderer(language: .zh).render(report)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        return try #require(stripped(object) as? NSDictionary)
    }

    private static func stripped(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any] {
            return dictionary.filter { $0.key != "path" && $0.key != "line" }.mapValues(stripped)
        }
        if let array = value as? [Any] { return array.map(stripped) }
        return value
    }

    /// A fresh, empty directory that `body` may fill; removed afterwards.
    static func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("wuyou-workbook-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory.path)
    }
}
