import Foundation
import WuyouWords
import WuyouCore
import WuyouLedger
import WuyouDecimal
import WuyouMustache

/// One centre in a list of centres (the index's centres needing attention, a sub-district's
/// centres, the all-centres page): enough to tell two communities of one name apart (the
/// survey id) and to reach its report.
///
/// A row is a position in the audit, worded as the template reads it: the all-centres page of
/// a city lists every centre, and words kept for each of them would be most of the memory an
/// audit needs.
struct CentreRow: TemplateModel, Sendable {
    let source: CentreRowSource
    /// The survey's position in the summary.
    let index: Int
    /// 1-based, in the list's order.
    let number: Int

    private var survey: AuditedSurvey { source.context.summary.surveys[index] }
    private var change: BaselineComparison.CentreChange? { source.context.comparison?.centres[index] }
    private var text: AuditText { source.context.text }

    private func mandatoryCount(_ status: Status) -> Int {
        zip(survey.statuses, source.context.summary.checklist.requirements)
            .reduce(0) { $0 + ($1.0 == status && $1.1.severity == .mandatory ? 1 : 0) }
    }

    static let templateFields = TemplateFields<Self>([
        .number("number") { $0.number },
        .text("community") { $0.survey.community },
        .text("surveyId") { $0.survey.id },
        .text("href") { $0.source.pathToRoot + $0.source.context.surveyHref($0.index) },
        .flag("isNew") { $0.change?.isNew ?? false },
        .text("subdistrict") { $0.survey.subdistrict ?? "" },
        .text("date") { $0.survey.date },
        .text("scoreText") { $0.text.score($0.survey) },
        .text("status") { $0.text.verdict($0.survey).status.rawValue },
        .text("statusLabel") { $0.text.verdict($0.survey).label },
        .text("verdict") { $0.survey.isDraft || $0.survey.score == nil ? "none" : ($0.survey.fails ? "fail" : "pass") },
        // Mandatory requirements only, as the report's conclusion counts them.
        .number("gaps") { $0.mandatoryCount(.gap) },
        .number("partials") { $0.mandatoryCount(.partial) },
        .number("unknowns") { $0.mandatoryCount(.unknown) },
        .text("scoreChange") { $0.text.pointsChange($0.change?.scoreChange, score: true) },
        .text("gapsClosed") { row in row.change.map { $0.isNew ? "—" : "\($0.gapsClosed.count)" } ?? "—" },
        .text("gapsOpened") { row in row.change.map { $0.isNew ? "—" : "\($0.gapsOpened.count)" } ?? "—" },
        .flag("hasLedger") { $0.source.context.ledger != nil },
        .number("waived") { $0.survey.ledger?.waived ?? 0 },
        .number("commitments") { $0.survey.ledger?.commitments ?? 0 },
        .number("overdue") { $0.survey.ledger?.overdue ?? 0 },
        .flag("hasOverdue") { ($0.survey.ledger?.overdue ?? 0) > 0 },
    ])
}

/// What the rows of one list share: the audit, and the way from the page back to the site's root.
final class CentreRowSource: Sendable {
    let context: AuditPageContext
    let pathToRoot: String

    init(context: AuditPageContext, pathToRoot: String) {
        self.context = context
        self.pathToRoot = pathToRoot
    }
}

/// What every audit page is built from: the summary, the comparison and the words.
struct AuditPageContext: Sendable {
    let summary: AuditSummary
    let comparison: BaselineComparison?
    let language: ReportLanguage
    let text: AuditText
    let toolVersion: String
    /// Which of audit.csv and audit.json the site holds, for the index's links.
    let formats: Set<SiteFormat>
    /// Each survey's page in `surveys/`, by its position in the summary: the file name without
    /// `.html`, as the site's builder chose it.
    let surveyPageNames: [String]
    /// Each sub-district's page in `subdistricts/`, by name (`""` for surveys that name none).
    let subdistrictFiles: [String: String]
    /// What the ledger came to, when the audit has one.
    let ledger: LedgerOverview?

    init(summary: AuditSummary, comparison: BaselineComparison?, language: ReportLanguage, toolVersion: String,
         formats: Set<SiteFormat> = Set(SiteFormat.allCases), surveyPageNames: [String], ledger: LedgerOverview? = nil) {
        self.ledger = ledger
        self.summary = summary
        self.comparison = comparison
        self.language = language
        text = AuditText(language: language)
        self.toolVersion = toolVersion
        self.formats = formats
        self.surveyPageNames = surveyPageNames
        subdistrictFiles = Self.subdistrictFiles(for: summary.subdistrictGroups.map(\.name))
    }

    /// The page of the survey at `position`, relative to the site's root, escaped for a link.
    func surveyHref(_ position: Int) -> String {
        "surveys/\(SurveyFileName.linkPath(surveyPageNames[position])).html"
    }

    /// Indices of `summary.surveys`, worst first: centres without a score (nothing could be
    /// judged, so they need a visit before anything else), then lowest score, failing before
    /// passing, most gaps, path.
    func worstFirst(_ indices: [Int]? = nil) -> [Int] {
        let surveys = summary.surveys
        // Gaps counted once a survey, not in every comparison.
        let ranked = (indices ?? surveys.indices.filter { !surveys[$0].isDraft }).map { (index: $0, gaps: surveys[$0].count(.gap)) }
        return ranked.sorted { lhs, rhs in
            let left = surveys[lhs.index], right = surveys[rhs.index]
            if (left.score == nil) != (right.score == nil) { return left.score == nil }
            if let l = left.score, let r = right.score, l != r { return l < r }
            if left.fails != right.fails { return left.fails }
            if lhs.gaps != rhs.gaps { return lhs.gaps > rhs.gaps }
            return UTF8Order.precedes(left.path, right.path)
        }.map(\.index)
    }

    /// Positions of the drafts, in path order: listed apart, counted nowhere.
    func drafts() -> [Int] {
        summary.surveys.indices.filter { summary.surveys[$0].isDraft }
    }

    /// Rows for the surveys at `indices`, numbered in that order.
    ///
    /// - Parameter pathToRoot: The page's way back to the site's root (`""` or `"../"`).
    func rows(_ indices: [Int], pathToRoot: String) -> [CentreRow] {
        let source = CentreRowSource(context: self, pathToRoot: pathToRoot)
        return indices.enumerated().map { number, index in CentreRow(source: source, index: index, number: number + 1) }
    }

    /// The page of a sub-district (nil: surveys that name none), relative to the site's root,
    /// escaped for a link.
    func subdistrictHref(_ name: String?) -> String {
        "subdistricts/\(SurveyFileName.linkPath(subdistrictFile(name))).html"
    }

    /// The sub-district page's path relative to the site's root, as a file is named.
    func subdistrictPath(_ name: String?) -> String {
        "subdistricts/\(subdistrictFile(name)).html"
    }

    private func subdistrictFile(_ name: String?) -> String {
        subdistrictFiles[name ?? ""] ?? "_"
    }

    /// Sub-district pages named after the sub-districts as survey pages are after their ids
    /// (``SurveyFileName``), `_` for surveys that name none; a name another already has
    /// (whatever its case) is numbered, so no page is written twice.
    static func subdistrictFiles(for names: [String?]) -> [String: String] {
        var files: [String: String] = [:]
        var taken: Set<String> = []
        for name in names {
            let wanted = name.map { SurveyFileName.stem(forSurveyID: $0) } ?? "_"
            var file = wanted
            var suffix = 2
            while !taken.insert(file.lowercased()).inserted {
                file = "\(wanted)-\(suffix)"
                suffix += 1
            }
            files[name ?? ""] = file
        }
        return files
    }

    /// The score distribution of `surveys` as a chart.
    func distributionChart(_ surveys: some Collection<AuditedSurvey>, id: String) -> IndexBarChart {
        let distribution = ScoreBand.distribution(of: surveys.lazy.map(\.scoreBand))
        let most = max(1, distribution.map(\.count).max() ?? 0)
        return IndexBarChart(
            id: id, title: text.distributionTitle(), description: text.distributionDescription(surveys: surveys.count),
            caption: text.distributionCaption(), labelHeader: AuditLabels(language: language)[.colBand],
            valueHeader: AuditLabels(language: language)[.colCount],
            bars: distribution.map { band, count in
                IndexBarChart.Bar(label: text.band(band), valueText: text.centreCount(count),
                                  tooltip: text.bandTooltip(band, count: count), fraction: Double(count) / Double(most))
            })
    }

    /// Compliance per requirement over `surveys`, worst first, with the change since the
    /// baseline when `changes` are given.
    func complianceChart(_ compliance: [RequirementCompliance], changes: [String: ExactDecimal?]?, id: String) -> IndexBarChart {
        // Worst first: lowest rate, then mandatory before recommended, then checklist order;
        // requirements no survey could be judged on go last.
        let ordered = compliance.enumerated().sorted { lhs, rhs in
            func key(_ item: (offset: Int, element: RequirementCompliance)) -> (Int, ExactDecimal, Int, Int) {
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
                    fraction: item.rate.map(Double.init) ?? 0,
                    change: changes.map { text.pointsChange($0[item.requirement.id] ?? nil, score: false) } ?? "")
            })
    }

    /// "整改中 N 项，其中逾期 M 项；经批准的例外 K 项" over the surveys at `positions`; empty without a ledger.
    func ledgerSentence(_ positions: some Sequence<Int>) -> String {
        guard ledger != nil else { return "" }
        let totals = LedgerOverview.totals(of: summary.surveys, positions: positions)
        return Words(language)("ledger.subdistrict-sentence", [
            "commitments": "\(totals.commitments)", "overdue": "\(totals.overdue)", "waived": "\(totals.waived)",
        ])
    }

    /// The provenance line of an audit page.
    var provenance: Provenance {
        Provenance(
            tool: "wuyou", toolVersion: toolVersion, checklistId: summary.checklist.id,
            checklistVersionText: text.checklistVersion(summary.checklist.version), checklistHash: summary.checklist.shortHash,
            surveyFile: "")
    }
}
