import Foundation
import Testing
import WuyouCore
@testable import WuyouWorkbook

/// Rooms, departments and developments are joined to their survey by its id, whatever order
/// their sheets list them in: sorted like the surveys sheet (read in one pass), or not (read in
/// two, or kept until their survey comes). Every order gives the same surveys.
@Suite("Sheets in any order")
struct SheetOrderTests {
    /// Three surveys, each with rooms, a department and a development, the rooms listed in `order`
    /// (indices into the rooms below).
    static func workbook(roomOrder order: [Int], extraRooms: [[String?]] = []) -> TestWorkbook {
        func texts(_ values: [String?]) -> [XLSXDocument.Cell?] { values.map { $0.map { .text($0) } } }
        let rooms: [[String?]] = [
            ["s-1", "警务室", nil, "20"], ["s-1", "办公室", nil, "30"],
            ["s-2", "图书室", nil, "25"],
            ["s-3", "市民学校", nil, "40"], ["s-3", "服务站", nil, "60"], ["s-3", "警物室", nil, "0"],
        ]
        return TestWorkbook(sheets: [
            ("调查表", [texts(["调查编号", "调查日期", "社区名称", "户数", "中心总面积"])]
                + ["s-1", "s-2", "s-3"].map { texts([$0, "2024-05-14", "\($0)社区", "1500", "300"]) }),
            ("用房", [texts(["调查编号", "门牌名称", "用房类型", "面积"])] + (order.map { rooms[$0] } + extraRooms).map(texts)),
            ("进驻部门", [texts(["调查编号", "部门名称", "设立窗口"])] + [["s-3", "民政局", "是"], ["s-1", "人社局", "否"]].map(texts)),
            ("开发项目", [texts(["调查编号", "项目名称", "住房面积"])] + [["s-2", "一期", "10000"]].map(texts)),
        ])
    }

    /// Each survey's rooms (name and cell), departments and developments.
    func contents(_ result: WorkbookImport) -> [String] {
        result.surveys.map { imported in
            let survey = imported.survey
            let rooms = (survey.centre?.rooms ?? []).map { "\($0.name)@\(survey.cell(of: $0.place)?.name ?? "?")" }
            let departments = (survey.serviceStation?.departments?.items ?? []).map(\.name)
            let developments = (survey.developments?.items ?? []).map(\.name)
            return "\(imported.id): \(rooms.sorted()) \(departments) \(developments)"
        }
    }

    static let orders: [[Int]] = [
        [0, 1, 2, 3, 4, 5],  // as the surveys sheet
        [5, 4, 3, 2, 1, 0],  // reversed
        [2, 0, 3, 1, 5, 4],  // interleaved
        [3, 4, 5, 0, 1, 2],  // surveys in another order, each together
    ]

    @Test(arguments: orders)
    func everyOrderGivesTheSameSurveys(_ order: [Int]) throws {
        let expected = try WorkbookFixtures.importXLSX(Self.workbook(roomOrder: Self.orders[0]).bytes())
        #expect(expected.diagnostics.isEmpty, "\(WorkbookFixtures.lines(expected.diagnostics))")
        #expect(contents(expected) == [
            "s-1: [\"办公室@用房!A3\", \"警务室@用房!A2\"] [\"人社局\"] []",
            "s-2: [\"图书室@用房!A4\"] [] [\"一期\"]",
            "s-3: [\"市民学校@用房!A5\", \"服务站@用房!A6\", \"警物室@用房!A7\"] [\"民政局\"] []",
        ])
        let bytes = try Self.workbook(roomOrder: order).bytes()
        for result in [try WorkbookFixtures.importXLSX(bytes), try WorkbookFixtures.importXLSXInTwoPasses(bytes)] {
            #expect(result.diagnostics.isEmpty)
            // The same rooms, each at the cell of its row in this order.
            let moved = contents(result).map { $0.replacingOccurrences(of: #"用房!A\d+"#, with: "用房", options: .regularExpression) }
            let original = contents(expected).map { $0.replacingOccurrences(of: #"用房!A\d+"#, with: "用房", options: .regularExpression) }
            #expect(moved == original)
        }
    }

    /// A row for no survey, between the rows of others: reported, and the others keep theirs.
    @Test func aRowForNoSurveyInTheMiddle() throws {
        var workbook = Self.workbook(roomOrder: [0, 1, 2, 3, 4, 5])
        workbook.sheets[1].rows.insert([.text("s-9"), .text("仓库")], at: 3)
        let bytes = try workbook.bytes()
        for result in [try WorkbookFixtures.importXLSX(bytes), try WorkbookFixtures.importXLSXInTwoPasses(bytes)] {
            #expect(WorkbookFixtures.lines(result.diagnostics) == ["普查.xlsx:用房!A4: 调查编号“s-9”不在调查表中，本行未导入"])
            #expect(result.surveys.map(\.id) == ["s-1", "s-2", "s-3"])
            #expect(result.surveys.map { $0.survey.centre?.rooms.count ?? 0 } == [2, 1, 3])
        }
    }

    /// The rooms sheet read beside the surveys sheet holds only rows read ahead of their survey:
    /// with the sheets in the same order, none.
    @Test func surveysComeOutInRowOrderAsTheirRowsAreRead() throws {
        let bytes = try Self.workbook(roomOrder: [0, 1, 2, 3, 4, 5]).bytes()
        let opened = try XLSXReader.open(bytes: bytes, path: "普查.xlsx") { SheetKind.named($0) != nil }
        var order: [String] = []
        _ = WorkbookFixtures.importer.importSurveys(
            from: WorkbookSource(sheets: opened.sheets, displayName: "普查.xlsx"), writingXML: false) { order.append($0.id) }
        #expect(order == ["s-1", "s-2", "s-3"])
    }
}

/// Rows out of the order of their numbers (an .xlsx file's rows are numbered, not placed): the
/// header row 1 after the rows below it reads the same as in its place.
@Suite("Rows out of order")
struct RowOrderTests {
    static func sheet(_ name: String, _ rows: [[String]], order: [Int]) -> WorkbookSheet {
        WorkbookSheet(file: "普查.xlsx", name: name, rows: order.map { index in
            SheetRow(number: index + 1, cells: rows[index].enumerated().map { SheetCell(column: $0.offset + 1, value: .text($0.element)) })
        })
    }

    static let surveys = [["调查编号", "调查日期", "社区名称"], ["s-1", "2024-05-14", "甲社区"], ["s-2", "2024-05-14", "乙社区"]]
    static let rooms = [["调查编号", "门牌名称"], ["s-1", "警务室"], ["s-2", "办公室"], ["s-2", "图书室"]]

    @Test(arguments: [[0, 1, 2], [1, 0, 2], [2, 1, 0]])
    func theHeaderMayComeLate(_ surveyOrder: [Int]) throws {
        for roomOrder in [[0, 1, 2, 3], [1, 2, 0, 3], [3, 2, 1, 0]] {
            let workbook = Workbook(sheets: [Self.sheet("调查表", Self.surveys, order: surveyOrder),
                                             Self.sheet("用房", Self.rooms, order: roomOrder)], displayName: "普查.xlsx")
            let result = WorkbookFixtures.importer.importSurveys(from: workbook)
            #expect(result.diagnostics.isEmpty, "\(WorkbookFixtures.lines(result.diagnostics))")
            #expect(Set(result.surveys.map(\.id)) == ["s-1", "s-2"])
            let rooms = Dictionary(uniqueKeysWithValues: result.surveys.map { ($0.id, ($0.survey.centre?.rooms ?? []).map(\.name).sorted()) })
            #expect(rooms == ["s-1": ["警务室"], "s-2": ["办公室", "图书室"]], "surveys \(surveyOrder), rooms \(roomOrder)")
        }
    }
}
