import Foundation
import Testing
import WuyouCore
@testable import WuyouWorkbook

@Suite("CSV sheets")
struct CSVTests {
    static let surveys = """
        调查编号,调查日期,社区名称,服务项目,备注
        youyilu-1,2024/5/14,友谊路社区,"低保申办
        就业登记",说“是”，也说"否"
        "daqiaolu-1","2024年5月15日","大桥路社区","无",""

        """

    func read(_ bytes: [UInt8], name: String = "调查表") throws(Diagnostics) -> WorkbookSheet {
        try CSVReader.read(bytes: bytes, path: "\(name).csv", sheetName: name)
    }

    func texts(_ sheet: WorkbookSheet) -> [[String]] {
        sheet.rows.map { row in row.cells.map { if case .text(let text) = $0.value { text } else { "?" } } }
    }

    @Test func quotedFieldsHoldLineBreaksAndQuotes() throws {
        let sheet = try read(Array(Self.surveys.utf8))
        #expect(sheet.rows.map(\.number) == [1, 2, 3])
        #expect(texts(sheet)[1] == ["youyilu-1", "2024/5/14", "友谊路社区", "低保申办\n就业登记", "说“是”，也说\"否\""])
        #expect(texts(sheet)[2] == ["daqiaolu-1", "2024年5月15日", "大桥路社区", "无"])
    }

    @Test func rowNumbersCountRecordsNotLines() throws {
        let sheet = try read(Array("a,b\r\n\"x\r\ny\",1\r\n\r\nz,2".utf8))
        #expect(sheet.rows.map(\.number) == [1, 2, 4])
        #expect(texts(sheet)[1] == ["x\r\ny", "1"])
        #expect(sheet.rows[2].cells.map(\.column) == [1, 2])
    }

    @Test func emptyFieldsKeepTheirColumns() throws {
        let sheet = try read(Array(",,c\n".utf8))
        #expect(sheet.rows.first?.cells.map(\.column) == [3])
    }

    @Test func utf8WithByteOrderMark() throws {
        let sheet = try read([0xEF, 0xBB, 0xBF] + Array(Self.surveys.utf8))
        #expect(texts(sheet)[0].first == "调查编号")
    }

    /// What Excel on Chinese Windows saves as "CSV": GB18030 (GBK for these characters).
    @Test func gb18030() throws {
        let bytes = try #require(Self.surveys.data(using: CSVText.gb18030))
        #expect(String(validating: bytes, as: UTF8.self) == nil, "the test file must not be valid UTF-8")
        let sheet = try read(Array(bytes))
        #expect(texts(sheet) == texts(try read(Array(Self.surveys.utf8))))
        // A four-byte GB18030 sequence (a CJK Extension B character) too.
        let rare = try #require("𠀀社区".data(using: CSVText.gb18030))
        #expect(texts(try read(Array(rare))) == [["𠀀社区"]])
    }

    @Test func gb18030WorkbookImports() throws {
        var export = SurveyExport(asText: true)
        let example = try #require(SurveyCorpus.examples.first { $0.name.contains("hangkonglu") })
        try export.add(example.bytes, path: example.name)
        let files = export.csvFiles().map { ($0.0, Array(String(decoding: $0.1, as: UTF8.self).data(using: CSVText.gb18030)!)) }
        let result = try WorkbookFixtures.importCSV(files)
        #expect(result.diagnostics.isEmpty, "\(WorkbookFixtures.lines(result.diagnostics))")
        let imported = try #require(result.surveys.first)
        #expect(try WorkbookFixtures.findings(of: imported.bytes, path: "x.xml") == WorkbookFixtures.findings(of: example.bytes, path: "y.xml"))
    }

    @Test func neitherUTF8NorGB18030() {
        let error = #expect(throws: Diagnostics.self) { try read([0x61, 0xFF, 0xFF, 0x62]) }
        #expect(error?.items.map(\.code) == [.workbookCSVEncoding])
    }

    @Test func unterminatedQuote() {
        let error = #expect(throws: Diagnostics.self) { try read(Array("a,b\nc,\"d,e\nf,g\n".utf8)) }
        #expect(error.map { WorkbookFixtures.lines($0.items) } == ["调查表.csv:调查表!B2: 此处开始的引号没有结束，文件其余部分无法读取"])
    }

    @Test func quotesInsideUnquotedFieldsAreKept() throws {
        #expect(texts(try read(Array("5\"3,x\n".utf8))) == [["5\"3", "x"]])
    }

    @Test func filesAreNamedBySheetKeyOrChineseName() throws {
        try WorkbookFixtures.withTemporaryDirectory { folder in
            let surveys = folder + "/SURVEYS.csv"
            let rooms = folder + "/用房.csv"
            let stray = folder + "/房间.csv"
            try Data("id,date,community\nx-1,2024-05-14,甲社区\n".utf8).write(to: URL(fileURLWithPath: surveys))
            try Data("survey,name\nx-1,警务室\n".utf8).write(to: URL(fileURLWithPath: rooms))
            try Data("survey,name\nx-1,警务室\n".utf8).write(to: URL(fileURLWithPath: stray))
            let workbook = try WorkbookFiles.read([surveys, rooms])
            #expect(workbook.sheets.map(\.name) == ["SURVEYS", "用房"])
            #expect(workbook.displayName == "SURVEYS.csv")
            let result = WorkbookFixtures.importer.importSurveys(from: workbook)
            #expect(result.surveys.count == 1 && result.diagnostics.isEmpty)
            // A file named for no sheet stops the import: its rows would otherwise be lost.
            let error = #expect(throws: Diagnostics.self) { try WorkbookFiles.read([surveys, stray]) }
            #expect(error?.items.map(\.code) == [.workbookSheetUnknown])
            #expect(error?.items.first?.severity == .error)
        }
    }
}
