import Foundation
import WuyouCore

/// Every word of the audit index and of audit error messages, in Chinese and English, and
/// the number formats they use.
public struct AuditText: Sendable {
    public let language: ReportLanguage

    public init(language: ReportLanguage) {
        self.language = language
    }


    var htmlLang: String { language.pick("zh-CN", "en") }

    func subtitle(surveys: Int, failedFiles: Int, drafts: Int = 0) -> String {
        var line = language.pick("共检查 \(surveys) 个社区", "\(surveys) \(plural(surveys, "centre", "centres")) audited")
        if drafts > 0 {
            line += language.pick("，另有 \(drafts) 份草稿未计入", "; \(drafts) \(plural(drafts, "draft", "drafts")) not counted")
        }
        guard failedFiles > 0 else { return line }
        return line + language.pick("，\(failedFiles) 个文件未纳入统计",
                              "; \(failedFiles) \(plural(failedFiles, "file", "files")) left out")
    }

    /// A checklist that keeps a bundled id but is not the bundled file.
    func modifiedChecklist(id: String, hash: String) -> String {
        language.pick("注意：检查清单 \(id) 已修改（校验码 \(hash)），与内置的正式版本不同；本页的标准以修改后的清单为准。",
                      "Note: checklist \(id) is modified (hash \(hash)); it is not the bundled standard, and every figure here follows the modified one.")
    }

    func draftsNote() -> String {
        language.pick("以下调查表还留有模板说明文字（如（检查人姓名）），是草稿：不计入达标率、图表和各办事处合计，也不单独成为一个办事处。填写完整后重新运行。",
                      "These surveys still hold template text (such as （检查人姓名）): they are drafts, left out of the pass rate, the charts and the sub-district totals, and never a sub-district of their own. Finish them and run the audit again.")
    }

    /// The columns of a centre row count mandatory requirements, as each report's conclusion does.
    func countsNote() -> String {
        language.pick("“未达标”“部分达标”“数据缺失”三列是必备要求的项数，与各社区报告检查结论中的数字一致。",
                      "Gaps, partial and unknown count mandatory requirements, as each report's conclusion does.")
    }

    func passSentence(passing: Int, of surveys: Int, strict: Bool) -> String {
        let sentence = language.pick("\(surveys) 个社区中 \(passing) 个达标", "\(passing) of \(surveys) centres pass")
        return strict ? sentence + language.pick("（严格模式：必备要求数据缺失也算未达标）", " (strict: a missing mandatory fact fails)") : sentence
    }

    func noSubdistrict() -> String { language.pick("（未填写办事处）", "(no sub-district)") }

    func areaFigure(_ totals: AuditTotals) -> (label: String, unit: String, detail: String) {
        (language.pick("面积缺口合计", "Area shortfall"), "m²",
         language.pick("\(totals.centresShortOfArea) 个社区面积不足",
              "\(totals.centresShortOfArea) \(plural(totals.centresShortOfArea, "centre", "centres")) short of space"))
    }

    func awardFigure(_ totals: AuditTotals) -> (label: String, unit: String, detail: String) {
        (language.pick("以奖代补资金合计", "以奖代补 awards"), language.pick("元", ""),
         language.pick("\(totals.awarded) 个社区；市财政 \(amount(totals.awardCity)) 元，办事处财政 \(amount(totals.awardSubdistrict)) 元",
              "\(totals.awarded) \(plural(totals.awarded, "community", "communities")) eligible; city \(money(totals.awardCity)), sub-districts \(money(totals.awardSubdistrict))"))
    }

    func developerFigure(_ totals: AuditTotals) -> (label: String, unit: String, detail: String) {
        (language.pick("开发商配建缺口合计", "Developer space owed"), "m²",
         language.pick("\(totals.developmentsShort) 个开发项目尚欠",
              "\(totals.developmentsShort) \(plural(totals.developmentsShort, "development", "developments")) still owe space"))
    }

    func baselineSentence(_ comparison: BaselineComparison, passRate: ExactDecimal?) -> String {
        let rates = "\(percent(comparison.baselinePassRate)) → \(percent(passRate))"
        let gone = comparison.gone.count
        let new = comparison.newCentres
        return language.pick(
            "与上次汇总（\(comparison.baselinePath)，\(comparison.baselineSurveys) 个社区）相比：达标率 \(rates)；已整改问题 \(comparison.totalGapsClosed) 项，新增问题 \(comparison.totalGapsOpened) 项；新增社区 \(new) 个，本次未检查 \(gone) 个。",
            "Since the last audit (\(comparison.baselinePath), \(comparison.baselineSurveys) centres): pass rate \(rates); \(comparison.totalGapsClosed) gaps closed, \(comparison.totalGapsOpened) opened; \(new) new \(plural(new, "centre", "centres")), \(gone) not surveyed this time.")
    }

    // MARK: Charts

    func distributionTitle() -> String { language.pick("社区得分分布", "Centres by score") }

    func distributionDescription(surveys: Int) -> String {
        language.pick("\(surveys) 个社区按必备要求得分分段统计的社区数。",
             "Number of the \(surveys) centres in each band of the mandatory-requirement score.")
    }

    func distributionCaption() -> String {
        language.pick("得分 = 必备要求中达标项数 ÷ 已判定项数；无法评分指没有任何必备要求能够判定。",
             "Score = mandatory requirements met ÷ mandatory requirements judged; no score means none could be judged.")
    }

    func band(_ band: ScoreBand) -> String {
        switch band {
        case .full: "100%"
        case .from90: "90%–99.9%"
        case .from80: "80%–89.9%"
        case .from60: "60%–79.9%"
        case .below60: language.pick("低于60%", "below 60%")
        case .unscored: language.pick("无法评分", "no score")
        }
    }

    func centreCount(_ count: Int) -> String { language.pick("\(count) 个", "\(count)") }

    func bandTooltip(_ band: ScoreBand, count: Int) -> String {
        band == .unscored
            ? language.pick("无法评分：\(count) 个社区", "no score: \(count) \(plural(count, "centre", "centres"))")
            : language.pick("得分\(self.band(band))：\(count) 个社区", "score \(self.band(band)): \(count) \(plural(count, "centre", "centres"))")
    }

    func complianceTitle() -> String { language.pick("各项要求达标率（由低到高）", "Compliance rate by requirement (lowest first)") }

    func complianceDescription(requirements: Int) -> String {
        language.pick("共 \(requirements) 项要求，按达标率由低到高排列；达标率 = 达标社区数 ÷ 已判定社区数（不含数据缺失和不适用）。",
             "\(requirements) requirements, lowest rate first; rate = centres meeting it ÷ centres judged (unknown and not applicable left out).")
    }

    func complianceCaption() -> String {
        language.pick("条形长度为达标率；括号内为达标社区数/已判定社区数。", "Bar length is the rate; in brackets, centres meeting it / centres judged.")
    }

    func complianceNote() -> String {
        language.pick("达标率按已判定的社区计算，数据缺失和不适用的社区不计入。最需要关注的要求排在最前。",
             "Rates count only the centres that could be judged on a requirement. The requirements needing most attention come first.")
    }

    func complianceValue(_ compliance: RequirementCompliance) -> String {
        guard let rate = compliance.rate else { return language.pick("无数据", "no data") }
        return language.pick("\(percent(rate))（\(compliance.met)/\(compliance.judged)）", "\(percent(rate)) (\(compliance.met)/\(compliance.judged))")
    }

    func complianceTooltip(title: String, id: String, value: String) -> String {
        language.pick("\(title)（\(id)）：\(value)", "\(title) (\(id)): \(value)")
    }

    func severity(_ severity: Requirement.Severity) -> String {
        switch severity {
        case .mandatory: language.pick("必备要求", "mandatory")
        case .recommended: language.pick("建议要求", "recommended")
        }
    }

    // MARK: Centres

    func centresNote() -> String {
        language.pick("按得分由低到高排列（无法评分的排在最前），点击社区名称查看该社区的检查报告。",
             "Lowest score first (centres without a score at the top); follow a community's name to its report.")
    }

    func verdict(_ survey: AuditedSurvey) -> (status: Status, label: String) {
        if survey.isDraft { return (.unknown, language.pick("草稿", "draft")) }
        if !survey.fails { return (.met, language.pick("达标", "passes")) }
        if survey.score == nil { return (.unknown, language.pick("无法评分", "no score")) }
        return (.gap, language.pick("未达标", "does not pass"))
    }

    func attentionNote(shown: Int, of total: Int) -> String {
        language.pick("得分最低的 \(shown) 个社区（无法评分的排在最前）；全部 \(total) 个社区见“全部社区”页，可按结论和办事处筛选、按名称搜索。",
                      "The \(shown) lowest-scoring centres (those without a score first); all \(total) are on the all-centres page, which filters by verdict and sub-district and searches by name.")
    }

    func allCentresLink(_ total: Int) -> String {
        language.pick("查看全部 \(total) 个社区", "See all \(total) \(plural(total, "centre", "centres"))")
    }

    func moreInJSON(_ count: Int) -> String {
        language.pick("另有 \(count) 项未在此列出，见 audit.json。", "\(count) more are not listed here; audit.json has them all.")
    }

    func subdistrictSubtitle(surveys: Int) -> String {
        language.pick("共 \(surveys) 个社区", "\(surveys) \(plural(surveys, "centre", "centres"))")
    }

    func subdistrictCentresNote() -> String {
        language.pick("按得分由低到高排列（无法评分的排在最前），点击社区名称查看检查报告；名称后为调查编号。",
                      "Lowest score first (centres without a score at the top); follow a name to its report. The survey id follows each name.")
    }

    func allCentresNote(surveys: Int) -> String {
        language.pick("共 \(surveys) 个社区，按办事处分组，组内得分由低到高。可按结论筛选、跳到某个办事处；浏览器允许脚本时可按名称或编号搜索。",
                      "\(surveys) centres by sub-district, lowest score first within each. Filter by verdict, jump to a sub-district, or, with scripts enabled, search by name or id.")
    }

    func errorsNote() -> String {
        language.pick("以下文件未能读取、未通过格式校验或调查编号重复，未纳入统计；请修正后重新运行。",
             "These files could not be read, failed validation or repeat a survey id, and are left out of every figure; fix them and run the audit again.")
    }

    func checklistVersion(_ version: String) -> String { language.pick("\(version) 版", "version \(version)") }

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
        return sign + magnitude + (score ? language.pick(" 分", " pts") : language.pick(" 个百分点", " pts"))
    }

    /// An amount as every report writes it: plain digits (`60000`), as in the JSON's
    /// `expected` and `observed` (the same ``DecimalText`` they are written with).
    func amount(_ value: ExactDecimal) -> String {
        DecimalText.text(value)
    }

    /// Money as the reports write it: `60000` beside 元 in Chinese, `¥60000` in English.
    func money(_ value: ExactDecimal) -> String {
        language.pick(amount(value), "¥" + amount(value))
    }

    /// A score as a percentage with one decimal, rounded once from its counts.
    func score(_ survey: AuditedSurvey) -> String {
        DecimalRounding.percentText(survey.scoreParts.met, of: survey.scoreParts.judged)
    }

    private func plural(_ count: Int, _ one: String, _ many: String) -> String {
        count == 1 ? one : many
    }
}
