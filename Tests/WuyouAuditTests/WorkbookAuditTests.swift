import Foundation
import Testing
import WuyouAudit
import WuyouCore
import WuyouTestSupport
import WuyouWorkbook
@testable import WuyouReports

/// A workbook audited into a site: its surveys' pages and audit.json point at cells, and its bad
/// cells are listed like unreadable files, at their cells.
@Suite("Workbooks in an audit")
struct WorkbookAuditTests {
    typealias F = AuditFixtures
    let scratch = ScratchFolder("wuyou-workbook-audit-tests")

    @Test func pagesAndAuditJSONSayCells() async throws {
        let folder = try scratch.folder()
        let surveys = folder.appendingPathComponent("surveys.csv")
        let rooms = folder.appendingPathComponent("rooms.csv")
        try Data("id,date,community,households,centre-area,premises\nw-1,2024-05-14,甲社区,1500,300,自有\nw-2,2024-05-14,乙社区,两千,300,自有\n".utf8)
            .write(to: surveys)
        try Data("survey,name,area\nw-1,办公室,30\nw-1,图书室,25\nw-1,市民学校,40\nw-1,警物室,20\n".utf8).write(to: rooms)
        let out = folder.appendingPathComponent("site")
        let options = SiteBuilder.Options(
            inputs: [surveys.path, rooms.path], outputDirectory: out.path, jobs: 2, toolVersion: "0.0.0-test",
            importer: WorkbookSurveyImporter(checklist: F.checklist))
        let result = try await SiteBuilder(checklist: F.checklist, options: options).build()
        #expect(result.exitStatus == 2)

        let page = try String(contentsOf: out.appendingPathComponent("surveys/w-1.html"), encoding: .utf8)
        #expect(page.contains("请核实：rooms!A5 有“警物室”，疑为警务室"))
        #expect(page.contains(#"<tr><td class="c-no">rooms!A5</td>"#))
        #expect(!page.contains("调查表第"))

        let audit = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("audit.json"))) as? [String: Any])
        let reports = try #require(audit["reports"] as? [[String: Any]])
        #expect((reports.first?["survey"] as? [String: Any])?["path"] as? String == "\(surveys.path):surveys!A2")
        let text = String(decoding: try Data(contentsOf: out.appendingPathComponent("audit.json")), as: UTF8.self)
        #expect(!text.contains("\"line\""), "a workbook has cells, not lines")
        let errors = try #require(audit["errors"] as? [[String: Any]])
        #expect(errors.count == 1)
        #expect(errors.first?["cell"] as? String == "surveys!D3")
        #expect(errors.first?["line"] == nil && errors.first?["column"] == nil)
        #expect((errors.first?["message"] as? String)?.hasPrefix("户数“两千”不是数字：只写数字（单位 户），如 1500") == true)

        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("surveys!D3"))
    }
}
