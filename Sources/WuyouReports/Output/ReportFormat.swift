import WuyouWords
import WuyouCore

/// The outputs `wuyou check` prints on stdout, each with its renderer.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Compiler-style lines (``TextReportRenderer``).
    case text
    /// The `wuyou-report/1` document (``JSONReportRenderer``).
    case json

    /// The renderer that writes this format in `language`; `colour` asks text for ANSI colours.
    public func renderer(language: ReportLanguage, colour: Bool = false) -> any SurveyReportRenderer {
        switch self {
        case .text: TextReportRenderer(language: language, colour: colour)
        case .json: JSONReportRenderer(language: language)
        }
    }
}
