import Foundation
import WuyouWords
import WuyouCore
import WuyouDecimal

/// The sentences of the audit pages (the catalogue's `audit.*`) and the number formats they use.
public struct AuditText: Sendable {
    public let language: ReportLanguage
    private let words: Words

    public init(language: ReportLanguage) {
        self.language = language
        words = Words(language)
    }


    var htmlLang: String { words["audit.html-lang"] }

    /// One count of the audit, the same everywhere it is said: surveys counted, drafts left out
    /// of the figures, surveys that could not be used, and folders that could not be read.
    func subtitle(_ summary: AuditSummary) -> String {
        var line = words("audit.subtitle", ["surveys": "\(summary.countedSurveys)"])
        if summary.draftCount > 0 { line += words("audit.subtitle.drafts", ["drafts": "\(summary.draftCount)"]) }
        if !summary.unused.isEmpty { line += words("audit.subtitle.unused", ["unused": "\(summary.unused.count)"]) }
        if !summary.inputProblems.isEmpty { line += words("audit.subtitle.folders", ["folders": "\(summary.inputProblems.count)"]) }
        return line
    }

    /// A checklist that keeps a bundled id but is not the bundled file.
    func modifiedChecklist(id: String, hash: String) -> String {
        words("audit.modified-checklist", ["id": id, "hash": hash])
    }

    func draftsNote() -> String {
        words["audit.drafts-note"]
    }

    /// The columns of a centre row count mandatory requirements, as each report's conclusion does.
    func countsNote() -> String {
        words["audit.counts-note"]
    }

    func passSentence(passing: Int, of surveys: Int, strict: Bool) -> String {
        let sentence = words("audit.pass-sentence", ["passing": "\(passing)", "surveys": "\(surveys)"])
        return strict ? sentence + words["audit.pass-sentence.strict"] : sentence
    }

    func noSubdistrict() -> String { words["audit.no-subdistrict"] }

    func areaFigure(_ totals: AuditTotals) -> (label: String, unit: String, detail: String) {
        (words["audit.figure.area"], "m²", words("audit.figure.area.detail", ["count": "\(totals.centresShortOfArea)"]))
    }

    func awardFigure(_ totals: AuditTotals) -> (label: String, unit: String, detail: String) {
        (words["audit.figure.award"], words["audit.figure.award.unit"], words("audit.figure.award.detail", [
            "count": "\(totals.awarded)", "city": amount(totals.awardCity), "subdistrict": amount(totals.awardSubdistrict),
        ]))
    }

    func developerFigure(_ totals: AuditTotals) -> (label: String, unit: String, detail: String) {
        (words["audit.figure.developers"], "m²", words("audit.figure.developers.detail", ["count": "\(totals.developmentsShort)"]))
    }

    func baselineSentence(_ comparison: BaselineComparison, passRate: ExactDecimal?) -> String {
        words("audit.baseline-sentence", [
            "path": comparison.baselinePath, "surveys": "\(comparison.baselineSurveys)",
            "rates": "\(percent(comparison.baselinePassRate)) → \(percent(passRate))",
            "closed": "\(comparison.totalGapsClosed)", "opened": "\(comparison.totalGapsOpened)",
            "new": "\(comparison.newCentres)", "gone": "\(comparison.gone.count)",
        ])
    }

    // MARK: Charts

    func distributionTitle() -> String { words["audit.distribution.title"] }

    func distributionDescription(surveys: Int) -> String {
        words("audit.distribution.description", ["surveys": "\(surveys)"])
    }

    func distributionCaption() -> String {
        words["audit.distribution.caption"]
    }

    func band(_ band: ScoreBand) -> String {
        let key = switch band {
        case .full: "full"
        case .from90: "from90"
        case .from80: "from80"
        case .from60: "from60"
        case .below60: "below60"
        case .unscored: "unscored"
        }
        return words["audit.band.\(key)"]
    }

    func centreCount(_ count: Int) -> String { words("audit.centre-count", ["count": "\(count)"]) }

    func bandTooltip(_ band: ScoreBand, count: Int) -> String {
        band == .unscored
            ? words("audit.band-tooltip.unscored", ["count": "\(count)"])
            : words("audit.band-tooltip", ["band": self.band(band), "count": "\(count)"])
    }

    func complianceTitle() -> String { words["audit.compliance.title"] }

    func complianceDescription(requirements: Int) -> String {
        words("audit.compliance.description", ["requirements": "\(requirements)"])
    }

    func complianceCaption() -> String {
        words["audit.compliance.caption"]
    }

    func complianceNote() -> String {
        words["audit.compliance.note"]
    }

    func complianceValue(_ compliance: RequirementCompliance) -> String {
        guard let rate = compliance.rate else { return words["audit.compliance.no-data"] }
        return words("audit.compliance.value", ["rate": percent(rate), "met": "\(compliance.met)", "judged": "\(compliance.judged)"])
    }

    func complianceTooltip(title: String, id: String, value: String) -> String {
        words("audit.compliance.tooltip", ["title": title, "id": id, "value": value])
    }

    func severity(_ severity: Requirement.Severity) -> String {
        words["audit.severity.\(severity.rawValue)"]
    }

    // MARK: Centres

    func centresNote() -> String {
        words["audit.centres-note"]
    }

    func verdict(_ survey: AuditedSurvey) -> (status: Status, label: String) {
        if survey.isDraft { return (.unknown, words["audit.verdict.draft"]) }
        if !survey.fails { return (.met, words["audit.verdict.passes"]) }
        if survey.score == nil { return (.unknown, words["audit.verdict.no-score"]) }
        return (.gap, words["audit.verdict.fails"])
    }

    func attentionNote(shown: Int, of total: Int) -> String {
        words("audit.attention-note", ["shown": "\(shown)", "total": "\(total)"])
    }

    func allCentresLink(_ total: Int) -> String {
        words("audit.all-centres-link", ["total": "\(total)"])
    }

    func moreInJSON(_ count: Int) -> String {
        words("audit.more-in-json", ["count": "\(count)"])
    }

    func subdistrictSubtitle(surveys: Int) -> String {
        words("audit.subdistrict-subtitle", ["surveys": "\(surveys)"])
    }

    func subdistrictCentresNote() -> String {
        words["audit.subdistrict-centres-note"]
    }

    func allCentresNote(surveys: Int) -> String {
        words("audit.all-centres-note", ["surveys": "\(surveys)"])
    }

    func errorsNote() -> String {
        words["audit.errors-note"]
    }

    func checklistVersion(_ version: String) -> String { words("audit.checklist-version", ["version": version]) }

    // MARK: Numbers

    /// A score or rate as a percentage with at most one decimal, or a dash.
    func percent(_ fraction: ExactDecimal?) -> String {
        DecimalRounding.percentText(fraction)
    }

    /// A change of a score or rate, in percentage points: `+11.1 分`, `-5 个百分点`, `0`, or a dash.
    func pointsChange(_ change: ExactDecimal?, score: Bool) -> String {
        guard let change else { return "—" }
        let points = DecimalRounding.rounded(change * 100, places: 1)
        if points == 0 { return "0" }
        let sign = points > 0 ? "+" : "−"
        let magnitude = "\(points < 0 ? -points : points)"
        return words(score ? "audit.points.score" : "audit.points.rate", ["change": sign + magnitude])
    }

    /// An amount as every report writes it: plain digits (`60000`), as in the JSON's
    /// `expected` and `observed` (the same ``DecimalText`` they are written with).
    func amount(_ value: ExactDecimal) -> String {
        DecimalText.text(value)
    }

    /// Money as the reports write it: `60000` beside 元 in Chinese, `¥60000` in English.
    func money(_ value: ExactDecimal) -> String {
        words("audit.money", ["amount": amount(value)])
    }

    /// A score as a percentage with one decimal, rounded once from its counts.
    func score(_ survey: AuditedSurvey) -> String {
        DecimalRounding.percentText(survey.scoreParts.met, of: survey.scoreParts.judged)
    }
}
