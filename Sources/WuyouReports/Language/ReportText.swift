import Foundation
import WuyouCore

/// Words every renderer shares: statuses, units and the wording of values,
/// in Chinese and English.
public struct ReportText: Sendable {
    public let language: ReportLanguage
    public let checklist: Checklist

    public init(language: ReportLanguage, checklist: Checklist) {
        self.language = language
        self.checklist = checklist
    }


    public func status(_ status: Status) -> String {
        switch status {
        case .met: language.pick("达标", "met")
        case .gap: language.pick("未达标", "gap")
        case .partial: language.pick("部分达标", "partial")
        case .unknown: language.pick("数据缺失", "unknown")
        case .notApplicable: language.pick("不适用", "not applicable")
        }
    }

    public func severity(_ severity: Requirement.Severity) -> String {
        switch severity {
        case .mandatory: language.pick("必备", "mandatory")
        case .recommended: language.pick("建议", "recommended")
        }
    }

    public func basis(_ basis: Requirement.Basis) -> String {
        switch basis {
        case .quoted: language.pick("原文", "quoted")
        case .interpreted: language.pick("解释", "interpreted")
        }
    }

    /// A number as reports print it: exact, without trailing zeros.
    public func number(_ value: ExactDecimal) -> String {
        DecimalText.text(value)
    }

    /// A quantity with its unit, e.g. `280 m²`, `450 元`, `1.5 天`.
    public func quantity(_ value: ExactDecimal, unit: String) -> String {
        let amount = number(value)
        // Only English words it, and comparing decimals is not free.
        var one: Bool { value == 1 }
        switch unit {
        case "m2": return "\(amount) m²"
        case "元": return language.pick("\(amount) 元", "¥\(amount)")
        case "persons": return language.pick("\(amount) 人", "\(amount) \(one ? "person" : "persons")")
        case "days": return language.pick("\(amount) 天", "\(amount) \(one ? "day" : "days")")
        case "departments": return language.pick("\(amount) 个部门", "\(amount) \(one ? "department" : "departments")")
        case "regulations": return language.pick("\(amount) 项制度", "\(amount) \(one ? "regulation" : "regulations")")
        case "items", "": return language.pick("\(amount) 项", "\(amount) \(one ? "item" : "items")")
        case "teams": return language.pick("\(amount) 支队伍", "\(amount) \(one ? "team" : "teams")")
        default: return "\(amount) \(unit)"
        }
    }

    public func premises(_ word: String) -> String {
        switch word {
        case "own": language.pick("自有用房", "own premises")
        case "new": language.pick("新建", "newly built")
        case "renovated": language.pick("改扩建", "renovated")
        case "purchased": language.pick("购置", "purchased")
        case "allocated": language.pick("调剂", "allocated")
        case "rented": language.pick("租用", "rented")
        case "shared": language.pick("共用", "shared")
        case "none": language.pick("无办公用房", "no premises")
        default: word
        }
    }

    private func inventory(_ inventory: SurveyInventory) -> String {
        switch inventory {
        case .services: language.pick("服务项目", "services")
        case .regulations: language.pick("规章制度", "regulations")
        case .departments: language.pick("进驻部门", "departments")
        case .developments: language.pick("开发项目", "developments")
        case .rooms: language.pick("用房", "rooms")
        }
    }

    private func unitsName(_ fact: SurveyFact) -> String {
        fact == .communityHouseholds ? language.pick("户", "households") : fact.rawValue
    }

    public func roomLabel(code: String) -> String {
        checklist.room(code: code)?.label.text(language.rawValue) ?? code
    }

    /// An expected or observed value in words.
    public func value(_ value: FindingValue) -> String {
        switch value {
        case .amount(let amount, let unit): quantity(amount, unit: unit)
        case .atLeast(let amount, let unit): "≥ " + quantity(amount, unit: unit)
        case .yes: language.pick("是", "yes")
        case .no: language.pick("否", "no")
        case .word(let word): premises(word)
        case .notRecorded: language.pick("未记录", "not recorded")
        case .room(let code): language.pick("设有\(roomLabel(code: code))", "\(roomLabel(code: code)) present")
        case .roomFound(let name): language.pick("有（\(name)）", "present (\(name))")
        case .missing: language.pick("无", "none")
        case .allItems(let kind, let count):
            language.pick("全部 \(count) 个\(inventory(kind))设窗口", "all \(count) \(inventory(kind)) have a window")
        case .itemsLacking(let kind, let lacking, let total):
            language.pick("\(total) 个\(inventory(kind))中 \(lacking) 个未设窗口", "\(lacking) of \(total) \(inventory(kind)) without a window")
        case .nothingListed(let kind): language.pick("未列出\(inventory(kind))", "no \(inventory(kind)) listed")
        case .factsTrue(let count, let total): language.pick("\(total) 项中 \(count) 项落实", "\(count) of \(total) in place")
        case .noPremises: language.pick("无办公用房（按 0 m² 计）", "no premises (counted as 0 m²)")
        case .notCentral: language.pick("非中心城区社区", "not in the central urban area")
        case .effectiveFrom(let date): language.pick("自 \(date) 起施行", "applies from \(date)")
        case .assertion(let holds): holds ? language.pick("成立", "holds") : language.pick("不成立", "does not hold")
        case .wordOtherThan(let words):
            language.pick("不是“\(words.map(premises).joined(separator: "”“"))”", "not “\(words.map(premises).joined(separator: "”, “"))”")
        case .areaPerUnits(let area, let per, let unit, let units):
            language.pick("≥ 每 \(number(per)) \(unitsName(units)) \(quantity(area, unit: unit))",
                 "≥ \(quantity(area, unit: unit)) per \(number(per)) \(unitsName(units))")
        case .everyItem(let kind): language.pick("每个\(inventory(kind))均设窗口", "every one of the \(inventory(kind)) has a window")
        case .ratio(let required, let per, let unit):
            language.pick("每 \(quantity(per, unit: unit)) 配建 ≥ \(quantity(required, unit: unit))",
                 "≥ \(quantity(required, unit: unit)) per \(quantity(per, unit: unit))")
        case .allOf(let values): values.map { self.value($0) }.joined(separator: language.pick("，且", " and "))
        }
    }

    /// What a gap may owe to a slip of the pen: 请核实：调查表第12行有“警物室”，疑为警务室. Empty when
    /// the finding has no possible typo.
    public func possibleTypos(_ finding: Finding) -> String {
        finding.possibleTypos.map { typo in
            let written = DiagnosticText.shortened(typo.written, to: InputLimits.quotedLength)
            return language.pick(
                "请核实：调查表第\(typo.line)行有“\(written)”，疑为\(roomLabel(code: typo.meant))",
                "check: line \(typo.line) of the survey has “\(written)”, probably meant as \(roomLabel(code: typo.meant))")
        }.joined(separator: language.pick("；", "; "))
    }

    /// A shortfall as a reader wants it: `缺 20 m²` / `20 m² short`.
    public func shortfall(_ finding: Finding) -> String? {
        guard let shortfall = finding.shortfall, let unit = finding.unit else { return nil }
        let amount = quantity(shortfall, unit: unit)
        return language.pick("缺 \(amount)", "\(amount) short")
    }

    /// A list element of the survey in words, e.g. `规章制度` / `regulations`.
    public func inventoryName(_ kind: SurveyInventory) -> String {
        inventory(kind)
    }

    /// What a survey fact records, phrased as what an inspector fills in, e.g.
    /// `是否接入社区信息服务平台` / `whether the centre is connected to the information platform`.
    public func factDescription(_ fact: SurveyFact) -> String {
        switch fact {
        case .centreArea: language.pick("中心建筑面积（m²）", "the centre's floor area (m²)")
        case .centrePremises: language.pick("中心用房性质", "how the centre's premises are held")
        case .communityHouseholds: language.pick("社区户数", "the number of households in the community")
        case .hallOneDoor: language.pick("服务大厅是否实行“一门式”服务", "whether the service hall works as a one-door hall")
        case .hallWindows: language.pick("服务大厅窗口数", "the number of windows in the service hall")
        case .staffFullTime: language.pick("专职工作人员人数", "the number of full-time staff")
        case .staffPartTime: language.pick("兼职工作人员人数", "the number of part-time staff")
        case .dutiesDocumented: language.pick("工作职责是否成文", "whether the duties are written down")
        case .dutiesPosted: language.pick("工作职责是否上墙公示", "whether the duties are posted on the wall")
        case .governanceResidentsCongress: language.pick("是否建立居民代表会议制度", "whether there is a residents' representative congress")
        case .governanceConsultationCouncil: language.pick("是否建立协商议事会议制度", "whether there is a consultation council")
        case .governanceElections: language.pick("是否落实民主选举", "whether democratic elections are in place")
        case .governanceDecisions: language.pick("是否落实民主决策", "whether democratic decision-making is in place")
        case .governanceManagement: language.pick("是否落实民主管理", "whether democratic management is in place")
        case .governanceSupervision: language.pick("是否落实民主监督", "whether democratic supervision is in place")
        case .governanceAccessSystem: language.pick("是否实行行政工作进社区准入制度", "whether there is an access system for administrative work")
        case .environmentLongTermMechanism: language.pick("是否建立市容环境管理长效机制", "whether there is a long-term environment management mechanism")
        case .safetyEmergencyPlan: language.pick("是否建立公共安全预警和应急处置机制", "whether there is a public safety warning and emergency plan")
        case .educationTeams: language.pick("文体活动、社区教育骨干队伍数", "the number of culture, sports and education volunteer teams")
        case .informationPlatform: language.pick("是否接入社区信息服务平台", "whether the centre is connected to the community information platform")
        case .fundingStaffMonthlySubsidy: language.pick("社区工作人员月补贴（元）", "community workers' monthly subsidy (元)")
        case .fundingOfficeFunds: language.pick("年度办公经费（元）", "annual office funds (元)")
        case .fundingLeaderAnnualSubsidy: language.pick("书记（主任）年工资补贴（元）", "the secretary's (director's) annual salary subsidy (元)")
        case .trainingDays: language.pick("社区工作者培训天数", "days of training for community workers")
        }
    }

    /// The report's score as a percentage with one decimal, from its exact counts (15 of 19
    /// is 78.9%), or a dash when nothing was judged.
    public func score(_ report: SurveyReport) -> String {
        DecimalRounding.percentText(report.scoreParts.met, of: report.scoreParts.judged)
    }
}
