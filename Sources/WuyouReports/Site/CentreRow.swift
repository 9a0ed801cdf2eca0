import Foundation
import WuyouCore
import WuyouMustache

/// One centre in a list of centres (the index's centres needing attention, a sub-district's
/// centres, the all-centres page): enough to tell two communities of one name apart (the
/// survey id) and to reach its report.
struct CentreRow: TemplateModel, Sendable {
    var number: Int
    var community: String
    var surveyId: String
    var href: String
    var isNew: Bool
    var subdistrict: String
    var date: String
    var scoreText: String
    var status: String
    var statusLabel: String
    /// `pass`, `fail` or `none` (no score): the class the all-centres filters match.
    var verdict: String
    var gaps: Int
    var partials: Int
    var unknowns: Int
    var scoreChange: String
    var gapsClosed: String
    var gapsOpened: String

    static let templateFields = TemplateFields<Self>([
        .number("number") { $0.number },
        .text("community") { $0.community },
        .text("surveyId") { $0.surveyId },
        .text("href") { $0.href },
        .flag("isNew") { $0.isNew },
        .text("subdistrict") { $0.subdistrict },
        .text("date") { $0.date },
        .text("scoreText") { $0.scoreText },
        .text("status") { $0.status },
        .text("statusLabel") { $0.statusLabel },
        .text("verdict") { $0.verdict },
        .number("gaps") { $0.gaps },
        .number("partials") { $0.partials },
        .number("unknowns") { $0.unknowns },
        .text("scoreChange") { $0.scoreChange },
        .text("gapsClosed") { $0.gapsClosed },
        .text("gapsOpened") { $0.gapsOpened },
    ])
}

/// What every audit page is built from: the summary, the comparison and the words.
struct AuditPageContext {
    let summary: AuditSummary
    let comparison: BaselineComparison?
    let language: ReportLanguage
    let text: AuditText
    let toolVersion: String
    /// Which of audit.csv and audit.json the site holds, for the index's links.
    let formats: Set<SiteFormat>

    init(summary: AuditSummary, comparison: BaselineComparison?, language: ReportLanguage, toolVersion: String,
         formats: Set<SiteFormat> = Set(SiteFormat.allCases)) {
        self.summary = summary
        self.comparison = comparison
        self.language = language
        text = AuditText(language: language)
        self.toolVersion = toolVersion
        self.formats = formats
    }

    /// Indices of `summary.surveys`, worst first: centres without a score (nothing could be
    /// judged, so they need a visit before anything else), then lowest score, failing before
    /// passing, most gaps, path.
    func worstFirst(_ indices: [Int]? = nil) -> [Int] {
        let surveys = summary.surveys
        return (indices ?? Array(surveys.indices)).sorted { lhs, rhs in
            let left = surveys[lhs], right = surveys[rhs]
            if (left.score == nil) != (right.score == nil) { return left.score == nil }
            if let l = left.score, let r = right.score, l != r { return l < r }
            if left.fails != right.fails { return left.fails }
            if left.count(.gap) != right.count(.gap) { return left.count(.gap) > right.count(.gap) }
            return SurveyInputs.utf8Order(left.path, right.path)
        }
    }

    /// Rows for the surveys at `indices`, numbered in that order.
    ///
    /// - Parameter pathToRoot: The page's way back to the site's root (`""` or `"../"`).
    func rows(_ indices: [Int], pathToRoot: String) -> [CentreRow] {
        indices.enumerated().map { number, index in
            let survey = summary.surveys[index]
            let verdict = text.verdict(survey)
            let change = comparison?.centres[index]
            return CentreRow(
                number: number + 1, community: survey.community, surveyId: survey.id,
                href: "\(pathToRoot)surveys/\(survey.pageStem).html", isNew: change?.isNew ?? false,
                subdistrict: survey.subdistrict ?? "", date: survey.date, scoreText: text.percent(survey.score),
                status: verdict.status.rawValue, statusLabel: verdict.label,
                verdict: survey.score == nil ? "none" : (survey.fails ? "fail" : "pass"),
                gaps: survey.count(.gap), partials: survey.count(.partial), unknowns: survey.count(.unknown),
                scoreChange: text.pointsChange(change?.scoreChange, score: true),
                gapsClosed: change.map { $0.isNew ? "—" : "\($0.gapsClosed.count)" } ?? "—",
                gapsOpened: change.map { $0.isNew ? "—" : "\($0.gapsOpened.count)" } ?? "—")
        }
    }

    /// The page of a sub-district (nil: surveys that name none), relative to the site's root:
    /// 12 hex digits of the name's SHA-256, the same name in every audit.
    static func subdistrictHref(_ name: String?) -> String {
        "subdistricts/\(SHA256.hexDigest(of: Array((name ?? "").utf8)).prefix(12)).html"
    }

    /// The score distribution of `surveys` as a chart.
    func distributionChart(_ surveys: [AuditedSurvey], id: String) -> IndexBarChart {
        var counts: [ScoreBand: Int] = [:]
        for survey in surveys { counts[ScoreBand(score: survey.score), default: 0] += 1 }
        let most = max(1, counts.values.max() ?? 0)
        return IndexBarChart(
            id: id, title: text.distributionTitle(), description: text.distributionDescription(surveys: surveys.count),
            caption: text.distributionCaption(), labelHeader: AuditLabels(language: language)[.colBand],
            valueHeader: AuditLabels(language: language)[.colCount],
            bars: ScoreBand.allCases.map { band in
                let count = counts[band] ?? 0
                return IndexBarChart.Bar(label: text.band(band), valueText: text.centreCount(count),
                                         tooltip: text.bandTooltip(band, count: count), fraction: Double(count) / Double(most))
            })
    }

    /// Compliance per requirement over `surveys`, worst first, with the change since the
    /// baseline when `changes` are given.
    func complianceChart(_ compliance: [RequirementCompliance], changes: [String: Decimal?]?, id: String) -> IndexBarChart {
        // Worst first: lowest rate, then mandatory before recommended, then checklist order;
        // requirements no survey could be judged on go last.
        let ordered = compliance.enumerated().sorted { lhs, rhs in
            func key(_ item: (offset: Int, element: RequirementCompliance)) -> (Int, Decimal, Int, Int) {
                (item.element.rate == nil ? 1 : 0, item.element.rate ?? 0,
                 item.element.requirement.severity == .mandatory ? 0 : 1, item.offset)
            }
            return key(lhs) < key(rhs)
        }.map(\.element)
        let labels = AuditLabels(language: language)
        return IndexBarChart(
            id: id, title: text.complianceTitle(), description: text.complianceDescription(requirements: ordered.count),
            caption: text.complianceCaption(), labelHeader: labels[.colRequirement], valueHeader: labels[.colRate],
            changeHeader: changes == nil ? "" : labels[.colRateChange],
            bars: ordered.map { item in
                let title = item.requirement.title.text(language.rawValue)
                let value = text.complianceValue(item)
                return IndexBarChart.Bar(
                    label: title, sublabel: item.requirement.id, valueText: value,
                    tooltip: text.complianceTooltip(title: title, id: item.requirement.id, value: value),
                    fraction: item.rate.map { NSDecimalNumber(decimal: $0).doubleValue } ?? 0,
                    change: changes.map { text.pointsChange($0[item.requirement.id] ?? nil, score: false) } ?? "")
            })
    }

    /// The provenance line of an audit page.
    var provenance: Provenance {
        Provenance(
            tool: "wuyou", toolVersion: toolVersion, checklistId: summary.checklist.id,
            checklistVersionText: text.checklistVersion(summary.checklist.version), checklistHash: summary.checklist.shortHash,
            surveyFile: "")
    }
}
