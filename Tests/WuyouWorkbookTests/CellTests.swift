import Foundation
import Testing
import WuyouCore
import WuyouDecimal
@testable import WuyouWorkbook

@Suite("Cells")
struct CellTests {
    let parser = CellParser(dateSystem: .from1900, rooms: RoomVocabulary(WorkbookFixtures.checklist))

    func column(_ key: String, in kind: SheetKind = .surveys) -> WorkbookColumn {
        kind.columns.first { $0.key == key }!
    }

    func read(_ value: CellValue?, _ key: String, in kind: SheetKind = .surveys) -> CellContent? {
        try? parser.read(value, for: column(key, in: kind))
    }

    @Test(arguments: [
        ("1800", "1800"), ("1,800", "1800"), ("1，800", "1800"), ("１８００", "1800"), ("1800户", "1800"),
        (" 1,800 户 ", "1800"), ("12,345,678", "12345678"),
    ])
    func householdsAsText(_ text: String, _ expected: String) {
        #expect(read(.text(text), "households") == .value(expected))
    }

    @Test(arguments: [
        ("300", "300"), ("300.50", "300.5"), ("300㎡", "300"), ("300 m²", "300"), ("300M2", "300"),
        ("300平方米", "300"), ("0", "0"), ("0.25", "0.25"), ("３００．５", "300.5"),
    ])
    func areasAsText(_ text: String, _ expected: String) {
        #expect(read(.text(text), "centre-area") == .value(expected))
    }

    @Test(arguments: ["三十", "300 平米", "1e3", "3,00", ",300", "300.", ".5", "30 0", "300m²以上", "约300", "N/A"])
    func notNumbers(_ text: String) {
        #expect(throws: CellProblem.self) { try parser.read(.text(text), for: column("centre-area")) }
    }

    /// A number that is not one is told what to write: the column's unit, and an example — the
    /// number meant, when it is counted in 万 or 千.
    @Test(arguments: [
        ("office-funds", "2万元", "元", "20000"), ("office-funds", "1.5万", "元", "15000"), ("office-funds", "两万", "元", "20000"),
        ("households", "3千户", "户", "3000"), ("households", "很多", "户", "1500"), ("centre-area", "三百", "m²", "300"),
    ])
    func notANumberSaysWhatToWrite(_ key: String, _ text: String, _ unit: String, _ example: String) throws {
        let problem = #expect(throws: CellProblem.self) { try parser.read(.text(text), for: column(key)) }
        #expect(problem?.code == .workbookCellNotNumber)
        #expect(problem?.arguments["unit"] == .text(unit))
        #expect(problem?.arguments["example"] == .text(example))
    }

    @Test func unitsMustFitTheColumn() throws {
        let problem = #expect(throws: CellProblem.self) { try parser.read(.text("600户"), for: column("staff-monthly-subsidy")) }
        #expect(problem?.code == .workbookCellWrongUnit)
        #expect(read(.text("600元"), "staff-monthly-subsidy") == .value("600"))
        #expect(read(.text("3人"), "staff-full-time") == .value("3"))
        #expect(read(.text("2天"), "training-days") == .value("2"))
        #expect(read(.text("5个"), "hall-windows") == .value("5"))
    }

    @Test func numericCells() {
        #expect(read(.number(1800, isDate: false), "households") == .value("1800"))
        #expect(read(.number(ExactDecimal("300.25")!, isDate: false), "centre-area") == .value("300.25"))
        #expect(read(.number(-1, isDate: false), "centre-area") == nil)
        #expect(read(.boolean(true), "centre-area") == nil)
    }

    /// Blank is "not collected", never 0 or false; 0, 否 and 无 are facts.
    @Test func blankIsNotCollected() {
        #expect(read(nil, "households") == .blank)
        #expect(read(.text("  "), "central") == .blank)
        #expect(read(.text("0"), "staff-full-time") == .value("0"))
        #expect(read(.text("否"), "central") == .value("false"))
        #expect(read(.text("无"), "services") == .list([]))
        #expect(read(.text(""), "services") == .blank)
    }

    @Test(arguments: [
        ("是", true), ("否", false), ("有", true), ("无", false), ("true", true), ("FALSE", false), ("1", true),
        ("0", false), ("Y", true), ("n", false), ("ｙ", true), (" 是 ", true),
    ])
    func booleanWords(_ text: String, _ expected: Bool) {
        #expect(read(.text(text), "platform") == .value(expected ? "true" : "false"))
    }

    @Test func booleanCells() {
        #expect(read(.boolean(false), "platform") == .value("false"))
        #expect(read(.number(1, isDate: false), "platform") == .value("true"))
        #expect(read(.number(2, isDate: false), "platform") == nil)
        #expect(read(.text("yes"), "platform") == nil)
        #expect(read(.text("对"), "platform") == nil)
    }

    @Test func hallWords() {
        #expect(read(.text("无大厅"), "hall-one-door") == .noHall)
        #expect(read(.text("无"), "hall-one-door") == .value("false"))
        #expect(read(.text("是"), "hall-one-door") == .value("true"))
    }

    @Test func premisesWordsAndLabels() {
        #expect(read(.text("自有"), "premises") == .value("own"))
        #expect(read(.text("Rented"), "premises") == .value("rented"))
        #expect(read(.text("无办公用房"), "premises") == .value("none"))
        #expect(read(.text("无"), "premises") == nil)
    }

    @Test(arguments: [
        ("2023-06-12", "2023-06-12"), ("2023/6/12", "2023-06-12"), ("2023.6.12", "2023-06-12"),
        ("2023年6月12日", "2023-06-12"), ("２０２３年６月１２日", "2023-06-12"), ("2023/6/12 0:00", "2023-06-12"),
        ("2024-02-29", "2024-02-29"), ("2023-06-12T10:30:00", "2023-06-12"),
    ])
    func datesAsText(_ text: String, _ expected: String) {
        #expect(read(.text(text), "date") == .value(expected))
    }

    @Test(arguments: ["2023-6", "12/6/2023", "2023-13-01", "2023-02-29", "1900-02-29", "2023/6-12", "20230612", "2023年6月"])
    func notDates(_ text: String) {
        #expect(read(.text(text), "date") == nil)
    }

    /// Excel's 1900 system counts 1900 as a leap year: 59 is 1900-02-28, 60 the phantom
    /// 1900-02-29, 61 is 1900-03-01. The 1904 system starts at 0.
    @Test(arguments: [
        (DateSystem.from1900, "1", "1900-01-01"), (.from1900, "59", "1900-02-28"), (.from1900, "61", "1900-03-01"),
        (.from1900, "45426", "2024-05-14"), (.from1900, "45426.75", "2024-05-14"), (.from1900, "2958465", "9999-12-31"),
        (.from1904, "0", "1904-01-01"), (.from1904, "43964", "2024-05-14"),
    ])
    func dateSerials(_ system: DateSystem, _ serial: String, _ expected: String) {
        #expect(system.day(fromSerial: ExactDecimal(serial)!)?.description == expected)
        if !serial.contains(".") {
            let day = system.day(fromSerial: ExactDecimal(serial)!)!
            #expect(system.serial(of: day) == Int(serial))
        }
    }

    @Test func serialsThatAreNoDay() {
        #expect(DateSystem.from1900.day(fromSerial: 0) == nil)
        #expect(DateSystem.from1900.day(fromSerial: 60) == nil)
        #expect(DateSystem.from1900.day(fromSerial: -1) == nil)
        #expect(DateSystem.from1900.day(fromSerial: 2_958_466) == nil)
        #expect(DateSystem.from1904.day(fromSerial: -1) == nil)
    }

    @Test func lists() {
        #expect(read(.text("王芳\n李强"), "inspectors") == .list(["王芳", "李强"]))
        #expect(read(.text("王芳、李强；张三;李四\r\n赵五"), "inspectors") == .list(["王芳", "李强", "张三", "李四", "赵五"]))
        #expect(read(.text("低保申办；；"), "services") == .list(["低保申办"]))
        #expect(read(.text(" 无 "), "regulations") == .list([]))
        #expect(read(.text("无"), "inspectors") == .list(["无"]))
    }

    @Test func roomTypes() {
        let rooms = SheetKind.rooms
        #expect(read(.text("police"), "type", in: rooms) == .list(["police"]))
        #expect(read(.text("党员活动室 市民学校"), "type", in: rooms) == .list(["party-activity", "citizen-school"]))
        #expect(read(.text("警务站、社区卫生效劳站，office,OFFICE"), "type", in: rooms) == .list(["police", "health-station", "office"]))
        #expect(read(.text("future-room"), "type", in: rooms) == .list(["future-room"]))
        // Codes as a survey's @type compares them: after NFKC, without regard to case; the
        // checklist's own code is written. An unknown code is kept as written (a warning later).
        #expect(read(.text("Police ＰＯＬＩＣＥ，police"), "type", in: rooms) == .list(["police"]))
        #expect(read(.text("Future-Room"), "type", in: rooms) == .list(["Future-Room"]))
        #expect(read(.text("ｆｕｔｕｒｅ"), "type", in: rooms) == .list(["future"]))
        #expect(read(.text("会议室"), "type", in: rooms) == nil)
    }

    @Test func textColumns() {
        #expect(read(.text("  友谊路\n社区  "), "community") == .value("友谊路 社区"))
        #expect(read(.number(420_682_001_003, isDate: false), "code") == .value("420682001003"))
        #expect(read(.text("ｙｏｕｙｉｌｕ-1"), "id") == .value("youyilu-1"))
        #expect(read(.text("第一行\r\n第二行\u{1}"), "notes") == .value("第一行\n第二行"))
    }

    @Test func storedNumbers() {
        #expect(StoredNumber.parse("0.30000000000000004") == ExactDecimal("0.3"))
        #expect(StoredNumber.parse("299.99000000000001") == ExactDecimal("299.99"))
        #expect(StoredNumber.parse("4.2068200100300E+11") == 420_682_001_003)
        #expect(StoredNumber.parse("1.5E-3") == ExactDecimal("0.0015"))
        #expect(StoredNumber.parse("12abc") == nil)
        #expect(StoredNumber.parse("") == nil)
        #expect(StoredNumber.parse("1E+999") == nil)
        // Where Foundation's Decimal drew the line, the reader still does.
        #expect(StoredNumber.parse("1E+127") == ExactDecimal(significand: 1, exponent: 127))
        #expect(StoredNumber.parse("1E+128") == nil && StoredNumber.parse("1E-200") == nil)
        #expect(StoredNumber.parse("-2.5E-5") == ExactDecimal("-0.000025") && StoredNumber.parse("0E+300") == 0)
    }

    @Test(arguments: [
        ("yyyy-mm-dd", true), ("yyyy\"年\"m\"月\"d\"日\"", true), ("[$-F800]dddd, mmmm dd, yyyy", true), ("h:mm", true),
        ("[h]:mm:ss", true), ("0.00", false), ("#,##0\"元\"", false), ("[Red]0.0", false), ("General", false),
        ("0.00;[Red]-0.00", false), ("\"m²\"0", false), ("@", false), ("0.0_m", false),
    ])
    func dateFormats(_ code: String, _ isDate: Bool) {
        #expect(CellStyles.isDateFormat(code) == isDate)
    }

    @Test func builtInDateFormats() {
        #expect(CellStyles.isBuiltInDate(14))
        #expect(CellStyles.isBuiltInDate(31))
        #expect(CellStyles.isBuiltInDate(57))
        #expect(!CellStyles.isBuiltInDate(0))
        #expect(!CellStyles.isBuiltInDate(49))
    }

    @Test func cellReferences() {
        #expect(CellReference.letters(ofColumn: 1) == "A")
        #expect(CellReference.letters(ofColumn: 26) == "Z")
        #expect(CellReference.letters(ofColumn: 27) == "AA")
        #expect(CellReference.letters(ofColumn: 16_384) == "XFD")
        #expect(CellReference.parse("$C$12")?.column == 3)
        #expect(CellReference.parse("C12")?.row == 12)
        #expect(CellReference.parse("XFE1") == nil)
        #expect(CellReference.parse("A0") == nil)
        #expect(CellReference.parse("1A") == nil)
    }

    @Test func ooxmlEscapes() {
        #expect(OOXMLText.unescaped("a_x000D_b") == "a\rb")
        #expect(OOXMLText.unescaped("_x005F_x0041_") == "_x0041_")
        #expect(OOXMLText.unescaped(OOXMLText.escaped("x_x0041_\u{1}y")) == "x_x0041_\u{1}y")
    }

    @Test func externalFormulas() {
        #expect(WorksheetReader.readsAnotherWorkbook("[1]Sheet1!A1"))
        #expect(WorksheetReader.readsAnotherWorkbook("SUM('[2]统计'!B2:B9)"))
        #expect(WorksheetReader.readsAnotherWorkbook("'C:\\data\\[普查.xlsx]Sheet1'!A1"))
        #expect(!WorksheetReader.readsAnotherWorkbook("SUM(B2:B9)"))
        #expect(!WorksheetReader.readsAnotherWorkbook("Table1[2023]"))
    }
}
