import Foundation
import WuyouCore

/// Everything one survey's task needs; shared read-only by all tasks.
struct SurveyJob: Sendable {
    /// One file each survey adds to the site, written to `<parts>/<index>.<partExtension>`.
    struct Output: Sendable {
        var partExtension: String
        var render: @Sendable (SurveyReport) -> String
    }

    let evaluator: Evaluator
    /// Every per-survey output of the site, in one place (see ``SiteBuilder``).
    let outputs: [Output]
    /// The staging folder's `.parts`, where each task writes its outputs.
    let parts: String
    let strict: Bool
    let publicSite: Bool

    static func partPath(_ parts: String, _ index: Int, _ ext: String) -> String {
        "\(parts)/\(index).\(ext)"
    }

    /// Loads, evaluates and writes one survey's outputs.
    ///
    /// - Returns: The survey's summary, or its diagnostics when it cannot be used.
    /// - Throws: ``Diagnostics`` when a part cannot be written (the whole audit stops).
    func run(_ source: SurveySource, index: Int) throws(Diagnostics) -> AuditSummary.Outcome {
        let loaded: SurveyLoader.Loaded
        do {
            loaded = try source.load()
        } catch {
            return .failed(path: source.path, diagnostics: error.items)
        }
        let survey = publicSite ? loaded.survey.redactedForPublication() : loaded.survey
        let report = evaluator.evaluate(survey, document: loaded.document)
        for output in outputs {
            try SiteFile.write(output.render(report), to: Self.partPath(parts, index, output.partExtension))
        }
        return .audited(AuditedSurvey(report: report, strict: strict))
    }
}
