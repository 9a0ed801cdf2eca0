import Foundation
import WuyouMustache
import WuyouCore

/// The view model of `index.mustache` (keys as in `HTML/Templates/sample-index.json`): every word
/// from ``AuditText``, every number formatted, every chart laid out. Conditionals are real
/// `Bool`s, since mustache treats `0` and `""` as true.
struct IndexPage: TemplateModel, Sendable {
    var lang: String
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
    var centres: [CentreRow]
    var goneCentres: [GoneRow]
    var errorsNote: String
    var errors: [ErrorRow]
    var provenance: Provenance
    var labels: AuditLabels

    static let templateFields = TemplateFields<Self>([
        .text("lang") { $0.lang },
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
        .list("centres") { $0.centres },
        .flag("hasGoneCentres") { !$0.goneCentres.isEmpty },
        .list("goneCentres") { $0.goneCentres },
        .flag("hasErrors") { !$0.errors.isEmpty },
        .text("errorsNote") { $0.errorsNote },
        .list("errors") { $0.errors },
        .object("provenance") { $0.provenance },
        .object("labels") { $0.labels },
    ])

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

    struct TotalsRow: TemplateModel, Sendable {
        var name: String
        var centres: Int
        var passing: Int
        var areaShortfall: String
        var award: String
        var developerShortfall: String

        static let templateFields = TemplateFields<Self>([
            .text("name") { $0.name },
            .number("centres") { $0.centres },
            .number("passing") { $0.passing },
            .text("areaShortfall") { $0.areaShortfall },
            .text("award") { $0.award },
            .text("developerShortfall") { $0.developerShortfall },
        ])
    }

    struct CentreRow: TemplateModel, Sendable {
        var number: Int
        var community: String
        var href: String
        var isNew: Bool
        var subdistrict: String
        var date: String
        var scoreText: String
        var status: String
        var statusLabel: String
        var gaps: Int
        var partials: Int
        var unknowns: Int
        var scoreChange: String
        var gapsClosed: String
        var gapsOpened: String

        static let templateFields = TemplateFields<Self>([
            .number("number") { $0.number },
            .text("community") { $0.community },
            .text("href") { $0.href },
            .flag("isNew") { $0.isNew },
            .text("subdistrict") { $0.subdistrict },
            .text("date") { $0.date },
            .text("scoreText") { $0.scoreText },
            .text("status") { $0.status },
            .text("statusLabel") { $0.statusLabel },
            .number("gaps") { $0.gaps },
            .number("partials") { $0.partials },
            .number("unknowns") { $0.unknowns },
            .text("scoreChange") { $0.scoreChange },
            .text("gapsClosed") { $0.gapsClosed },
            .text("gapsOpened") { $0.gapsOpened },
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

    struct ErrorRow: TemplateModel, Sendable {
        var path: String
        var line: String
        var column: String
        var message: String

        static let templateFields = TemplateFields<Self>([
            .text("path") { $0.path },
            .text("line") { $0.line },
            .text("column") { $0.column },
            .text("message") { $0.message },
        ])
    }
}

extension IndexPage {
    /// Builds the index of an audit.
    ///
    /// - Parameters:
    ///   - summary: The audit.
    ///   - comparison: The comparison with an earlier audit, if one was given.
    ///   - language: The page's language.
    ///   - toolVersion: `wuyou`'s version, for the provenance line.
    init(summary: AuditSummary, comparison: BaselineComparison?, language: ReportLanguage, toolVersion: String) {
        let text = AuditText(language: language)
        let checklist = summary.checklist
        let totals = summary.totals
        lang = text.htmlLang
        labels = AuditLabels(language: language)
        title = labels[.title]
        checklistTitle = checklist.title.text(language.rawValue)
        subtitle = text.subtitle(surveys: summary.surveys.count, failedFiles: summary.filesWithErrors)
        passRateText = text.percent(summary.passRate)
        passSentence = text.passSentence(passing: summary.passing, of: summary.surveys.count, strict: summary.strict)
        figures = [
            (text.areaFigure(totals), text.grouped(totals.areaShortfall)),
            (text.awardFigure(totals), text.grouped(totals.award)),
            (text.developerFigure(totals), text.grouped(totals.developerShortfall)),
        ].map { words, value in Figure(label: words.label, value: value, unit: words.unit, detail: words.detail) }
        baselineSentence = comparison.map { text.baselineSentence($0, passRate: summary.passRate) }

        let distribution = summary.scoreDistribution
        let axis = IndexBarChart.countTicks(maximum: distribution.map(\.count).max() ?? 0)
        distributionChart = IndexBarChart(
            id: "chart-distribution", title: text.distributionTitle(),
            description: text.distributionDescription(surveys: summary.surveys.count), caption: text.distributionCaption(),
            bars: distribution.map { band, count in
                IndexBarChart.Bar(label: text.band(band), valueText: text.centreCount(count),
                                  tooltip: text.bandTooltip(band, count: count),
                                  fraction: Double(count) / Double(axis.axisMaximum))
            },
            ticks: axis.ticks, maximumLabelWidth: 140)

        // Worst first: lowest rate, then mandatory before recommended, then checklist order;
        // requirements no survey could be judged on go last.
        let changes = Dictionary(uniqueKeysWithValues: (comparison?.requirements ?? []).map { ($0.id, $0) })
        let compliance = summary.compliance.enumerated().sorted { lhs, rhs in
            func key(_ item: (offset: Int, element: RequirementCompliance)) -> (Int, Decimal, Int, Int) {
                (item.element.rate == nil ? 1 : 0, item.element.rate ?? 0,
                 item.element.requirement.severity == .mandatory ? 0 : 1, item.offset)
            }
            return key(lhs) < key(rhs)
        }.map(\.element)
        complianceNote = text.complianceNote()
        complianceChart = IndexBarChart(
            id: "chart-compliance", title: text.complianceTitle(),
            description: text.complianceDescription(requirements: compliance.count), caption: text.complianceCaption(),
            bars: compliance.map { item in
                let title = item.requirement.title.text(language.rawValue)
                let value = text.complianceValue(item)
                return IndexBarChart.Bar(
                    label: title, valueText: value,
                    tooltip: text.complianceTooltip(title: title, id: item.requirement.id, value: value),
                    fraction: item.rate.map { NSDecimalNumber(decimal: $0).doubleValue } ?? 0)
            },
            ticks: [(0, "0%"), (0.5, "50%"), (1, "100%")], maximumLabelWidth: language == .zh ? 280 : 330)
        requirements = compliance.map { item in
            RequirementRow(
                id: item.requirement.id, title: item.requirement.title.text(language.rawValue),
                severityLabel: text.severity(item.requirement.severity), metCount: item.met, judgedCount: item.judged,
                rateText: text.percent(item.rate),
                rateChange: text.pointsChange(changes[item.requirement.id]?.change, score: false))
        }

        func row(_ totals: AuditTotals, name: String) -> TotalsRow {
            TotalsRow(name: name, centres: totals.surveys, passing: totals.passing,
                      areaShortfall: text.grouped(totals.areaShortfall), award: text.grouped(totals.award),
                      developerShortfall: text.grouped(totals.developerShortfall))
        }
        subdistricts = summary.subdistrictTotals.map { row($0, name: $0.subdistrict ?? text.noSubdistrict()) }
        overall = row(totals, name: labels[.total])

        centresNote = text.centresNote()
        let changeByIndex = comparison?.centres
        // Worst first: centres without a score (nothing could be judged, so they need a visit
        // before anything else), then lowest score, failing before passing, most gaps, path.
        let order = summary.surveys.indices.sorted { lhs, rhs in
            let left = summary.surveys[lhs], right = summary.surveys[rhs]
            if (left.score == nil) != (right.score == nil) { return left.score == nil }
            if let l = left.score, let r = right.score, l != r { return l < r }
            if left.fails != right.fails { return left.fails }
            if left.count(.gap) != right.count(.gap) { return left.count(.gap) > right.count(.gap) }
            return SurveyInputs.utf8Order(left.path, right.path)
        }
        centres = order.enumerated().map { number, index in
            let survey = summary.surveys[index]
            let verdict = text.verdict(survey)
            let change = changeByIndex?[index]
            let isNew = change?.isNew ?? false
            return CentreRow(
                number: number + 1, community: survey.community, href: "surveys/\(survey.pageStem).html", isNew: isNew,
                subdistrict: survey.subdistrict ?? "", date: survey.date, scoreText: text.percent(survey.score),
                status: verdict.status.rawValue, statusLabel: verdict.label,
                gaps: survey.count(.gap), partials: survey.count(.partial), unknowns: survey.count(.unknown),
                scoreChange: text.pointsChange(change?.scoreChange, score: true),
                gapsClosed: change.map { $0.isNew ? "—" : "\($0.gapsClosed.count)" } ?? "—",
                gapsOpened: change.map { $0.isNew ? "—" : "\($0.gapsOpened.count)" } ?? "—")
        }
        goneCentres = (comparison?.gone ?? []).map { centre in
            GoneRow(community: centre.community, subdistrict: centre.subdistrict ?? "", surveyId: centre.id,
                    scoreText: text.percent(centre.score))
        }
        errorsNote = text.errorsNote()
        let diagnosticText = DiagnosticText(language: language)
        errors = summary.errors.map { error in
            ErrorRow(
                path: error.location.file, line: error.location.cell ?? "\(error.location.line ?? 1)",
                column: error.location.cell == nil ? "\(error.location.column ?? 1)" : "",
                message: diagnosticText.message(for: error))
        }
        provenance = Provenance(
            tool: "wuyou", toolVersion: toolVersion, checklistId: checklist.id,
            checklistVersionText: text.checklistVersion(checklist.version), checklistHash: checklist.shortHash,
            surveyFile: "")
    }
}
