import Foundation
import WuyouCore
import WuyouLedger
import WuyouReports
import WuyouWords

/// Everything one survey's task needs; shared read-only by all tasks.
struct SurveyJob: Sendable {
    /// What one survey added to the site.
    struct Output: Sendable {
        var outcome: AuditSummary.Outcome
        var page: PageNames.Placement?
        var fragment: JSONSpill.Range?
        /// Its lines of the ledger workbook, when the audit writes one.
        var items: [RectificationItem] = []
    }

    let evaluator: Evaluator
    /// Renders the survey's page; nil when the audit writes no HTML.
    let page: HTMLReportRenderer?
    /// Renders the survey's element of `audit.json`; nil when the audit writes no JSON.
    let json: AuditJSONRenderer?
    let names: PageNames
    /// The staging folder.
    let staging: String
    let strict: Bool
    let publicSite: Bool
    /// Each centre's latest survey in the baseline, for the pages' 较上次 section, and the
    /// checklist's requirement ids in the order of a survey's statuses (worked out once).
    let baseline: (latest: [CentreKey: BaselineAudit.Centre], requirementIDs: [String])?
    /// The audit's ledger (owners withheld on a public site).
    let ledger: Ledger?
    /// Whether to gather the survey's lines of the ledger workbook.
    let rectification: Bool
    /// The language of those lines.
    let language: ReportLanguage

    /// Loads and evaluates one survey, writes its page under its final name (or parks it, see
    /// ``PageNames``) and appends its JSON to `spill`.
    ///
    /// - Parameter index: The survey's position in path order (names a parked page).
    /// - Returns: The survey's summary or diagnostics, and where its outputs went.
    /// - Throws: ``Diagnostics`` when an output cannot be written (the whole audit stops).
    func run(_ source: SurveySource, index: Int, spill: JSONSpill?) throws(Diagnostics) -> Output {
        // The document is kept only for a checklist whose rules read it (XPath); otherwise the
        // survey is read in one pass that builds no tree.
        var report: SurveyReport
        do {
            if evaluator.readsDocuments {
                let loaded = try source.load()
                report = evaluator.evaluate(publicSite ? loaded.survey.redactedForPublication() : loaded.survey, document: loaded.document)
            } else {
                let survey = try source.loadSurvey()
                report = evaluator.evaluate(publicSite ? survey.redactedForPublication() : survey)
            }
        } catch {
            return Output(outcome: .failed(UnusedSurvey(path: source.path, identity: source.readIdentity(), diagnostics: error.items)))
        }
        report.warnings.insert(contentsOf: source.warnings, at: report.warnings.first?.code == .surveyDraft ? 1 : 0)
        let judgement = ledger.map { LedgerJudgement(report: report, ledger: $0) }
        var audited = AuditedSurvey(report: report, strict: strict)
        if let judgement { audited = audited.applying(judgement, strict: strict) }
        var output = Output(outcome: .audited(audited))
        if let page {
            let since = baseline.map {
                BaselineComparison.change(for: audited, requirementIDs: $0.requirementIDs, latest: $0.latest)
            }
            let bytes = page.renderBytes(
                report, surveyFileName: nil, indexHref: "../index.html", stylesheetHref: "../style.css", since: since,
                ledger: judgement)
            let stem = SurveyFileName.stem(forSurveyID: audited.id)
            if names.claim(stem) {
                try SiteFile.write(bytes, to: "\(staging)/surveys/\(stem).html")
                output.page = .named(stem)
            } else {
                try SiteFile.write(bytes, to: "\(staging)/.parts/\(index).html")
                output.page = .parked(index)
            }
        }
        if let json, let spill {
            output.fragment = try spill.append { sink in json.writeReportElement(report, ledger: judgement, to: &sink) }
        }
        if rectification {
            output.items = RectificationItems.items(report: report, ledger: ledger, judgement: judgement, language: language)
        }
        return output
    }
}
