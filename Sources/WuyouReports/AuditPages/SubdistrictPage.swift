import Foundation
import WuyouCore
import WuyouMustache

/// The view model of `subdistrict.mustache`: one sub-district's figures, charts and centres.
struct SubdistrictPage: TemplateModel, Sendable {
    var lang: String
    var pageTitle: String
    var checklistTitle: String
    var name: String
    var subtitle: String
    var passRateText: String
    var passSentence: String
    var figures: [IndexPage.Figure]
    var distributionChart: IndexBarChart
    var complianceChart: IndexBarChart
    var centresNote: String
    var centres: [CentreRow]
    var hasBaseline: Bool
    var provenance: Provenance
    var labels: AuditLabels
    /// Open and overdue commitments and waivers in the sub-district; empty without a ledger.
    var ledgerSentence = ""
    var ledgerLabels: LedgerLabels

    static let templateFields = TemplateFields<Self>([
        .text("lang") { $0.lang },
        .text("stylesheetHref") { _ in "../style.css" },
        .text("indexHref") { _ in "../index.html" },
        .text("allCentresHref") { _ in "../centres.html" },
        .text("pageTitle") { $0.pageTitle },
        .text("checklistTitle") { $0.checklistTitle },
        .text("name") { $0.name },
        .text("subtitle") { $0.subtitle },
        .text("passRateText") { $0.passRateText },
        .text("passSentence") { $0.passSentence },
        .list("figures") { $0.figures },
        .object("distributionChart") { $0.distributionChart },
        .object("complianceChart") { $0.complianceChart },
        .text("centresNote") { $0.centresNote },
        .list("centres") { $0.centres },
        .flag("hasBaseline") { $0.hasBaseline },
        .object("provenance") { $0.provenance },
        .object("labels") { $0.labels },
        .flag("hasLedger") { !$0.ledgerSentence.isEmpty },
        .text("ledgerSentence") { $0.ledgerSentence },
        .object("ledgerLabels") { $0.ledgerLabels },
    ])

    /// - Parameters:
    ///   - name: The sub-district, nil for the surveys that name none.
    ///   - indices: Its surveys' positions in `context.summary.surveys`, worst first.
    init(_ context: AuditPageContext, name: String?, indices: [Int]) {
        let text = context.text
        let language = context.language
        let summary = context.summary
        // One copy of the sub-district's surveys, its summary's own.
        var collector = AuditSummary.Collector(checklist: summary.checklist, strict: summary.strict)
        collector.reserveCapacity(indices.count)
        for index in indices { collector.add(.audited(summary.surveys[index])) }
        let own = collector.summary
        let surveys = own.surveys
        labels = AuditLabels(language: language)
        ledgerLabels = LedgerLabels(language: language)
        ledgerSentence = context.ledgerSentence(indices)
        lang = text.htmlLang
        self.name = name ?? text.noSubdistrict()
        pageTitle = "\(self.name) · \(labels[.title])"
        checklistTitle = summary.checklist.title.text(language.rawValue)
        subtitle = text.subdistrictSubtitle(surveys: surveys.count)
        passRateText = text.percent(own.passRate)
        passSentence = text.passSentence(passing: own.passing, of: surveys.count, strict: summary.strict)
        figures = IndexPage.figures(own.totals, text: text)
        distributionChart = context.distributionChart(surveys, id: "chart-distribution")
        // The comparison holds the city's rates then and now, not a sub-district's: the change
        // per requirement is on the index; each centre's own change is in its row.
        complianceChart = context.complianceChart(own.compliance, changes: nil, id: "chart-compliance")
        centresNote = text.subdistrictCentresNote()
        centres = context.rows(indices, pathToRoot: "../")
        hasBaseline = context.comparison != nil
        provenance = context.provenance
    }
}
