import WuyouWords
import WuyouCore
import WuyouLedger
import WuyouMustache

/// The pages an audit site has besides each survey's report: the index, the all-centres page,
/// a page per sub-district and the shared stylesheet.
///
/// Whoever publishes the site names the survey pages and writes the files; this only renders.
public struct AuditSitePages: Sendable {
    /// One page: where it goes, relative to the site's root, and how to render it in pieces.
    public struct Page: Sendable {
        public let path: String
        /// Renders the page, handing each piece to `drain`, which writes and empties it.
        public let render: @Sendable (_ drain: @escaping (inout [UInt8]) -> Void) -> Void
    }

    private let context: AuditPageContext
    private let templates: TemplateLibrary

    /// - Parameters:
    ///   - surveyPageNames: Each survey's page in `surveys/`, without `.html`, by its position
    ///     in `summary.surveys`.
    ///   - formats: What the site holds besides pages (the index links `audit.csv`, `audit.json`
    ///     and `ledger.xlsx`).
    ///   - ledger: What the ledger came to (`--ledger`): the pages then show waivers and commitments.
    public init(
        summary: AuditSummary, comparison: BaselineComparison?, language: ReportLanguage, toolVersion: String,
        formats: Set<SiteFormat>, surveyPageNames: [String], templates: TemplateLibrary, ledger: LedgerOverview? = nil
    ) {
        context = AuditPageContext(
            summary: summary, comparison: comparison, language: language, toolVersion: toolVersion,
            formats: formats, surveyPageNames: surveyPageNames, ledger: ledger)
        self.templates = templates
    }

    /// The folders the pages go in, relative to the site's root.
    public static let folders = ["subdistricts"]

    /// Every page, in the order they are best written.
    public var pages: [Page] {
        let context = context
        let templates = templates
        // Grouped and ordered once for the all-centres page and the sub-district pages.
        let subdistricts = context.summary.subdistrictGroups.map { group in
            (name: group.name, indices: context.worstFirst(group.indices))
        }
        var pages = [
            Page(path: "index.html") { drain in templates.index.render(IndexPage(context), writingTo: drain) },
            Page(path: "style.css") { drain in templates.stylesheet.render(StyleSheet(), writingTo: drain) },
            Page(path: "centres.html") { drain in
                templates.centres.render(CentresPage(context, subdistricts: subdistricts), writingTo: drain)
            },
        ]
        for group in subdistricts {
            pages.append(Page(path: context.subdistrictPath(group.name)) { drain in
                templates.subdistrict.render(SubdistrictPage(context, name: group.name, indices: group.indices), writingTo: drain)
            })
        }
        return pages
    }
}
