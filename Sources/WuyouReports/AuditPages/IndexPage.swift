import Foundation
import WuyouWords
import WuyouMustache
import WuyouCore
import WuyouLedger
import WuyouDecimal

/// The view model of `index.mustache` (keys as in `HTML/Templates/sample-index.json`): every word
/// from ``AuditText``, every number formatted, every chart laid out. Conditionals are real
/// `Bool`s, since mustache treats `0` and `""` as true.
struct IndexPage: TemplateModel, Sendable {
    /// Centres listed on the index as needing most attention; the rest are on the all-centres
    /// page, so the index stays small for a city of any size.
    static let attentionCount = 20
    /// Errors and departed centres listed on the index at most; audit.json has them all.
    static let listLimit = 100

    var lang: String
    var csvHref: String?
    var jsonHref: String?
    var attentionNote: String
    var attention: [CentreRow]
    var allCentresLink: String
    var subdistrictLinks: [SubdistrictLink]
    var moreErrors: String
    var moreGone: String
    var title: String
    var checklistTitle: String
    var subtitle: String
    var passRateText: String
    var passSentence: String
    var figures: [Figure]
    var baselineSentence: String?
    var distributionChart: IndexBarChart
    var complianceNote: String
    var complianceChart: IndexBarChart
    var requirements: [RequirementRow]
    var subdistricts: [TotalsRow]
    var overall: TotalsRow
    var centresNote: String
    /// Drafts, listed apart and counted nowhere.
    var drafts: [CentreRow]
    var draftsNote: String
    /// Says the checklist is not the bundled one it is named after.
    var checklistNotice: String
    /// Every centre, worst first, built only if a template reads `centres` (an index template
    /// written before the all-centres page did).
    var allCentres: @Sendable () -> [CentreRow]
    var goneCentres: [GoneRow]
    var errorsNote: String
    var errors: [ErrorRow]
    var provenance: Provenance
    var labels: AuditLabels
    /// The ledger's part of the index (`--ledger`).
    var ledger: LedgerPart?
    var ledgerLabels: LedgerLabels

    static let templateFields = TemplateFields<Self>([
        .text("lang") { $0.lang },
        .text("stylesheetHref") { _ in "style.css" },
        .flag("hasCSV") { $0.csvHref != nil },
        .text("csvHref") { $0.csvHref ?? "" },
        .flag("hasJSON") { $0.jsonHref != nil },
        .text("jsonHref") { $0.jsonHref ?? "" },
        .text("allCentresHref") { _ in "centres.html" },
        .text("allCentresLink") { $0.allCentresLink },
        .text("attentionNote") { $0.attentionNote },
        .list("attention") { $0.attention },
        .list("subdistrictLinks") { $0.subdistrictLinks },
        .flag("hasMoreErrors") { !$0.moreErrors.isEmpty },
        .text("moreErrors") { $0.moreErrors },
        .flag("hasMoreGone") { !$0.moreGone.isEmpty },
        .text("moreGone") { $0.moreGone },
        .text("pageTitle") { $0.title },
        .text("checklistTitle") { $0.checklistTitle },
        .text("subtitle") { $0.subtitle },
        .text("passRateText") { $0.passRateText },
        .text("passSentence") { $0.passSentence },
        .list("figures") { $0.figures },
        .flag("hasBaseline") { $0.baselineSentence != nil },
        .text("baselineSentence") { $0.baselineSentence ?? "" },
        .object("distributionChart") { $0.distributionChart },
        .text("complianceNote") { $0.complianceNote },
        .object("complianceChart") { $0.complianceChart },
        .list("requirements") { $0.requirements },
        .list("subdistricts") { $0.subdistricts },
        .object("overall") { $0.overall },
        .text("centresNote") { $0.centresNote },
        .flag("hasDrafts") { !$0.drafts.isEmpty },
        .list("drafts") { $0.drafts },
        .text("draftsNote") { $0.draftsNote },
        .flag("hasChecklistNotice") { !$0.checklistNotice.isEmpty },
        .text("checklistNotice") { $0.checklistNotice },
        .list("centres") { $0.allCentres() },
        .flag("hasGoneCentres") { !$0.goneCentres.isEmpty },
        .list("goneCentres") { $0.goneCentres },
        .flag("hasErrors") { !$0.errors.isEmpty },
        .text("errorsNote") { $0.errorsNote },
        .list("errors") { $0.errors },
        .object("provenance") { $0.provenance },
        .object("labels") { $0.labels },
        .flag("hasLedger") { $0.ledger != nil },
        .optional("ledger") { $0.ledger },
        .object("ledgerLabels") { $0.ledgerLabels },
    ])

    /// Waived gaps per requirement, open and overdue commitments per sub-district, the entries
    /// that named no survey, and the ledger workbook's link.
    struct LedgerPart: TemplateModel, Sendable {
        struct WaiverRow: TemplateModel, Sendable {
            var id: String
            var title: String
            var count: Int

            static let templateFields = TemplateFields<Self>([
                .text("id") { $0.id },
                .list("idParts") { ReportViewModel.idParts($0.id) },
                .text("title") { $0.title },
                .number("count") { $0.count },
            ])
        }

        struct SubdistrictRow: TemplateModel, Sendable {
            var commitments: Int
            var overdue: Int

            static let templateFields = TemplateFields<Self>([
                .number("commitments") { $0.commitments },
                .number("overdue") { $0.overdue },
            ])
        }

        struct EntryRow: TemplateModel, Sendable {
            var kind: String
            var target: String
            var requirement: String
            var source: String

            static let templateFields = TemplateFields<Self>([
                .text("kind") { $0.kind },
                .text("target") { $0.target },
                .text("requirement") { $0.requirement },
                .text("source") { $0.source },
            ])
        }

        var sentence: String
        var waiversNote: String
        var waivers: [WaiverRow]
        var unmatchedNote: String
        var unmatched: [EntryRow]
        var moreUnmatched: String
        var workbookHref: String?

        static let templateFields = TemplateFields<Self>([
            .text("sentence") { $0.sentence },
            .text("waiversNote") { $0.waiversNote },
            .flag("hasWaivers") { !$0.waivers.isEmpty },
            .list("waivers") { $0.waivers },
            .text("unmatchedNote") { $0.unmatchedNote },
            .flag("hasUnmatched") { !$0.unmatched.isEmpty },
            .list("unmatched") { $0.unmatched },
            .flag("hasMoreUnmatched") { !$0.moreUnmatched.isEmpty },
            .text("moreUnmatched") { $0.moreUnmatched },
            .flag("hasWorkbook") { $0.workbookHref != nil },
            .text("workbookHref") { $0.workbookHref ?? "" },
        ])

        init(_ overview: LedgerOverview, context: AuditPageContext) {
            let summary = context.summary
            let words = Words(context.language)
            let language = context.language
            sentence = context.ledgerSentence(summary.surveys.indices.filter { !summary.surveys[$0].isDraft })
            waiversNote = words["ledger.waivers-note"]
            waivers = zip(summary.checklist.requirements, overview.waivedByRequirement).compactMap { requirement, count in
                count == 0 ? nil : WaiverRow(id: requirement.id, title: requirement.title.text(language.rawValue), count: count)
            }
            unmatchedNote = words["ledger.unmatched-note"]
            unmatched = overview.unmatched.prefix(IndexPage.listLimit).map { entry in
                let target = switch entry.target {
                case .community(let code): words("ledger.target.community", ["code": code])
                case .survey(let id): words("ledger.target.survey", ["id": id])
                }
                return EntryRow(
                    kind: words["ledger.kind.\(entry.isWaiver ? "waiver" : "commitment")"], target: target,
                    requirement: entry.requirement, source: LedgerWording.source(entry.location, words: words))
            }
            moreUnmatched = overview.unmatched.count > IndexPage.listLimit
                ? context.text.moreInJSON(overview.unmatched.count - IndexPage.listLimit) : ""
            workbookHref = context.formats.contains(.ledger) ? "ledger.xlsx" : nil
        }
    }

    struct Figure: TemplateModel, Sendable {
        var label: String
        var value: String
        var unit: String
        var detail: String

        static let templateFields = TemplateFields<Self>([
            .text("label") { $0.label },
            .text("value") { $0.value },
            .text("unit") { $0.unit },
            .text("detail") { $0.detail },
        ])
    }

    struct RequirementRow: TemplateModel, Sendable {
        var id: String
        var title: String
        var severityLabel: String
        var metCount: Int
        var judgedCount: Int
        var rateText: String
        var rateChange: String

        static let templateFields = TemplateFields<Self>([
            .text("id") { $0.id },
            .text("title") { $0.title },
            .text("severityLabel") { $0.severityLabel },
            .number("metCount") { $0.metCount },
            .number("judgedCount") { $0.judgedCount },
            .text("rateText") { $0.rateText },
            .text("rateChange") { $0.rateChange },
        ])
    }

    /// A sub-district's name and page.
    struct SubdistrictLink: TemplateModel, Sendable {
        var name: String
        var href: String

        static let templateFields = TemplateFields<Self>([
            .text("name") { $0.name },
            .text("href") { $0.href },
        ])
    }

    struct TotalsRow: TemplateModel, Sendable {
        var href: String = ""
        var passRateText: String = ""
        var name: String
        var centres: Int
        var passing: Int
        var areaShortfall: String
        var award: String
        var developerShortfall: String
        /// Open and overdue commitments (`--ledger`).
        var ledger: LedgerPart.SubdistrictRow?

        static let templateFields = TemplateFields<Self>([
            .optional("ledger") { $0.ledger },
            .text("name") { $0.name },
            .flag("hasHref") { !$0.href.isEmpty },
            .text("href") { $0.href },
            .text("passRateText") { $0.passRateText },
            .number("centres") { $0.centres },
            .number("passing") { $0.passing },
            .text("areaShortfall") { $0.areaShortfall },
            .text("award") { $0.award },
            .text("developerShortfall") { $0.developerShortfall },
        ])
    }

    struct GoneRow: TemplateModel, Sendable {
        var community: String
        var subdistrict: String
        var surveyId: String
        var scoreText: String

        static let templateFields = TemplateFields<Self>([
            .text("community") { $0.community },
            .text("subdistrict") { $0.subdistrict },
            .text("surveyId") { $0.surveyId },
            .text("scoreText") { $0.scoreText },
        ])
    }

    /// A survey left out (or an input no survey could come from): who it is, where, and why.
    struct ErrorRow: TemplateModel, Sendable {
        var community: String
        var surveyId: String
        var path: String
        var reasons: [Reason]

        static let templateFields = TemplateFields<Self>([
            .text("community") { $0.community },
            .text("surveyId") { $0.surveyId },
            .text("path") { $0.path },
            .list("reasons") { $0.reasons },
        ])
    }

    /// One reason a survey was left out, and where in it.
    struct Reason: TemplateModel, Sendable {
        var place: String
        var message: String

        static let templateFields = TemplateFields<Self>([
            .text("place") { $0.place },
            .text("message") { $0.message },
        ])
    }

    /// `12:5` for a line and column, `用房!C12` for a cell.
    static func place(of location: Diagnostic.Location) -> String {
        location.cell ?? "\(location.line ?? 1):\(location.column ?? 1)"
    }
}

extension IndexPage {
    /// Builds the index of an audit.
    init(_ context: AuditPageContext) {
        let summary = context.summary
        let comparison = context.comparison
        let language = context.language
        let text = context.text
        let checklist = summary.checklist
        let totals = summary.totals
        lang = text.htmlLang
        labels = AuditLabels(language: language)
        csvHref = context.formats.contains(.csv) ? "audit.csv" : nil
        jsonHref = context.formats.contains(.json) ? "audit.json" : nil
        title = labels[.title]
        checklistTitle = checklist.title.text(language.rawValue)
        checklistNotice = checklist.modified ? text.modifiedChecklist(id: checklist.id, hash: checklist.shortHash) : ""
        let counted = summary.surveys.count - summary.draftCount
        subtitle = text.subtitle(summary)
        passRateText = DecimalRounding.percentText(summary.passing, of: counted)
        passSentence = text.passSentence(passing: summary.passing, of: counted, strict: summary.strict)
        figures = Self.figures(totals, text: text)
        baselineSentence = comparison.map { text.baselineSentence($0, passRate: summary.passRate) }

        // Lazily: a copy of a city's surveys was the audit's largest allocation.
        distributionChart = context.distributionChart(summary.surveys.lazy.filter { !$0.isDraft }, id: "chart-distribution")
        let compliance = summary.compliance
        let changes = comparison.map { comparison in
            Dictionary(comparison.requirements.map { ($0.id, $0.change) }, uniquingKeysWith: { first, _ in first })
        }
        complianceNote = text.complianceNote()
        complianceChart = context.complianceChart(compliance, changes: changes, id: "chart-compliance")
        requirements = Self.requirementRows(compliance, changes: changes, text: text, language: language)

        subdistricts = summary.subdistrictTotals.map { Self.row($0, name: $0.subdistrict ?? text.noSubdistrict(), text: text, href: context.subdistrictHref($0.subdistrict)) }
        subdistrictLinks = subdistricts.map { SubdistrictLink(name: $0.name, href: $0.href) }
        overall = Self.row(totals, name: labels[.total], text: text, href: "")

        centresNote = text.centresNote() + text.countsNote()
        draftsNote = text.draftsNote()
        drafts = context.rows(context.drafts(), pathToRoot: "")
        let order = context.worstFirst()
        attention = context.rows(Array(order.prefix(Self.attentionCount)), pathToRoot: "")
        attentionNote = text.attentionNote(shown: attention.count, of: order.count)
        allCentresLink = text.allCentresLink(order.count)
        allCentres = { context.rows(order, pathToRoot: "") }
        let gone = comparison?.gone ?? []
        goneCentres = gone.prefix(Self.listLimit).map { centre in
            GoneRow(community: centre.community, subdistrict: centre.subdistrict ?? "", surveyId: centre.id,
                    scoreText: text.percent(centre.score))
        }
        moreGone = gone.count > Self.listLimit ? text.moreInJSON(gone.count - Self.listLimit) : ""
        errorsNote = text.errorsNote()
        let diagnosticText = DiagnosticText(language: language)
        func reasons(_ diagnostics: [Diagnostic]) -> [Reason] {
            diagnostics.map { Reason(place: Self.place(of: $0.location), message: diagnosticText.message(for: $0)) }
        }
        let none = labels[.none]
        let rows = summary.unused.map { unused in
            ErrorRow(community: unused.identity?.community ?? none, surveyId: unused.identity?.id ?? none,
                     path: unused.path, reasons: reasons(unused.diagnostics))
        } + summary.inputProblems.map { problem in
            ErrorRow(community: none, surveyId: none, path: problem.location.file, reasons: reasons([problem]))
        }
        errors = Array(rows.prefix(Self.listLimit))
        moreErrors = rows.count > Self.listLimit ? text.moreInJSON(rows.count - Self.listLimit) : ""
        provenance = context.provenance
        ledgerLabels = LedgerLabels(language: language)
        ledger = context.ledger.map { LedgerPart($0, context: context) }
        if let overview = context.ledger {
            for (index, group) in summary.subdistrictGroups.enumerated() where subdistricts.indices.contains(index) {
                let totals = LedgerOverview.totals(of: summary.surveys, positions: group.indices)
                subdistricts[index].ledger = LedgerPart.SubdistrictRow(commitments: totals.commitments, overdue: totals.overdue)
            }
            overall.ledger = LedgerPart.SubdistrictRow(commitments: overview.commitments, overdue: overview.overdue)
        }
    }

    /// The index of an audit whose survey pages are named after the surveys' ids (tests).
    init(summary: AuditSummary, comparison: BaselineComparison?, language: ReportLanguage, toolVersion: String) {
        self.init(AuditPageContext(
            summary: summary, comparison: comparison, language: language, toolVersion: toolVersion,
            surveyPageNames: summary.surveys.map { SurveyFileName.stem(forSurveyID: $0.id) }))
    }

    static func figures(_ totals: AuditTotals, text: AuditText) -> [Figure] {
        [
            (text.areaFigure(totals), text.amount(totals.areaShortfall)),
            (text.awardFigure(totals), text.money(totals.award)),
            (text.developerFigure(totals), text.amount(totals.developerShortfall)),
        ].map { words, value in Figure(label: words.label, value: value, unit: words.unit, detail: words.detail) }
    }

    static func requirementRows(
        _ compliance: [RequirementCompliance], changes: [String: ExactDecimal?]?, text: AuditText, language: ReportLanguage
    ) -> [RequirementRow] {
        compliance.map { item in
            RequirementRow(
                id: item.requirement.id, title: item.requirement.title.text(language.rawValue),
                severityLabel: text.severity(item.requirement.severity), metCount: item.met, judgedCount: item.judged,
                rateText: DecimalRounding.percentText(item.met, of: item.judged),
                rateChange: text.pointsChange(changes?[item.requirement.id] ?? nil, score: false))
        }
    }

    static func row(_ totals: AuditTotals, name: String, text: AuditText, href: String) -> TotalsRow {
        TotalsRow(href: href, passRateText: DecimalRounding.percentText(totals.passing, of: totals.surveys),
                  name: name, centres: totals.surveys, passing: totals.passing,
                  areaShortfall: text.amount(totals.areaShortfall), award: text.amount(totals.award),
                  developerShortfall: text.amount(totals.developerShortfall))
    }
}
