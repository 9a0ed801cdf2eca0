import Foundation
import WuyouCore

/// Everything one survey's task needs; shared read-only by all tasks.
struct SurveyJob: Sendable {
    let evaluator: Evaluator
    let page: HTMLReportRenderer
    let json: AuditJSONRenderer
    /// The staging folder's `.parts`, where each task writes `<index>.html` and `<index>.json`.
    let parts: String
    let strict: Bool
    let publicSite: Bool

    static func partPath(_ parts: String, _ index: Int, _ ext: String) -> String {
        "\(parts)/\(index).\(ext)"
    }

    /// Loads, evaluates and writes one survey's page and JSON fragment.
    ///
    /// - Returns: The survey's summary, or its diagnostics when it cannot be used.
    /// - Throws: ``SiteBuilder/BuildError`` when a part cannot be written (the whole audit stops).
    func run(path: String, index: Int) throws -> AuditSummary.Outcome {
        let loaded: SurveyLoader.Loaded
        do {
            loaded = try SurveyLoader.load(path: path)
        } catch {
            return .failed(path: path, diagnostics: error.items)
        }
        let survey = publicSite ? loaded.survey.redactedForPublication() : loaded.survey
        let report = evaluator.evaluate(survey, document: loaded.document)
        let html = Self.partPath(parts, index, "html")
        let fragment = Self.partPath(parts, index, "json")
        do {
            try SiteFile.write(page.render(report, indexHref: "../index.html"), to: html)
            try SiteFile.write(json.reportFragment(report), to: fragment)
        } catch {
            throw SiteBuilder.BuildError.cannotWrite(path: parts, reason: SiteBuilder.reason(error))
        }
        return .audited(AuditedSurvey(report: report, strict: strict))
    }
}
