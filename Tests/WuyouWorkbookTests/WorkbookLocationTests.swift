import Foundation
import Testing
import WuyouCore
import WuyouReports
import WuyouWords
@testable import WuyouWorkbook

/// A survey from a workbook is shown where it was written: every location in the terminal's
/// lines, the HTML report, its JSON and audit.json is a sheet and cell, never a line of XML that
/// nobody has seen.
@Suite("Workbook surveys point at cells")
struct WorkbookLocationTests {
    /// One survey without a police room; 用房 row 5 holds 警物室 (probably 警务室), row 6 a room of 0 m².
    static func report() throws -> SurveyReport {
        func texts(_ values: [String?]) -> [XLSXDocument.Cell?] { values.map { $0.map { .text($0) } } }
        let workbook = TestWorkbook(sheets: [
            ("调查表", [texts(["调查编号", "调查日期", "社区名称", "户数", "中心总面积", "用房性质"]),
                       texts(["w-1", "2024-05-14", "甲社区", "1500", "300", "自有"])]),
            ("用房", [texts(["调查编号", "门牌名称", "用房类型", "面积"])]
                + [["w-1", "办公室", nil, "30"], ["w-1", "图书室", nil, "25"], ["w-1", "市民学校", nil, "40"],
                   ["w-1", "警物室", nil, "20"], ["w-1", "储藏室", nil, "0"]].map(texts)),
        ])
        let result = try WorkbookFixtures.importXLSX(workbook.bytes())
        let loaded = try result.survey(id: "w-1")
        return Evaluator(checklist: WorkbookFixtures.checklist).evaluate(loaded.survey, document: loaded.document)
    }

    @Test func theTerminalSaysCells() throws {
        let text = TextReportRenderer(language: .zh).render(try Self.report())
        let lines = text.split(separator: "\n").map(String.init)
        let police = try #require(lines.first { $0.contains(" room.police ") })
        #expect(police.hasPrefix("普查.xlsx:调查表!A2: gap room.police"), "the centre is the survey's row")
        #expect(police.contains("请核实：用房!A5 有“警物室”，疑为警务室"))
        #expect(lines.contains { $0.hasPrefix("普查.xlsx:用房!A5: 警告：用房“警物室”不是标准用房") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("普查.xlsx:用房!A6: 警告：用房“储藏室”面积为 0") }, "\(lines)")
        #expect(!text.contains("调查表第"))
        #expect(text.range(of: #":\d+:\d+: "#, options: .regularExpression) == nil, "no line:column anywhere")
    }

    @Test func theHTMLReportSaysCells() throws {
        for (language, heading, note) in [(ReportLanguage.zh, "单元格", "请核实：用房!A5 有“警物室”，疑为警务室"),
                                          (.en, "Cell", "check: cell 用房!A5 has “警物室”, probably meant as")] {
            let html = try HTMLReportRenderer(language: language, templateDirectory: nil).render(try Self.report())
            #expect(html.contains(note))
            #expect(html.contains(#"<th scope="col" class="c-no">\#(heading)</th>"#), "the warnings' heading")
            #expect(html.contains(#"<th scope="col" class="n">\#(heading)</th>"#), "the room annex's heading")
            #expect(html.contains(#"<tr><td class="c-no">用房!A5</td>"#), "the warning about 警物室")
            #expect(html.contains(#"<tr><td class="c-no">用房!A6</td>"#), "the warning about the room of 0 m²")
            #expect(html.contains(#"<td class="n">用房!A5</td></tr>"#), "警物室 in the room annex")
            #expect(!html.contains("调查表第") && !html.contains("line 1"))
        }
    }

    @Test func theJSONSaysCellsAndNoLines() throws {
        let json = JSONReportRenderer(language: .zh).render(try Self.report())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let police = try #require(findings.first { $0["id"] as? String == "room.police" })
        #expect(police["cell"] as? String == "调查表!A2")
        let typos = try #require(police["possibleTypos"] as? [[String: Any]])
        #expect(typos.first?["cell"] as? String == "用房!A5")
        let warnings = try #require(object["warnings"] as? [[String: Any]])
        // 图书室 counted by an alias (row 3), 警物室 unknown (5), 储藏室 unknown and of 0 m² (6).
        #expect(warnings.map { $0["cell"] as? String } == ["用房!A3", "用房!A5", "用房!A6", "用房!A6"])
        #expect(!json.contains("\"line\""))
        let audit = AuditJSONRenderer(language: .zh, checklist: WorkbookFixtures.checklist)
        var sink = JSONBytes(layout: .oneLine, capacity: 1 << 16)
        audit.writeReportElement(try Self.report(), to: &sink)
        let element = String(decoding: sink.bytes, as: UTF8.self)
        #expect(element.contains(#""cell":"用房!A5""#) && !element.contains("\"line\""))
    }

    /// A survey file still says lines, as before.
    @Test func aSurveyFileStillSaysLines() throws {
        let xml = SurveyCorpus.examples.first { $0.name.contains("youyilu") }!
        let loaded = try SurveyLoader.load(bytes: xml.bytes, path: "youyilu.xml")
        let report = Evaluator(checklist: WorkbookFixtures.checklist).evaluate(loaded.survey, document: loaded.document)
        let json = JSONReportRenderer(language: .zh).render(report)
        #expect(json.contains("\"line\"") && !json.contains("\"cell\""))
        let html = try HTMLReportRenderer(language: .zh, templateDirectory: nil).render(report)
        #expect(html.contains(#"<th scope="col" class="n">行号</th>"#))
    }
}
