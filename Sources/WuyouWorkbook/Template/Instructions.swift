import WuyouCore

/// The template's 说明 sheet: how to fill the workbook in, every column, and the words the
/// dropdowns offer. The rooms' names are listed here, and the room dropdowns refer to them.
struct Instructions {
    private(set) var sheet: XLSXDocument.Sheet
    /// The formula of the cells holding the rooms' names, e.g. `'说明'!$A$40:$A$47`.
    private(set) var roomNamesRange = ""

    init(checklist: Checklist) {
        var rows: [[XLSXDocument.Cell?]] = []
        func add(_ cells: XLSXDocument.Cell?...) { rows.append(cells) }
        func line(_ text: String) { add(.text(text)) }

        add(.text("社区综合服务中心调查工作簿 · 填写说明", .title))
        line("检查清单：\(checklist.title.text("zh"))（\(checklist.id)，\(checklist.version) 版）。本工作簿由 wuyou import --template 生成。")
        add(nil)
        add(.text("填写规则", .bold))
        for rule in Self.rules { line(rule) }
        add(nil)

        add(.text("各列说明", .bold))
        add(.text("工作表", .header), .text("列标题", .header), .text("列名（key）", .header), .text("单位", .header),
            .text("必填", .header), .text("说明", .header))
        for kind in SheetKind.allCases {
            for column in kind.columns {
                add(.text(kind.chineseName), .text(column.label), .text(column.key), column.unit.map { .text($0.symbol) },
                    column.required ? .text("是") : nil, .text(column.meaning))
            }
        }
        add(nil)

        add(.text("用房（“用房类型”可填名称或代码，“门牌名称”与名称或别名一致时不填类型也能识别）", .bold))
        add(.text("名称", .header), .text("代码", .header), .text("别名", .header))
        let firstRoom = rows.count + 1
        for room in checklist.rooms {
            add(.text(room.label.text("zh")), .text(room.code), .text(room.aliases.map(\.name).joined(separator: "、")))
        }
        if !checklist.rooms.isEmpty {
            roomNamesRange = "'\(SheetKind.instructionsName)'!$A$\(firstRoom):$A$\(rows.count)"
        }
        add(nil)

        add(.text("用房性质", .bold))
        add(.text("填写", .header), .text("含义（premises）", .header))
        for premises in PremisesWords.all {
            add(.text(premises.label), .text(premises.word))
        }
        add(nil)
        add(.text("是/否 可写作", .bold))
        add(.text("是：" + BooleanWords.trueWords.joined(separator: "、")))
        add(.text("否：" + BooleanWords.falseWords.joined(separator: "、")))

        sheet = XLSXDocument.Sheet(
            name: SheetKind.instructionsName,
            columns: [14, 18, 22, 8, 6, 60].map { XLSXDocument.Column(width: $0) },
            rows: rows, printsToPageWidth: true)
    }

    private static let rules = [
        "1. 每份调查在“调查表”中占一行；每间用房、每个进驻部门、每个开发项目在各自的表中占一行，用“调查编号”与调查表对应。",
        "2. 只填现场核实过的情况。未核实的请留空：留空表示“未收集”，报告记为数据缺失，不会判为不达标。",
        "3. 填 0、否、无 表示核实过的“没有”，可能判为不达标。",
        "4. 是/否 列也可以填 有/无、Y/N、true/false、1/0。",
        "5. 数字可以带单位（300平方米、1,800户），可以用全角数字；不能写汉字数字（如“三十”）。",
        "6. 日期写成 2024-05-14、2024/5/14、2024.5.14 或 2024年5月14日。",
        "7. 检查人、服务项目、规章制度有多项时，用换行（Alt+Enter）、顿号或分号隔开；服务项目或规章制度核实为没有时填“无”。",
        "8. 一门式大厅：有大厅时填 是 或 否（是否为“一门式”），中心没有大厅填“无大厅”。",
        "9. 第一行是列标题，请不要修改，也不要新增列；列的顺序可以调整，不用的列可以删除。",
        "10. 导入：wuyou import 本工作簿.xlsx --out 文件夹；生成报告：wuyou audit 本工作簿.xlsx --out 网站文件夹。",
    ]
}
