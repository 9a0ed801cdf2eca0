import Foundation
import WuyouWords
import WuyouCore
import WuyouLedger

/// The single-survey HTML gap report rendered from the `report` mustache template: for
/// `wuyou check --html` one self-contained page (inline CSS, no scripts, no remote loads); in
/// an audit site a page that links the site's shared `style.css`.
///
/// The templates are loaded once, so one renderer serves any number of reports; rendering
/// is deterministic (the same report gives the same bytes).
public struct HTMLReportRenderer: SurveyReportRenderer {
    public let language: ReportLanguage
    /// The wuyou version named in the footer.
    public let toolVersion: String
    private let templates: TemplateLibrary

    /// - Parameters:
    ///   - language: The language of every label.
    ///   - templateDirectory: A folder whose `*.mustache` files replace the built-in ones.
    ///   - toolVersion: The version printed in the footer.
    /// - Throws: ``Diagnostics`` when the folder or one of its templates is unusable.
    public init(language: ReportLanguage, templateDirectory: String?, toolVersion: String = WuyouVersion.current) throws(Diagnostics) {
        self.language = language
        self.toolVersion = toolVersion
        templates = try TemplateLibrary(overridesIn: templateDirectory)
    }

    /// A renderer sharing an already loaded library (an audit loads it once for every page).
    public init(language: ReportLanguage, templates: TemplateLibrary, toolVersion: String) {
        self.language = language
        self.toolVersion = toolVersion
        self.templates = templates
    }

    /// The report page of a single `wuyou check`: no link back to an index.
    public func render(_ report: SurveyReport) -> String {
        render(report, surveyFileName: nil, indexHref: nil)
    }

    /// The report page of a single `wuyou check --ledger`.
    public func render(_ report: SurveyReport, ledger: LedgerJudgement?) -> String {
        String(decoding: renderBytes(report, surveyFileName: nil, indexHref: nil, ledger: ledger), as: UTF8.self)
    }

    /// Renders the report page.
    ///
    /// - Parameters:
    ///   - report: The evaluated survey.
    ///   - surveyFileName: The survey file named in the footer (its last path component);
    ///     the survey's own path by default.
    ///   - indexHref: A link back to the batch index, for the pages of an audit site.
    /// - Returns: The HTML document.
    public func render(_ report: SurveyReport, surveyFileName: String?, indexHref: String?) -> String {
        String(decoding: renderBytes(report, surveyFileName: surveyFileName, indexHref: indexHref), as: UTF8.self)
    }

    /// The page as UTF-8 bytes, ready to write.
    ///
    /// - Parameters:
    ///   - stylesheetHref: The site's shared stylesheet; nil inlines the style.
    ///   - since: The centre against its previous survey, for the 较上次 section.
    ///   - ledger: What the ledger says about the survey (`--ledger`).
    public func renderBytes(
        _ report: SurveyReport, surveyFileName: String?, indexHref: String?, stylesheetHref: String? = nil,
        since: BaselineComparison.CentreChange? = nil, ledger: LedgerJudgement? = nil
    ) -> [UInt8] {
        let model = ReportViewModel(
            report: report, language: language, toolVersion: toolVersion,
            surveyFileName: surveyFileName, indexHref: indexHref, stylesheetHref: stylesheetHref, since: since,
            ledger: ledger)
        return templates.report.render(model) + Self.markLine
    }

    /// The mark every report ends with, after `</html>`: `wuyou check --html` replaces an
    /// existing file only when it is empty or ends with this mark, so a survey or any other
    /// file given by a slip of the hand is never overwritten. It holds no words a reader sees.
    public static let mark = "<!-- wuyou-report -->"

    private static let markLine = Array((mark + "\n").utf8)
}
