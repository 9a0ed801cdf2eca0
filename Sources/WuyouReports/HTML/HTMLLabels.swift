import Foundation
import WuyouMustache
import WuyouCore

/// Every word of the HTML report that does not come from the survey, the checklist or
/// ``ReportText``: the fixed labels the templates read as `labels.<key>`, and the sentences
/// the view model composes. Chinese and English sit side by side, and each table is an
/// exhaustive `switch`, so a key cannot exist in one language only.
public struct HTMLLabels: TemplateModel, Sendable {
    /// A fixed label; the raw value is the name templates use after `labels.`.
    public enum Key: String, CaseIterable, Sendable {
        // Page and sections (read by the templates)
        case title, navigation, backToIndex, facts, conclusion, verdictPass, verdictFail, verdictDraft, score
        case problems, noProblems, missingData, missingDataNote, noUnknowns
        case funding, award, developers, noDevelopments, warnings, met, noMet, rooms, noRooms
        case colNumber, colRequirement, colBasis, colObserved, colExpected, colShortfall, colAdvice
        case colClause, colCollect, colSurveyField, colStatus, none
        case colAwardTotal, colAwardCity, colAwardSubdistrict
        case colDevelopment, colFloorArea, colRequired, colProvided, colOutstanding, total
        case colLine, colMessage
        case colRoomName, colCountsFor, colArea, colRecognisedBy, spinnerAlias, unrecognised
        case inspectorSignature, date, generatedBy, checklist, checklistHash, surveyFile
        // Composed by the view model
        case factCommunity, factCode, factSubdistrict, factHouseholds, factCentral, factPremises
        case factCentreArea, factDate, factInspectors, factChecklist, factSurveyId, factNotes
        case notFilled, withheldForPublication, yes, no, yesByDefault, centreNotSurveyed
        case severityMandatory, severityRecommended, problemsNote, roomsNote
        case recognisedByCode, recognisedByName, recognisedByAlias, notCounted
        case listSeparator, collectCentre, collectXPath, booleanHint
        // Since last time (`--baseline`)
        case sinceLastTime, sinceClosed, sinceOpened, sinceStillOpen
    }

    let language: ReportLanguage

    public init(language: ReportLanguage) {
        self.language = language
    }

    public subscript(key: Key) -> String {
        language == .zh ? Self.zh(key) : Self.en(key)
    }

    public static let templateFields = TemplateFields<Self>(Key.allCases.map { key in .text(key.rawValue) { $0[key] } })

    // MARK: Fixed labels

    static func zh(_ key: Key) -> String {
        switch key {
        case .title: "社区综合服务中心达标检查报告"
        case .navigation: "导航"
        case .backToIndex: "← 返回汇总页"
        case .facts: "基本情况"
        case .conclusion: "检查结论"
        case .verdictPass: "达标"
        case .verdictFail: "未达标"
        case .verdictDraft: "草稿"
        case .score: "得分"
        case .problems: "问题清单"
        case .noProblems: "未发现未达标或部分达标的项目。"
        case .missingData: "数据缺失"
        case .missingDataNote: "以下项目因调查表未填写相应信息而无法判定，请在下次走访时补充采集。"
        case .noUnknowns: "所有项目均已采集到判定所需的信息。"
        case .funding: "资金支持"
        case .award: "以奖代补"
        case .developers: "开发商配建服务用房"
        case .noDevelopments: "调查表未登记开发项目，本社区暂无开发商配建义务。"
        case .warnings: "提示"
        case .met: "已达标项目"
        case .noMet: "没有已达标或不适用的项目。"
        case .rooms: "附：用房清单"
        case .noRooms: "调查表未登记任何用房。"
        case .colNumber: "序号"
        case .colRequirement: "要求"
        case .colBasis: "依据"
        case .colObserved: "现状"
        case .colExpected: "标准"
        case .colShortfall: "差距"
        case .colAdvice: "整改建议"
        case .colClause: "条款"
        case .colCollect: "下次检查需采集"
        case .colSurveyField: "调查表字段"
        case .colStatus: "状态"
        case .none: "—"
        case .colAwardTotal: "奖励合计（元）"
        case .colAwardCity: "市财政（元）"
        case .colAwardSubdistrict: "办事处财政（元）"
        case .colDevelopment: "开发项目"
        case .colFloorArea: "新建住房面积（m²）"
        case .colRequired: "应配建（m²）"
        case .colProvided: "已提供（m²）"
        case .colOutstanding: "尚欠（m²）"
        case .total: "合计"
        case .colLine: "行号"
        case .colMessage: "内容"
        case .colRoomName: "门牌名称"
        case .colCountsFor: "计为"
        case .colArea: "面积（m²）"
        case .colRecognisedBy: "识别方式"
        case .spinnerAlias: "误写别名"
        case .unrecognised: "未识别"
        case .inspectorSignature: "检查人签字："
        case .date: "日期："
        case .generatedBy: "生成工具"
        case .checklist: "检查清单"
        case .checklistHash: "清单校验码"
        case .surveyFile: "调查文件"
        case .factCommunity: "社区"
        case .factCode: "社区代码"
        case .factSubdistrict: "所属办事处"
        case .factHouseholds: "户数"
        case .factCentral: "中心城区"
        case .factPremises: "用房性质"
        case .factCentreArea: "中心面积"
        case .factDate: "检查日期"
        case .factInspectors: "检查人"
        case .factChecklist: "检查清单"
        case .factSurveyId: "调查编号"
        case .factNotes: "备注"
        case .notFilled: "未填写"
        case .withheldForPublication: "公开版不含此项"
        case .yes: "是"
        case .no: "否"
        case .yesByDefault: "是（默认）"
        case .centreNotSurveyed: "未登记中心用房"
        case .severityMandatory: "必备要求"
        case .severityRecommended: "建议要求"
        case .problemsNote: "按必备要求在前、建议要求在后排列；“依据”栏注明条款，以及标准是政策原文还是本清单的解释。"
        case .roomsNote: "“别名”指按检查清单中的别名识别的用房；“误写别名”为文本中的讹字（如“效劳”应为“服务”），建议在门牌和台账中更正；“未识别”的用房不计入任何必备用房。"
        case .recognisedByCode: "类型代码"
        case .recognisedByName: "标准名称"
        case .recognisedByAlias: "别名"
        case .notCounted: "不计入"
        case .listSeparator: "、"
        case .collectCentre: "中心用房情况：用房性质、面积、服务大厅和各功能用房"
        case .collectXPath: "检查清单中该项规则所需的信息"
        case .booleanHint: "（是/否）"
        case .sinceLastTime: "较上次"
        case .sinceClosed: "已整改："
        case .sinceOpened: "新增问题："
        case .sinceStillOpen: "仍未整改："
        }
    }

    static func en(_ key: Key) -> String {
        switch key {
        case .title: "Community Service Centre Compliance Report"
        case .navigation: "Navigation"
        case .backToIndex: "← Back to the summary"
        case .facts: "Basic facts"
        case .conclusion: "Conclusion"
        case .verdictPass: "Passes"
        case .verdictFail: "Does not pass"
        case .verdictDraft: "Draft"
        case .score: "Score"
        case .problems: "Problems to fix"
        case .noProblems: "No requirement is unmet or partly met."
        case .missingData: "Missing data"
        case .missingDataNote: "The survey does not record what these requirements need; collect it on the next visit."
        case .noUnknowns: "The survey records everything the requirements need."
        case .funding: "Funding"
        case .award: "Incentive award"
        case .developers: "Service space owed by developers"
        case .noDevelopments: "The survey lists no housing developments, so no developer owes this community service space."
        case .warnings: "Warnings"
        case .met: "Requirements met"
        case .noMet: "No requirement is met or not applicable."
        case .rooms: "Annex: room inventory"
        case .noRooms: "The survey lists no rooms."
        case .colNumber: "No."
        case .colRequirement: "Requirement"
        case .colBasis: "Basis"
        case .colObserved: "Observed"
        case .colExpected: "Expected"
        case .colShortfall: "Shortfall"
        case .colAdvice: "What to do"
        case .colClause: "Clause"
        case .colCollect: "Collect on the next visit"
        case .colSurveyField: "Survey field"
        case .colStatus: "Status"
        case .none: "—"
        case .colAwardTotal: "Total award (¥)"
        case .colAwardCity: "City (¥)"
        case .colAwardSubdistrict: "Sub-district (¥)"
        case .colDevelopment: "Development"
        case .colFloorArea: "New housing (m²)"
        case .colRequired: "Required (m²)"
        case .colProvided: "Provided (m²)"
        case .colOutstanding: "Outstanding (m²)"
        case .total: "Total"
        case .colLine: "Line"
        case .colMessage: "Message"
        case .colRoomName: "Name on the door"
        case .colCountsFor: "Counts as"
        case .colArea: "Area (m²)"
        case .colRecognisedBy: "Recognised by"
        case .spinnerAlias: "misspelt alias"
        case .unrecognised: "not recognised"
        case .inspectorSignature: "Inspector's signature:"
        case .date: "Date:"
        case .generatedBy: "Generated by"
        case .checklist: "Checklist"
        case .checklistHash: "Checklist hash"
        case .surveyFile: "Survey file"
        case .factCommunity: "Community"
        case .factCode: "Community code"
        case .factSubdistrict: "Sub-district"
        case .factHouseholds: "Households"
        case .factCentral: "Central urban area"
        case .factPremises: "Premises"
        case .factCentreArea: "Centre floor area"
        case .factDate: "Survey date"
        case .factInspectors: "Inspector(s)"
        case .factChecklist: "Checklist"
        case .factSurveyId: "Survey ID"
        case .factNotes: "Notes"
        case .notFilled: "not recorded"
        case .withheldForPublication: "withheld for publication"
        case .yes: "yes"
        case .no: "no"
        case .yesByDefault: "yes (by default)"
        case .centreNotSurveyed: "centre not surveyed"
        case .severityMandatory: "Mandatory"
        case .severityRecommended: "Recommended"
        case .problemsNote: "Mandatory requirements come first, then recommended ones; the basis column gives the clause and whether the threshold is the policy's own words or this checklist's reading."
        case .roomsNote: "“Alias” marks a room recognised by one of the checklist's other names for it; a “misspelt alias” is a garbled word (效劳 for 服务) that should be corrected on the door and in the records; rooms “not recognised” count for no required room."
        case .recognisedByCode: "type code"
        case .recognisedByName: "standard name"
        case .recognisedByAlias: "alias"
        case .notCounted: "not counted"
        case .listSeparator: ", "
        case .collectCentre: "the centre: its premises, floor area, service hall and rooms"
        case .collectXPath: "the information this checklist rule reads"
        case .booleanHint: " (yes/no)"
        case .sinceLastTime: "Since last time"
        case .sinceClosed: "Gaps closed:"
        case .sinceOpened: "New gaps:"
        case .sinceStillOpen: "Still open:"
        }
    }

    // MARK: Sentences


    /// The `lang` attribute of the page.
    var htmlLanguage: String { language.pick("zh-CN", "en") }

    func pageTitle(community: String) -> String {
        "\(community) · \(self[.title])"
    }

    func subtitle(community: String, subdistrict: String?) -> String {
        guard let subdistrict, !subdistrict.isEmpty else { return community }
        return language.pick("\(community)（\(subdistrict)）", "\(community) (\(subdistrict))")
    }

    func households(_ count: String) -> String {
        language.pick("\(count) 户", count)
    }

    func checklistVersion(_ version: String) -> String {
        language.pick("\(version) 版", "version \(version)")
    }

    /// The running header of a printed page: the community and the checklist.
    func printHeader(subtitle: String, checklist: String) -> String {
        language.pick("\(subtitle) · \(self[.title]) · \(checklist)", "\(subtitle) · \(self[.title]) · \(checklist)")
    }

    /// "第 x 页 共 y 页" / "Page x of y", around the two page counters.
    var pageNumber: (prefix: String, middle: String, suffix: String) {
        language == .zh ? ("第 ", " 页 共 ", " 页") : ("Page ", " of ", "")
    }

    func sinceSummary(date: String, id: String, before: String, now: String, change: String, closed: Int, opened: Int, stillOpen: Int) -> String {
        language.pick(
            "上次检查 \(date)（\(id)）得分 \(before)，本次得分 \(now)（\(change)）。已整改 \(closed) 项，新增问题 \(opened) 项，仍未整改 \(stillOpen) 项。",
            "Last survey \(date) (\(id)) scored \(before); this one scores \(now) (\(change)). \(closed) gaps closed, \(opened) new, \(stillOpen) still open.")
    }

    func sinceNew() -> String {
        language.pick("上次汇总中没有这个社区的调查表。", "The last audit has no survey of this community.")
    }

    func checklistFact(id: String, version: String, modified: Bool = false) -> String {
        let note = checklistVersion(version) + (modified ? language.pick("，已修改", ", modified") : "")
        return language.pick("\(id)（\(note)）", "\(id) (\(note))")
    }

    /// Said at the top of a report whose checklist keeps a bundled id but is not the bundled file.
    func modifiedChecklist(id: String, hash: String) -> String {
        language.pick("注意：本报告使用的检查清单 \(id) 已修改（校验码 \(hash)），与内置的正式版本不同；报告中的标准以修改后的清单为准。",
                      "Note: the checklist \(id) used here is modified (hash \(hash)); it is not the bundled standard, and every standard in this report follows the modified one.")
    }

    /// The conclusion's warning that some gaps may be slips of the pen; empty when none.
    func typoSentence(_ count: Int) -> String {
        guard count > 0 else { return "" }
        return language.pick("其中 \(count) 项可能是调查表笔误（见问题清单中的“请核实”），签字前请先核实。",
                             "\(count) of the gaps may be slips in the survey (see “check” in the list of problems); check them before signing.")
    }

    /// The one-sentence verdict over mandatory requirements (report.md, item 3).
    func verdictSentence(mandatory: Int, gap: Int, partial: Int, unknown: Int) -> String {
        language.pick("必备要求\(mandatory)项中，未达标\(gap)项，部分达标\(partial)项，数据缺失\(unknown)项。",
             "Of \(mandatory) mandatory requirements, \(gap) not met, \(partial) partly met, \(unknown) lacking data.")
    }

    func countsCaption(total: Int) -> String {
        language.pick("全部\(total)项要求的检查结果：", "Results for all \(total) requirements:")
    }

    func metSummary(met: Int, notApplicable: Int) -> String {
        language.pick("已达标\(met)项，不适用\(notApplicable)项", "\(met) met, \(notApplicable) not applicable")
    }

    func awardSentence(premises: String, clause: String, total: String, city: String, subdistrict: String) -> String {
        language.pick("本社区位于中心城区，用房性质为“\(premises)”，符合以奖代补条件（\(clause)），可获奖励 \(total)，其中市财政 \(city)、办事处财政 \(subdistrict)。",
             "The community is in the central urban area and qualifies for the incentive award for its premises (\(premises); \(clause)): \(total), of which the city pays \(city) and the sub-district \(subdistrict).")
    }

    func noAwardNotCentral() -> String {
        language.pick("本社区不在中心城区，不符合以奖代补条件。", "The community is not in the central urban area, so it does not qualify for the incentive award.")
    }

    func noAwardNoCentre() -> String {
        language.pick("调查表未登记中心用房，无法判断以奖代补资格。", "The survey does not record the centre, so eligibility for the incentive award cannot be judged.")
    }

    func noAwardNoPremises() -> String {
        language.pick("调查表未填写用房性质，无法判断以奖代补资格。", "The survey does not say how the premises are held, so eligibility for the incentive award cannot be judged.")
    }

    func noAwardPremises(_ premises: String) -> String {
        language.pick("本社区用房性质为“\(premises)”，不属于以奖代补范围。", "The incentive award does not cover the community's premises (\(premises)).")
    }

    func developmentsNote(requiredArea: String, perArea: String, clause: String) -> String {
        language.pick("应配建面积 = 新建住房面积 × \(requiredArea) ÷ \(perArea)（\(clause)）；已提供面积含开发商以等量资金替代的部分。",
             "Required space = new housing floor area × \(requiredArea) ÷ \(perArea) (\(clause)); space provided includes space paid for with funds in lieu.")
    }

    func providedWithFunds(total: String, funds: String) -> String {
        language.pick("\(total)（其中资金折合 \(funds)）", "\(total) (of which \(funds) as funds in lieu)")
    }

    func collectList(_ items: String) -> String {
        language.pick("逐项登记\(items)", "list each of the \(items)")
    }

    func unknownCode(_ code: String) -> String {
        language.pick("未知代码 \(code)", "unknown code \(code)")
    }

    func roomCode(label: String, code: String) -> String {
        language.pick("\(label)（\(code)）", "\(label) (\(code))")
    }
}
