/// The four sheets of a survey workbook (docs/spec/spreadsheet-format.md): a row per survey, and a row
/// per room, department and development, joined to their survey by its id.
public enum SheetKind: String, Sendable, CaseIterable {
    case surveys, rooms, departments, developments

    /// The sheet's Chinese name; a sheet (or CSV file) may be named by it or by the key.
    public var chineseName: String {
        switch self {
        case .surveys: "调查表"
        case .rooms: "用房"
        case .departments: "进驻部门"
        case .developments: "开发项目"
        }
    }

    /// The name of the instructions sheet the template adds; imports skip it.
    public static let instructionsName = "说明"

    /// The sheet a name (of a sheet, or a CSV file without `.csv`) stands for: its key in any
    /// case, or its Chinese name, after NFKC and trimming.
    public static func named(_ name: String) -> SheetKind? {
        let normalised = CellText.normalised(name)
        return allCases.first { $0.rawValue == normalised.lowercased() || $0.chineseName == normalised }
    }

    /// The key of the column joining a row of this sheet to its survey.
    static let surveyColumn = "survey"

    /// The key of the column naming the survey a row belongs to: `id` in the surveys sheet,
    /// `survey` in the others.
    var idColumn: String { self == .surveys ? "id" : Self.surveyColumn }

    /// The position of the column `key` in ``columns``.
    func position(of key: String) -> Int? {
        switch self {
        case .surveys: Self.surveyPositions[key]
        case .rooms: Self.roomPositions[key]
        case .departments: Self.departmentPositions[key]
        case .developments: Self.developmentPositions[key]
        }
    }

    private static func positions(_ columns: [WorkbookColumn]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.key, $0) })
    }

    private static let surveyPositions = positions(surveyColumns)
    private static let roomPositions = positions(roomColumns)
    private static let departmentPositions = positions(departmentColumns)
    private static let developmentPositions = positions(developmentColumns)

    /// The sheet's columns, in the template's order.
    public var columns: [WorkbookColumn] {
        switch self {
        case .surveys: Self.surveyColumns
        case .rooms: Self.roomColumns
        case .departments: Self.departmentColumns
        case .developments: Self.developmentColumns
        }
    }

    private static let reference = WorkbookColumn(
        surveyColumn, "调查编号", .identifier, required: true, width: 24, "这一行所属调查的编号，与“调查表”的调查编号一致")

    private static let surveyColumns: [WorkbookColumn] = [
        .init("id", "调查编号", .identifier, required: true, width: 24,
              "每份调查一个编号，不能重复，建议用社区代码或名称加日期，如 youyilu-2024-05-14；导出的文件以此命名"),
        .init("date", "调查日期", .date, required: true, width: 12, "现场检查的日期，如 2024-05-14 或 2024年5月14日"),
        .init("inspectors", "检查人", .list(noneWord: false), width: 14, "检查人姓名；多人用换行（Alt+Enter）、顿号或分号隔开"),
        .init("community", "社区名称", .text, required: true, width: 14, "社区全称，如 友谊路社区"),
        .init("code", "社区代码", .text, width: 16, "社区（居委会）代码"),
        .init("subdistrict", "街道办事处", .text, width: 14, "所属街道办事处"),
        .init("households", "户数", .integer(minimum: 1, unit: .households), width: 8, example: "1500", "社区居民户数，正整数"),
        .init("central", "位于中心城区", .boolean, width: 8, "社区是否位于中心城区；不填视为位于中心城区"),
        .init("centre-area", "中心总面积", .decimal(unit: .squareMetres), width: 10, example: "300", "社区综合服务中心总建筑面积"),
        .init("premises", "用房性质", .premises, width: 10, "中心用房的来源，从下拉列表选择；无办公用房选“无办公用房”"),
        .init("hall-one-door", "一门式大厅", .hall, width: 10, "是否设有“一门式”服务大厅：是 / 否；中心没有大厅填“无大厅”"),
        .init("hall-windows", "大厅窗口数", .integer(minimum: 0, unit: .items), width: 8, example: "3", "服务大厅的窗口数"),
        .init("staff-full-time", "专职人员", .integer(minimum: 0, unit: .people), width: 8, example: "4", "社区服务站专职工作人员人数"),
        .init("staff-part-time", "兼职人员", .integer(minimum: 0, unit: .people), width: 8, example: "2", "社区服务站兼职工作人员人数"),
        .init("duties-documented", "职责成文", .boolean, width: 8, "服务站工作职责是否成文"),
        .init("duties-posted", "职责上墙", .boolean, width: 8, "工作职责是否上墙公示"),
        .init("services", "服务项目", .list(noneWord: true), width: 20,
              "服务站提供的服务项目，每项一行（Alt+Enter）或用顿号、分号隔开；核实没有任何服务项目填“无”"),
        .init("regulations", "规章制度", .list(noneWord: true), width: 20,
              "服务站的规章制度名称，每项一行或用顿号、分号隔开；核实没有任何制度填“无”"),
        .init("residents-congress", "居民代表会议", .boolean, width: 8, "是否建立居民代表会议制度"),
        .init("consultation-council", "协商议事会议", .boolean, width: 8, "是否建立协商议事会议制度"),
        .init("elections", "民主选举", .boolean, width: 8, "是否落实民主选举"),
        .init("decisions", "民主决策", .boolean, width: 8, "是否落实民主决策"),
        .init("management", "民主管理", .boolean, width: 8, "是否落实民主管理"),
        .init("supervision", "民主监督", .boolean, width: 8, "是否落实民主监督"),
        .init("access-system", "行政工作准入制度", .boolean, width: 10, "是否建立行政工作进社区准入制度"),
        .init("long-term-mechanism", "市容环境长效机制", .boolean, width: 10, "是否建立市容环境管理长效机制"),
        .init("emergency-plan", "应急处置机制", .boolean, width: 10, "是否建立公共安全预警和应急处置机制"),
        .init("teams", "骨干队伍数", .integer(minimum: 0, unit: .items), width: 8, example: "2", "文体活动、社区教育骨干队伍数"),
        .init("platform", "接入信息平台", .boolean, width: 8, "是否接入社区信息服务平台"),
        .init("staff-monthly-subsidy", "工作人员月补贴", .decimal(unit: .yuan), width: 10, example: "600", "社区工作人员每月补贴"),
        .init("office-funds", "年办公经费", .decimal(unit: .yuan), width: 10, example: "20000", "社区每年办公经费"),
        .init("leader-annual-subsidy", "书记主任年补贴", .decimal(unit: .yuan), width: 10, example: "10000", "社区书记（主任）每年工资补贴"),
        .init("training-days", "培训天数", .decimal(unit: .days), width: 8, example: "2", "本年度社区工作者参加培训的天数"),
        .init("notes", "备注", .multilineText, width: 30, "其他情况说明"),
    ]

    private static let roomColumns: [WorkbookColumn] = [
        reference,
        .init("name", "门牌名称", .text, width: 18, "用房门牌上的名称，可从下拉列表选择，也可照门牌填写"),
        .init("type", "用房类型", .roomTypes, width: 18,
              "这间用房算作哪类标准用房，从下拉列表选择；一室多用时用空格或顿号隔开；不填则按门牌名称识别"),
        .init("area", "面积", .decimal(unit: .squareMetres), width: 8, example: "20", "这间用房的面积"),
    ]

    private static let departmentColumns: [WorkbookColumn] = [
        reference,
        .init("name", "部门名称", .text, required: true, width: 22, "进驻社区的部门名称，如 民政局"),
        .init("window", "设立窗口", .boolean, required: true, width: 8, "该部门是否在社区服务站设立窗口"),
    ]

    private static let developmentColumns: [WorkbookColumn] = [
        reference,
        .init("name", "项目名称", .text, required: true, width: 20, "辖区内新开发住房项目的名称"),
        .init("floor-area", "住房面积", .decimal(unit: .squareMetres), required: true, width: 10, example: "10000", "项目新开发住房建筑面积"),
        .init("service-space", "已提供服务用房", .decimal(unit: .squareMetres), width: 12, example: "300", "开发商已无偿提供的社区服务用房面积；不填视为 0"),
        .init("funds-in-lieu-area", "资金折抵面积", .decimal(unit: .squareMetres), width: 12, example: "100", "以等量资金代替用房所折抵的面积；不填视为 0"),
    ]
}
