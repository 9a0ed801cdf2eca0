import Foundation
import Testing
import WuyouCore
@testable import WuyouReports

/// Paths and loaders shared by the HTML report tests.
enum HTMLFixtures {
    /// The package root, found from this file's path (Tests/WuyouReportsTests/…).
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let goldenFolder = root.appendingPathComponent("Tests/WuyouReportsTests/Golden")
    static let templateFolder = root.appendingPathComponent("Sources/WuyouReports/HTML/Templates")

    static let checklist: Checklist = {
        do {
            return try ChecklistReader.load(idOrPath: "laohekou-2023")
        } catch {
            fatalError("the bundled checklist does not load: \(error)")
        }
    }()

    /// Evaluates `examples/<name>.xml` against the bundled checklist.
    static func example(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> SurveyReport {
        let path = root.appendingPathComponent("examples/\(name).xml").path
        let loaded = try #require(try? SurveyLoader.load(path: path), "examples/\(name).xml does not load", sourceLocation: sourceLocation)
        return Evaluator(checklist: checklist).evaluate(loaded.survey, document: loaded.document)
    }

    /// Evaluates survey XML held in memory.
    static func survey(xml: String, path: String = "inline.xml", sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> SurveyReport {
        let loaded: SurveyLoader.Loaded
        do {
            loaded = try SurveyLoader.load(bytes: Array(xml.utf8), path: path)
        } catch {
            Issue.record("survey does not load: \(error)", sourceLocation: sourceLocation)
            throw error
        }
        return Evaluator(checklist: checklist).evaluate(loaded.survey, document: loaded.document)
    }

    /// The index page of an audit summary, as the site writes it.
    static func renderIndex(_ summary: AuditSummary, language: ReportLanguage = .zh) throws -> String {
        let library = try TemplateLibrary()
        return String(decoding: library.index.render(IndexPage(summary: summary, comparison: nil, language: language, toolVersion: "0.0.0-test")), as: UTF8.self)
    }

    static func render(_ report: SurveyReport, language: ReportLanguage, templates: String? = nil) throws -> String {
        try HTMLReportRenderer(language: language, templateDirectory: templates, toolVersion: "0.0.0-test").render(report)
    }
}

/// Compares `actual` with the golden file `name`, or records it when `WUYOU_RECORD_GOLDEN=1`.
///
/// On a mismatch the failure names the first differing line and writes the actual output
/// beside the golden file's name in the temporary folder, so `diff -u` shows the whole change.
func assertGolden(_ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let golden = HTMLFixtures.goldenFolder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["WUYOU_RECORD_GOLDEN"] == "1" {
        try FileManager.default.createDirectory(at: HTMLFixtures.goldenFolder, withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: golden)
        return
    }
    guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
        Issue.record(
            "no golden file \(golden.path); record it with WUYOU_RECORD_GOLDEN=1 swift test --filter WuyouReportsTests",
            sourceLocation: sourceLocation)
        return
    }
    guard actual != expected else { return }
    let actualFile = FileManager.default.temporaryDirectory.appendingPathComponent("actual-\(name)")
    try? Data(actual.utf8).write(to: actualFile)
    let actualLines = actual.components(separatedBy: "\n")
    let expectedLines = expected.components(separatedBy: "\n")
    let index = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(actualLines.count, expectedLines.count)
    func line(_ lines: [String]) -> String { index < lines.count ? lines[index] : "(end of file)" }
    Issue.record(
        """
        \(name) differs from its golden file at line \(index + 1):
          golden: \(line(expectedLines))
          actual: \(line(actualLines))
        see the whole change: diff -u \(golden.path) \(actualFile.path)
        if the change is intended, re-record: WUYOU_RECORD_GOLDEN=1 swift test --filter WuyouReportsTests
        """,
        sourceLocation: sourceLocation)
}
