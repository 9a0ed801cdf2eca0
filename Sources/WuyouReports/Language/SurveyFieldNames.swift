import WuyouCore

/// What each element and attribute of the survey format records, in words, so that a message
/// about `community/@households` can say 户数 / the number of households.
enum SurveyFieldNames {
    private static let names: [String: (zh: String, en: String)] = [
        "survey@id": ("调查编号", "the survey id"),
        "survey@date": ("检查日期", "the survey date"),
        "community@name": ("社区名称", "the community's name"),
        "community@code": ("社区代码", "the community code"),
        "community@subdistrict": ("所属街道", "the sub-district"),
        "community@households": ("户数", "the number of households"),
        "community@central": ("是否位于中心城区", "whether the community is central"),
        "centre@area": ("中心总面积", "the centre's floor area"),
        "centre@premises": ("用房性质", "the premises"),
        "hall@one-door": ("是否“一门式”大厅", "whether the hall is one-door"),
        "hall@windows": ("大厅窗口数", "the number of hall windows"),
        "room@type": ("用房代码", "the room codes"),
        "room@area": ("用房面积", "the room's area"),
        "staff@full-time": ("专职人数", "full-time staff"),
        "staff@part-time": ("兼职人数", "part-time staff"),
        "duties@documented": ("职责是否成文", "whether duties are written down"),
        "duties@posted": ("职责是否上墙公示", "whether duties are posted"),
        "department@name": ("部门名称", "the department's name"),
        "department@window": ("是否设窗口", "whether it has a window"),
        "governance@residents-congress": ("居民代表会议制度", "the residents' congress"),
        "governance@consultation-council": ("协商议事会议制度", "the consultation council"),
        "governance@elections": ("民主选举", "democratic elections"),
        "governance@decisions": ("民主决策", "democratic decisions"),
        "governance@management": ("民主管理", "democratic management"),
        "governance@supervision": ("民主监督", "democratic supervision"),
        "governance@access-system": ("行政工作准入制度", "the access system"),
        "environment@long-term-mechanism": ("市容环境长效机制", "the environment mechanism"),
        "safety@emergency-plan": ("应急处置机制", "the emergency plan"),
        "education@teams": ("骨干队伍数", "the number of teams"),
        "information@platform": ("是否接入信息平台", "the information platform"),
        "funding@staff-monthly-subsidy": ("工作人员月补贴", "the staff's monthly subsidy"),
        "funding@office-funds": ("年办公经费", "the annual office funds"),
        "funding@leader-annual-subsidy": ("书记（主任）年工资补贴", "the secretary's annual subsidy"),
        "training@days": ("培训天数", "the days of training"),
        "development@name": ("项目名称", "the development's name"),
        "development@floor-area": ("住房面积", "the development's floor area"),
        "development@service-space": ("已提供服务用房面积", "the service space handed over"),
        "development@funds-in-lieu-area": ("等量资金折合面积", "the area paid in money"),
        "inspector": ("检查人", "the inspector"),
        "notes": ("备注", "the notes"),
        "service": ("服务项目", "the service"),
        "regulation": ("规章制度", "the regulation"),
        "room": ("用房名称", "the room's name"),
    ]

    /// `<element> @attribute` in words, with the attribute's own name so it can be found:
    /// 户数（households）/ the number of households (households).
    static func name(element: String, attribute: String?, language: ReportLanguage) -> String {
        let key = attribute.map { "\(element)@\($0)" } ?? element
        guard let words = names[key] else {
            return attribute.map { "<\(element)> @\($0)" } ?? "<\(element)>"
        }
        let written = attribute ?? element
        return language.pick("\(words.zh)（\(written)）", "\(words.en) (\(written))")
    }
}
