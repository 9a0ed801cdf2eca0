import Foundation
import Testing
import WuyouCore
@testable import WuyouWorkbook

/// One kind of bad input in an otherwise sound workbook, and exactly what the import says.
struct BadCellCase: CustomTestStringConvertible, Sendable {
    let name: String
    let change: @Sendable (inout TestWorkbook) -> Void
    /// Every line printed, in order (`普查.xlsx:SHEET!CELL: message`).
    let lines: [String]
    /// The surveys still made.
    let written: [String]

    init(_ name: String, written: [String] = ["good-1"], _ lines: [String], _ change: @escaping @Sendable (inout TestWorkbook) -> Void) {
        self.name = name
        self.change = change
        self.lines = lines
        self.written = written
    }

    var testDescription: String { name }
}

let badCellCases: [BadCellCase] = [
    .init("a required cell left blank", ["普查.xlsx:调查表!C3: 社区名称必须填写"]) {
        $0.set("调查表", "C3", nil)
    },
    .init("a number written in words", ["普查.xlsx:用房!D3: 面积“三十”不是数字：只写数字（单位 m²），如 20"]) {
        $0.set("用房", "D3", .text("三十"))
    },
    .init("an amount in 万, told the number it means", ["普查.xlsx:调查表!F3: 中心总面积“0.03万”不是数字：只写数字（单位 m²），如 300"]) {
        $0.set("调查表", "F3", .text("0.03万"))
    },
    .init("a number with the wrong unit", ["普查.xlsx:调查表!F3: 中心总面积“300元”的单位 元 不对，应为 m²"]) {
        $0.set("调查表", "F3", .text("300元"))
    },
    .init("thousands separators out of place", ["普查.xlsx:调查表!D3: 户数“1,50”不是数字：只写数字（单位 户），如 1500"]) {
        $0.set("调查表", "D3", .text("1,50"))
    },
    .init("a negative area", ["普查.xlsx:用房!D3: 面积“-5”不能为负数"]) {
        $0.set("用房", "D3", .number(-5))
    },
    .init("a fraction where a count belongs", ["普查.xlsx:调查表!D3: 户数“1500.5”应为整数"]) {
        $0.set("调查表", "D3", .text("1500.5"))
    },
    .init("zero households", ["普查.xlsx:调查表!D3: 户数“0”应大于 0"]) {
        $0.set("调查表", "D3", .number(0))
    },
    .init("an area Excel turned into a date",
          ["普查.xlsx:调查表!F3: 中心总面积显示为日期 2024-06-12，不是数字：请把单元格格式改为“常规”后重新填写"]) {
        $0.set("调查表", "F3", .date(CalendarDay(year: 2024, month: 6, day: 12)!))
    },
    .init("a date in words", ["普查.xlsx:调查表!B3: 调查日期“下周一”不是日期（应写成 2024-05-14 或 2024年5月14日）"]) {
        $0.set("调查表", "B3", .text("下周一"))
    },
    .init("a day that does not exist", ["普查.xlsx:调查表!B3: 调查日期“2023年2月29日”不是存在的日期"]) {
        $0.set("调查表", "B3", .text("2023年2月29日"))
    },
    .init("Excel's phantom 1900-02-29 (serial 60)", ["普查.xlsx:调查表!B3: 调查日期“60”不是存在的日期"]) {
        $0.set("调查表", "B3", .number(60, .date))
    },
    .init("a date serial without a date format", ["普查.xlsx:调查表!B3: 调查日期“45426”不是日期（应写成 2024-05-14 或 2024年5月14日）"]) {
        $0.set("调查表", "B3", .number(45426))
    },
    .init("neither yes nor no", ["普查.xlsx:调查表!E3: 位于中心城区“maybe”应为 是 或 否"]) {
        $0.set("调查表", "E3", .text("maybe"))
    },
    .init("a hall that is neither yes, no nor 无大厅", ["普查.xlsx:调查表!H3: 一门式大厅“没有”应为 是、否 或 无大厅"]) {
        $0.set("调查表", "H3", .text("没有"))
    },
    .init("an unknown kind of premises",
          ["普查.xlsx:调查表!G3: 用房性质“宫殿”不是用房性质（应为 自有、新建、改扩建、购置、调剂、租用、共用、无办公用房 之一）"]) {
        $0.set("调查表", "G3", .text("宫殿"))
    },
    .init("a room type the checklist does not have",
          ["普查.xlsx:用房!C3: 用房类型“会议室”不是检查清单中的用房（党员活动室、市民学校、图书阅览室、社区服务站、警务室、办公室、文体活动室、社区卫生服务站）；不属于其中任何一类时请留空"]) {
        $0.set("用房", "C3", .text("警务室、会议室"))
    },
    .init("a room type misspelt, told the room it probably means",
          ["普查.xlsx:用房!C3: 用房类型“警物室”不是检查清单中的用房；是否应为“警务室”？可选用房：党员活动室、市民学校、图书阅览室、社区服务站、警务室、办公室、文体活动室、社区卫生服务站；不属于其中任何一类时请留空"]) {
        $0.set("用房", "C3", .text("警物室"))
    },
    .init("an error value", ["普查.xlsx:调查表!F3: 中心总面积是错误值 #DIV/0!"]) {
        $0.setRaw("调查表", "F3", #"<c r="F3" t="e"><f>1/0</f><v>#DIV/0!</v></c>"#)
    },
    .init("a formula never calculated", ["普查.xlsx:调查表!F3: 中心总面积是没有计算结果的公式：请在 Excel/WPS 中打开并保存一次"]) {
        $0.setRaw("调查表", "F3", #"<c r="F3"><f>100+200</f></c>"#)
    },
    .init("a formula whose cached value is empty (PhpSpreadsheet)",
          ["普查.xlsx:调查表!F3: 中心总面积是没有计算结果的公式：请在 Excel/WPS 中打开并保存一次"]) {
        $0.setRaw("调查表", "F3", #"<c r="F3"><f>NOW()</f><v/></c>"#)
    },
    .init("a time alone in an ISO date cell (t=\"d\") where a date belongs",
          ["普查.xlsx:调查表!B3: 调查日期“23:44:51.894”不是日期（应写成 2024-05-14 或 2024年5月14日）"]) {
        $0.setRaw("调查表", "B3", #"<c r="B3" t="d"><v>23:44:51.894</v></c>"#)
    },
    .init("a formula reading another workbook",
          ["普查.xlsx:调查表!F3: 中心总面积的公式引用了其他工作簿，其数值无法核实：请改为填写数值"]) {
        $0.setRaw("调查表", "F3", #"<c r="F3"><f>[1]Sheet1!A1</f><v>300</v></c>"#)
    },
    .init("a row for a survey that is not there", written: ["good-1", "bad-1"],
          ["普查.xlsx:开发项目!A3: 调查编号“bad-2”不在调查表中，本行未导入"]) {
        $0.set("开发项目", "A3", .text("bad-2"))
    },
    .init("a survey id used twice", written: [], [
        "普查.xlsx:调查表!A3: 调查编号“good-1”与第 2 行重复，两份调查都未导入",
        "普查.xlsx:用房!A3: 调查编号“bad-1”不在调查表中，本行未导入",
        "普查.xlsx:进驻部门!A3: 调查编号“bad-1”不在调查表中，本行未导入",
        "普查.xlsx:开发项目!A3: 调查编号“bad-1”不在调查表中，本行未导入",
    ]) {
        $0.set("调查表", "A3", .text(" good-1 "))
    },
    .init("a room with neither name nor type", ["普查.xlsx:用房!B3: 用房既没有门牌名称也没有用房类型"]) {
        $0.set("用房", "B3", nil)
    },
    .init("a misspelt column header", written: [],
          ["普查.xlsx:调查表!I1: 列标题“服务项木”既不是列名也不是中文标签；该列有内容的行未导入"]) {
        $0.set("调查表", "I1", .text("服务项木"))
    },
    .init("a column named twice", written: [],
          ["普查.xlsx:调查表!I1: 列“社区名称”重复（第一次在 C 列）；该列有内容的行未导入"]) {
        $0.set("调查表", "I1", .text("community"))
    },
    .init("a value in a column without a header", ["普查.xlsx:调查表!J1: 此列有内容却没有列标题；该列有内容的行未导入"]) {
        $0.set("调查表", "J3", .text("备注？"))
    },
    .init("a required column missing from a sheet", written: [],
          ["普查.xlsx:进驻部门!A1: 缺少必填的列“设立窗口”，本表的行均未导入"]) {
        for row in 1...3 { $0.set("进驻部门", "C\(row)", nil) }
    },
    .init("no surveys sheet", written: [], [
        "普查.xlsx:1:1: 警告：工作表“Sheet1”不是调查工作簿的工作表（应为 调查表/surveys、用房/rooms、进驻部门/departments、开发项目/developments、说明），未导入",
        "普查.xlsx:1:1: 没有“调查表”（surveys）工作表，未导入任何调查",
    ]) {
        $0.sheets[0].name = "Sheet1"
    },
    .init("a sheet given twice", written: [],
          ["普查.xlsx:1:1: 工作表“rooms”与“用房”是同一张表，无法确定使用哪一张，未导入任何调查"]) {
        $0.sheets.append((name: "rooms", rows: [[.text("survey"), .text("name")], [.text("good-1"), .text("办公室")]]))
    },
]

@Suite("Bad cells")
struct BadCellTests {
    @Test func theStandardWorkbookImportsCleanly() throws {
        let result = try WorkbookFixtures.importXLSX(TestWorkbook.standard.bytes())
        #expect(result.diagnostics.isEmpty, "\(WorkbookFixtures.lines(result.diagnostics))")
        #expect(result.surveys.map(\.id) == ["good-1", "bad-1"])
    }

    @Test(arguments: badCellCases)
    func eachBadCellIsReportedOnceAtItsCell(_ badCase: BadCellCase) throws {
        var workbook = TestWorkbook.standard
        badCase.change(&workbook)
        let bytes = try workbook.bytes()
        // In one pass (audit, check) and in two (import): the same words, the same surveys.
        for result in [try WorkbookFixtures.importXLSX(bytes), try WorkbookFixtures.importXLSXInTwoPasses(bytes)] {
            #expect(WorkbookFixtures.lines(result.diagnostics) == badCase.lines)
            #expect(result.surveys.map(\.id) == badCase.written)
            #expect(result.hasErrors)
        }
    }

    @Test func messagesAreInEnglishToo() throws {
        var workbook = TestWorkbook.standard
        workbook.set("用房", "D3", .text("三十"))
        let result = try WorkbookFixtures.importXLSX(workbook.bytes())
        #expect(WorkbookFixtures.lines(result.diagnostics, language: .en)
            == ["普查.xlsx:用房!D3: area \"三十\" is not a number: write digits only (in m²), e.g. 20"])
    }

    /// Several bad cells in one row: each is reported, the row once per cell.
    @Test func everyBadCellOfARowIsReported() throws {
        var workbook = TestWorkbook.standard
        workbook.set("调查表", "D3", .text("很多"))
        workbook.set("调查表", "E3", .text("也许"))
        workbook.set("用房", "D3", .text("大"))
        let result = try WorkbookFixtures.importXLSX(workbook.bytes())
        #expect(result.diagnostics.map(\.location.cell) == ["调查表!D3", "调查表!E3", "用房!D3"])
        #expect(result.surveys.map(\.id) == ["good-1"])
    }
}

/// The survey format's own limits hold for imported surveys, reported at the row concerned.
@Suite("Survey limits in workbooks")
struct SurveyLimitTests {
    @Test func aNameOverTheLimitIsReportedAtItsRow() throws {
        var workbook = TestWorkbook.standard
        workbook.set("用房", "B3", .text(String(repeating: "房", count: InputLimits.nameLength + 1)))
        let result = try WorkbookFixtures.importXLSX(workbook.bytes())
        #expect(result.surveys.map(\.id) == ["good-1"])
        #expect(WorkbookFixtures.lines(result.diagnostics) == ["普查.xlsx:用房!B3: 门牌名称长 201 个字符，超过上限 200"])
    }

    /// More rooms than a centre may have: the format's own check, at the survey's row.
    @Test func tooManyRoomsAreReportedAtTheSurveyRow() throws {
        var workbook = TestWorkbook.standard
        for row in 4...(InputLimits.roomsPerCentre + 4) {
            workbook.set("用房", "A\(row)", .text("bad-1"))
            workbook.set("用房", "B\(row)", .text("储藏室"))
        }
        let result = try WorkbookFixtures.importXLSX(workbook.bytes())
        #expect(result.surveys.map(\.id) == ["good-1"])
        #expect(WorkbookFixtures.lines(result.diagnostics) == ["普查.xlsx:调查表!A3: <room> 有 502 个，超过上限 500"])
    }
}
