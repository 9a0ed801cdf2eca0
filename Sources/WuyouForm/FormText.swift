import WuyouCore
import WuyouReports

/// Every word of the survey form, in Chinese and English: the label, unit and one-line hint
/// of each control (by its survey path), the headings, and the messages the page's script
/// shows. The script holds no words of its own; it reads ``messages`` from the page's data.
struct FormText: Sendable {
    let language: ReportLanguage

    private func pick(_ zh: String, _ en: String) -> String {
        language.pick(zh, en)
    }

    // MARK: Controls

    /// What a control asks, e.g. `户数` / `Households`.
    func label(_ path: String) -> String {
        switch path {
        case "@id": pick("调查编号", "Survey id")
        case "@date": pick("调查日期", "Survey date")
        case "inspector": pick("检查人", "Inspector")
        case "community/@name": pick("社区名称", "Community name")
        case "community/@code": pick("社区代码", "Community code")
        case "community/@subdistrict": pick("所属街道办事处", "Sub-district")
        case "community/@households": pick("户数", "Households")
        case "community/@central": pick("位于中心城区", "In the central urban area")
        case "centre": pick("中心用房", "Service centre")
        case "centre/@area": pick("中心总建筑面积", "Centre floor area")
        case "centre/@premises": pick("用房性质", "Premises")
        case "centre/hall": pick("服务大厅", "Service hall")
        case "centre/hall/@one-door": pick("实行“一门式”服务", "Works as a one-door hall")
        case "centre/hall/@windows": pick("大厅窗口数", "Windows in the hall")
        case "centre/room": pick("门牌名称", "Name on the door")
        case "centre/room/@type": pick("用途", "Used as")
        case "centre/room/@area": pick("面积", "Area")
        case "service-station/staff/@full-time": pick("专职工作人员", "Full-time staff")
        case "service-station/staff/@part-time": pick("兼职工作人员", "Part-time staff")
        case "service-station/duties/@documented": pick("工作职责成文", "Duties written down")
        case "service-station/duties/@posted": pick("工作职责上墙公示", "Duties posted on the wall")
        case "service-station/services": pick("服务项目清单", "List of services")
        case "service-station/services/service": pick("服务项目", "Service")
        case "service-station/regulations": pick("规章制度清单", "List of regulations")
        case "service-station/regulations/regulation": pick("规章制度", "Regulation")
        case "service-station/department-windows": pick("进驻部门清单", "List of departments")
        case "service-station/department-windows/department/@name": pick("部门名称", "Department")
        case "service-station/department-windows/department/@window": pick("在服务站设窗口", "Has a window at the station")
        case "governance/@residents-congress": pick("居民代表会议制度", "Residents' representative congress")
        case "governance/@consultation-council": pick("协商议事会议制度", "Consultation council")
        case "governance/@elections": pick("民主选举", "Democratic elections")
        case "governance/@decisions": pick("民主决策", "Democratic decision-making")
        case "governance/@management": pick("民主管理", "Democratic management")
        case "governance/@supervision": pick("民主监督", "Democratic supervision")
        case "governance/@access-system": pick("行政工作进社区准入制度", "Access system for administrative work")
        case "environment/@long-term-mechanism": pick("市容环境管理长效机制", "Long-term environment management")
        case "safety/@emergency-plan": pick("公共安全预警和应急处置机制", "Public safety warning and emergency plan")
        case "education/@teams": pick("文体、教育骨干队伍", "Culture, sports and education teams")
        case "information/@platform": pick("接入社区信息服务平台", "Connected to the information platform")
        case "funding/@staff-monthly-subsidy": pick("工作人员月补贴", "Staff monthly subsidy")
        case "funding/@office-funds": pick("年度办公经费", "Annual office funds")
        case "funding/@leader-annual-subsidy": pick("书记（主任）年工资补贴", "Secretary's annual subsidy")
        case "training/@days": pick("本年度培训天数", "Training days this year")
        case "developments": pick("开发项目清单", "List of developments")
        case "developments/development/@name": pick("项目名称", "Development")
        case "developments/development/@floor-area": pick("新建住房面积", "Housing floor area")
        case "developments/development/@service-space": pick("已移交服务用房", "Service space handed over")
        case "developments/development/@funds-in-lieu-area": pick("以资金折抵面积", "Area paid for in money")
        case "notes": pick("备注", "Notes")
        default: path
        }
    }

    /// The unit written beside a number, or "".
    func unit(_ path: String) -> String {
        switch path {
        case "centre/@area", "centre/room/@area", "developments/development/@floor-area",
             "developments/development/@service-space", "developments/development/@funds-in-lieu-area":
            "m²"
        case "community/@households": pick("户", "households")
        case "centre/hall/@windows": pick("个", "windows")
        case "service-station/staff/@full-time", "service-station/staff/@part-time": pick("人", "persons")
        case "education/@teams": pick("支", "teams")
        case "funding/@staff-monthly-subsidy": pick("元/月", "元 a month")
        case "funding/@office-funds", "funding/@leader-annual-subsidy": pick("元/年", "元 a year")
        case "training/@days": pick("天", "days")
        default: ""
        }
    }

    /// One line on what to write.
    func hint(_ path: String) -> String {
        switch path {
        case "@id": pick("保存的文件名即“编号.xml”；不填时按社区代码（或名称）和日期生成。",
                         "The saved file is named “id.xml”; filled in from the community code (or name) and the date.")
        case "@date": pick("现场检查的日期。", "The day of the visit.")
        case "inspector": pick("每位检查人一行。", "One row per inspector.")
        case "community/@name": pick("例如友谊路社区。", "E.g. 友谊路社区.")
        case "community/@code": pick("统计用区划代码，没有可不填。", "The statistical area code, if known.")
        case "community/@subdistrict": pick("社区所属的街道办事处。", "The sub-district office the community belongs to.")
        case "community/@households": pick("辖区户数，大于 0 的整数。", "Households in the community, a whole number above 0.")
        case "community/@central": pick("未填按“是”计；选“否”时面积要求不适用。",
                                        "Counted as yes when left blank; no makes the area requirements not applicable.")
        case "centre": pick("已清点时，下面没有登记的用房即视为没有；未清点时各设施项记为数据缺失。",
                            "Once inventoried, a room not listed below does not exist; if not, facility requirements stay unknown.")
        case "centre/@area": pick("综合服务中心的总建筑面积。", "Total floor area of the service centre.")
        case "centre/@premises": pick("中心用房从何而来；没有办公用房选“无办公用房”。",
                                      "How the centre's premises are held; “no premises” if there are none.")
        case "centre/hall": pick("没有服务大厅时选“没有”。", "Choose “none” when the centre has no service hall.")
        case "centre/hall/@one-door": pick("各类事项是否统一进门、集中受理。", "Whether every matter is received at one entrance.")
        case "centre/hall/@windows": pick("大厅里的服务窗口个数。", "Service windows in the hall.")
        case "centre/room": pick("门上写的名称，照原样填写。", "As written on the door.")
        case "centre/room/@type": pick("这间用房作什么用，一室多用可多选（按住 Ctrl 点选）；不选则按门牌名称识别。",
                                       "What the room serves; pick several for a shared room (Ctrl-click). None: recognised by its name.")
        case "centre/room/@area": pick("这间用房的面积。", "Floor area of this room.")
        case "service-station/staff/@full-time": pick("服务站专职工作人员人数。", "Full-time staff of the service station.")
        case "service-station/staff/@part-time": pick("服务站兼职工作人员人数。", "Part-time staff of the service station.")
        case "service-station/duties/@documented": pick("工作职责是否有成文规定。", "Whether the duties are written down.")
        case "service-station/duties/@posted": pick("工作职责是否上墙公示。", "Whether the duties are posted on the wall.")
        case "service-station/services": pick("已清点时，列出的即为全部；一项都没有就不添加。",
                                              "Once listed, these are all there are; add none if there are none.")
        case "service-station/services/service": pick("服务站办理的一项服务。", "One service the station provides.")
        case "service-station/regulations": pick("已清点时，列出的即为全部；一项都没有就不添加。",
                                                 "Once listed, these are all there are; add none if there are none.")
        case "service-station/regulations/regulation": pick("一项成文的规章制度。", "One written regulation.")
        case "service-station/department-windows": pick("进驻服务站的部门；已清点时，列出的即为全部。",
                                                        "Departments working at the station; once listed, these are all there are.")
        case "service-station/department-windows/department/@name": pick("例如民政局。", "E.g. the civil affairs bureau.")
        case "service-station/department-windows/department/@window": pick("该部门是否在服务站设有窗口。",
                                                                           "Whether the department has a window at the station.")
        case "governance/@residents-congress": pick("是否建立居民代表会议制度。", "Whether there is a residents' representative congress.")
        case "governance/@consultation-council": pick("是否建立协商议事会议制度。", "Whether there is a consultation council.")
        case "governance/@elections": pick("是否落实民主选举。", "Whether democratic elections are in place.")
        case "governance/@decisions": pick("是否落实民主决策。", "Whether democratic decision-making is in place.")
        case "governance/@management": pick("是否落实民主管理。", "Whether democratic management is in place.")
        case "governance/@supervision": pick("是否落实民主监督。", "Whether democratic supervision is in place.")
        case "governance/@access-system": pick("是否实行行政工作进社区准入制度。", "Whether administrative work enters the community only through an access system.")
        case "environment/@long-term-mechanism": pick("是否建立市容环境管理长效机制。", "Whether there is a long-term mechanism for the environment.")
        case "safety/@emergency-plan": pick("是否建立公共安全预警和应急处置机制。", "Whether there is a public safety warning and emergency plan.")
        case "education/@teams": pick("文体活动、社区教育骨干队伍的支数。", "Culture, sports and education volunteer teams.")
        case "information/@platform": pick("是否接入社区信息服务平台。", "Whether the centre is connected to the community information platform.")
        case "funding/@staff-monthly-subsidy": pick("社区工作人员每月补贴。", "Each community worker's monthly subsidy.")
        case "funding/@office-funds": pick("社区每年的办公经费。", "The community's office funds a year.")
        case "funding/@leader-annual-subsidy": pick("书记（主任）每年的工资补贴。", "The secretary's (director's) salary subsidy a year.")
        case "training/@days": pick("社区工作者本年度接受培训的天数，可有小数。", "Days of training community workers received this year; decimals allowed.")
        case "developments": pick("辖区内的新建住房项目；已清点时，列出的即为全部。",
                                  "New housing developments in the community; once listed, these are all there are.")
        case "developments/development/@name": pick("开发项目名称。", "Name of the development.")
        case "developments/development/@floor-area": pick("项目新建住房的建筑面积。", "Floor area of the new housing.")
        case "developments/development/@service-space": pick("已移交社区的服务用房面积，不填按 0 计。",
                                                             "Service space handed to the community; 0 when left blank.")
        case "developments/development/@funds-in-lieu-area": pick("开发商以资金代替配建所折抵的面积，不填按 0 计。",
                                                                  "Area the developer paid for instead of building; 0 when left blank.")
        case "notes": pick("其他需要说明的情况。", "Anything else worth recording.")
        default: ""
        }
    }

    /// The two choices of a presence control: the element left out, and the element present.
    func presenceChoices(_ path: String) -> (absent: String, present: String) {
        switch path {
        case "centre": (pick("未清点", "Not inventoried"), pick("已清点", "Inventoried"))
        case "centre/hall": (pick("没有", "None"), pick("有", "Yes"))
        default: (pick("未采集", "Not collected"), pick("已清点", "Listed"))
        }
    }

    // MARK: Page

    func sectionHeading(_ id: String) -> String {
        switch id {
        case "survey": pick("调查信息", "Survey")
        case "community": pick("社区基本情况", "Community")
        case "centre": pick("中心用房", "Service centre premises")
        case "service-station": pick("社区服务站", "Service station")
        case "functions": pick("社区功能", "Community functions")
        case "funding": pick("经费与培训", "Funding and training")
        case "developments": pick("开发商配建服务用房", "Service space from developers")
        case "notes": pick("备注", "Notes")
        default: id
        }
    }

    /// The heading over a repeated list, e.g. `用房` / `Rooms`.
    func listHeading(_ row: String) -> String {
        switch row {
        case "inspector": pick("检查人", "Inspectors")
        case "room": pick("功能用房", "Rooms")
        case "service": pick("服务项目", "Services")
        case "regulation": pick("规章制度", "Regulations")
        case "department": pick("进驻部门", "Departments")
        case "development": pick("开发项目", "Developments")
        default: row
        }
    }

    /// One row's name, followed by its number, e.g. `用房` → `用房 2`.
    func rowName(_ row: String) -> String {
        switch row {
        case "inspector": pick("检查人", "Inspector")
        case "room": pick("用房", "Room")
        case "service": pick("服务项目", "Service")
        case "regulation": pick("规章制度", "Regulation")
        case "department": pick("部门", "Department")
        case "development": pick("开发项目", "Development")
        default: row
        }
    }

    func addLabel(_ row: String) -> String {
        pick("＋ 添加\(rowName(row))", "+ Add \(rowName(row).lowercased())")
    }

    var yes: String { pick("是", "Yes") }
    var no: String { pick("否", "No") }
    var unset: String { pick("未填", "Blank") }
    var required: String { pick("必填", "required") }
    var remove: String { pick("删除", "Remove") }
    var number: String { pick("序号", "No.") }
    var title: String { pick("社区综合服务中心现场调查表", "Community Service Centre Survey Form") }
    var toolbar: String { pick("调查表操作", "Form actions") }
    var newForm: String { pick("新建", "New") }
    var openFile: String { pick("打开…", "Open…") }
    var save: String { pick("保存", "Save") }
    var summaryHeading: String { pick("尚未填写", "Still blank") }
    var summaryIntro: String {
        pick("按检查报告的分组列出：哪些要求还缺少判定所需的信息。表格本身不判定是否达标。",
             "Grouped as the report groups the requirements: what each still needs. The form does not judge compliance.")
    }
    var noScript: String {
        pick("本调查表需要启用 JavaScript 才能打开和保存；打印空表不受影响。",
             "Opening and saving need JavaScript; printing the blank form does not.")
    }
    var signature: String { pick("检查人签字：", "Inspector's signature:") }
    var signatureCommunity: String { pick("社区负责人签字：", "Community secretary's signature:") }
    var signatureDate: String { pick("日期：", "Date:") }
    var printYear: String { pick("年", "year") }
    var printMonth: String { pick("月", "month") }
    var printDay: String { pick("日", "day") }
    var printUsage: String {
        pick("填写说明：没有核实的项目留空（不要填 0 或“否”）；“是 / 否”在方框内打勾；清单类项目已清点而一项都没有时，写“无”。",
             "How to fill in: leave blank what was not checked (not 0 or “no”); tick yes or no; write “none” on a list that was checked and has nothing.")
    }
    func subtitle(checklist: Checklist) -> String {
        pick("检查清单 \(checklist.id)（\(checklist.version) 版）", "Checklist \(checklist.id), version \(checklist.version)")
    }
    func pageTitle(checklist: Checklist) -> String {
        "\(title) · \(checklist.title.text(language.rawValue))"
    }

    // MARK: Messages read by the script

    /// The messages `form.js` shows, by key; `{…}` marks a value the script fills in.
    var messages: [String: String] {
        [
            "decimal": pick("请填写不小于 0 的数，如 120 或 85.5", "Write a number of at least 0, e.g. 120 or 85.5"),
            "integer": pick("请填写不小于 0 的整数", "Write a whole number of at least 0"),
            "positive-integer": pick("请填写大于 0 的整数", "Write a whole number above 0"),
            "too-long": pick("数字过长：最多 24 位有效数字", "Too many digits: at most 24 significant digits"),
            "required": pick("必填", "Required"),
            "date": pick("请填写完整的日期", "Write a complete date"),
            "choose": pick("请选择“是”或“否”", "Choose yes or no"),
            "date-kept": pick("原值 {value} 无法在日期框中显示，未修改时照原样保存", "The original value {value} cannot be shown here; it is kept unless you change the date"),
            "row": pick("{name} {number}", "{name} {number}"),
            "remove-row": pick("删除{name} {number}", "Remove {name} {number}"),
            "list-absent": pick("未采集：不写入调查表，相关要求记为数据缺失。", "Not collected: left out of the survey; its requirements stay unknown."),
            "list-none": pick("已清点，一项都没有（写入空清单）。", "Listed: there are none (an empty list is written)."),
            "list-count": pick("已清点，共 {count} 项。", "Listed: {count} in all."),
            "rooms-absent": pick("中心未清点：不写入用房，各设施要求记为数据缺失。", "Centre not inventoried: no rooms are written and the facility requirements stay unknown."),
            "rooms-none": pick("中心已清点，没有登记用房：各功能用房均计为没有。", "Centre inventoried with no rooms: every required room counts as missing."),
            "rooms-count": pick("已登记 {count} 间用房。", "{count} rooms listed."),
            "inspectors-none": pick("未填写检查人。", "No inspector written."),
            "saved": pick("已保存为 {file}。", "Saved as {file}."),
            "autosaved": pick("已自动保存在本机浏览器中，关闭页面后再打开仍在。", "Kept in this browser as you type; it is still here after closing the page."),
            "storage-off": pick("本浏览器不能保存草稿：关闭页面前请先保存文件。", "This browser cannot keep a draft: save the file before closing the page."),
            "blocked": pick("还需填写或改正 {count} 处才能保存：", "To save, fill in or fix {count}: "),
            "blocked-item": pick("{field}（{message}）", "{field} ({message})"),
            "opened": pick("已打开 {file}。", "Opened {file}."),
            "restored": pick("已恢复上次未保存的填写内容。", "Restored what was typed last time."),
            "new-done": pick("已新建空白调查表。", "Started a blank form."),
            "undo": pick("撤销", "Undo"),
            "undone": pick("已恢复新建之前的内容。", "Restored the form as it was before New."),
            "open-failed": pick("无法打开 {file}：{reason}", "Cannot open {file}: {reason}"),
            "not-xml": pick("不是格式正确的 XML（{detail}）", "it is not well-formed XML ({detail})"),
            "not-survey": pick("根元素不是调查表 <survey xmlns=\"urn:wuyou:survey:1\">", "its root is not a survey <survey xmlns=\"urn:wuyou:survey:1\">"),
            "doctype": pick("含有 DOCTYPE，wuyou 不接受", "it has a DOCTYPE, which wuyou refuses"),
            "encoding": pick("无法按 {encoding} 编码读取", "it cannot be read as {encoding}"),
            "summary-count": pick("{total} 项要求中，{blank} 项还缺少判定所需的信息。", "{blank} of {total} requirements still lack what they need."),
            "summary-none": pick("所有要求所需的信息都已填写。", "Every requirement has what it needs."),
            "summary-na": pick("另有 {count} 项因非中心城区或调查日期早于施行日期而不适用。", "{count} more do not apply (not central, or dated before they take effect)."),
            "centre-absent": pick("中心用房（未清点）", "the service centre (not inventoried)"),
            "list-not-taken": pick("{label}（未采集）", "{label} (not collected)"),
            "expression": pick("检查清单自定规则所需的信息：{expression}", "What the checklist's own rule reads: {expression}"),
            "separator": pick("、", ", "),
            "unknown-code": pick("{code}（本清单未定义）", "{code} (not in this checklist)"),
        ]
    }
}
