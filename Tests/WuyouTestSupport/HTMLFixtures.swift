import Foundation
import WuyouWords
import Testing
import WuyouCore
import WuyouReports

/// Paths and loaders shared by the HTML report tests.
public enum HTMLFixtures {
    /// The package root, found from this file's path (Tests/WuyouTestSupport/…).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()


    public static let checklist: Checklist = {
        do {
            return try ChecklistReader.load(idOrPath: "laohekou-2023")
        } catch {
            fatalError("the bundled checklist does not load: \(error)")
        }
    }()

    /// Evaluates `examples/<name>.xml` against the bundled checklist.
    public static func example(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> SurveyReport {
        let path = root.appendingPathComponent("examples/\(name).xml").path
        let loaded = try #require(try? SurveyLoader.load(path: path), "examples/\(name).xml does not load", sourceLocation: sourceLocation)
        return Evaluator(checklist: checklist).evaluate(loaded.survey, document: loaded.document)
    }

    /// Evaluates survey XML held in memory.
    public static func survey(xml: String, path: String = "inline.xml", sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> SurveyReport {
        let loaded: SurveyLoader.Loaded
        do {
            loaded = try SurveyLoader.load(bytes: Array(xml.utf8), path: path)
        } catch {
            Issue.record("survey does not load: \(error)", sourceLocation: sourceLocation)
            throw error
        }
        return Evaluator(checklist: checklist).evaluate(loaded.survey, document: loaded.document)
    }

    /// The index page of an audit summary, as the site writes it (survey pages named after their ids).
    public static func renderIndex(_ summary: AuditSummary, language: ReportLanguage = .zh) throws -> String {
        let pages = AuditSitePages(
            summary: summary, comparison: nil, language: language, toolVersion: "0.0.0-test", formats: Set(SiteFormat.allCases),
            surveyPageNames: summary.surveys.map { SurveyFileName.stem(forSurveyID: $0.id) }, templates: try TemplateLibrary())
        var bytes: [UInt8] = []
        pages.pages.first { $0.path == "index.html" }?.render { bytes += $0; $0.removeAll() }
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func render(_ report: SurveyReport, language: ReportLanguage, templates: String? = nil) throws -> String {
        try HTMLReportRenderer(language: language, templateDirectory: templates, toolVersion: "0.0.0-test").render(report)
    }
}
