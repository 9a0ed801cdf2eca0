import WuyouCore

/// The outputs `wuyou check` prints on stdout, each with its renderer.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Compiler-style lines (``TextReportRenderer``).
    case text
    /// The `wuyou-report/1` document (``JSONReportRenderer``).
    case json

    /// The renderer that writes this format in `language`.
    public func renderer(language: ReportLanguage) -> any SurveyReportRenderer {
        switch self {
        case .text: TextReportRenderer(language: language)
        case .json: JSONReportRenderer(language: language)
        }
    }
}
