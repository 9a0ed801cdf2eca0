import Foundation
import Testing
import WuyouAudit
import WuyouCore
import WuyouTestSupport
@testable import WuyouReports

/// One story everywhere: what a report says first, and the same counts and numbers in the
/// report, the index and every language.
@Suite("Reports tell one story")
struct ReportStoryTests {
    typealias F = AuditFixtures
    let scratch = ScratchFolder("wuyou-story-tests")

    @Test("a draft says so first and its verdict is 草稿, never 达标")
    func draftReport() throws {
        let xml = F.survey(id: "d").replacingOccurrences(of: "<inspector>检查员甲</inspector>", with: "<inspector>（检查人姓名）</inspector>")
        let report = try HTMLFixtures.survey(xml: xml)
        #expect(report.survey.isDraft && !report.passes)
        let html = try HTMLFixtures.render(report, language: .zh)
        let notice = try #require(html.range(of: "这是草稿"))
        let verdict = try #require(html.range(of: "class=\"verdict-word\""))
        #expect(notice.lowerBound < verdict.lowerBound, "the draft notice comes before the conclusion")
        #expect(html.contains(#"<span class="verdict-word">草稿</span>"#))
        #expect(try HTMLFixtures.render(report, language: .en).contains(#"<span class="verdict-word">Draft</span>"#))
    }

    @Test("a gap that may be a typo says so in its row, and the conclusion counts such gaps apart")
    func typoInPlace() throws {
        let xml = F.survey(id: "t", police: false).replacingOccurrences(
            of: "</centre>", with: #"<room area="20">警物室</room></centre>"#)
        let html = try HTMLFixtures.render(try HTMLFixtures.survey(xml: xml), language: .zh)
        #expect(html.contains(#"<span class="typo-note">请核实：调查表第"#))
        #expect(html.contains("有“警物室”，疑为警务室</span>"))
        #expect(html.contains(#"<p class="verdict-typos">其中 1 项可能是调查表笔误"#))
        let clean = try HTMLFixtures.render(try HTMLFixtures.survey(xml: F.survey(id: "c", police: false)), language: .zh)
        #expect(!clean.contains(#"<span class="typo-note">"#) && !clean.contains(#"<p class="verdict-typos">"#))
    }

    @Test("a modified checklist is marked at the top, in the facts and on the index")
    func modifiedChecklist() async throws {
        let text = try String(contentsOf: HTMLFixtures.root.appendingPathComponent("checklists/laohekou-2023.xml"), encoding: .utf8)
            .replacingOccurrences(of: #"<param name="minimum" value="300"/>"#, with: #"<param name="minimum" value="400"/>"#)
        let checklist = try ChecklistReader.read(bytes: Array(text.utf8), path: "city.xml")
        let loaded = try SurveyLoader.load(path: HTMLFixtures.root.appendingPathComponent("examples/youyilu.xml").path)
        let report = Evaluator(checklist: checklist).evaluate(loaded.survey, document: loaded.document)
        let html = try HTMLReportRenderer(language: .zh, templateDirectory: nil).render(report)
        #expect(html.contains("已修改（校验码 \(checklist.shortHash)）"))
        #expect(html.contains("laohekou-2023（1.0 版，已修改）"))
        let index = try HTMLFixtures.renderIndex(
            AuditSummary(checklist: checklist, strict: false, outcomes: [.audited(AuditedSurvey(report: report, strict: false))]))
        #expect(index.contains(#"<p class="notice" role="note">注意：检查清单 laohekou-2023 已修改"#))
    }

    @Test("the index's gap count is the report's: mandatory gaps (daqiaolu: 16, not 18)")
    func sameGapCount() throws {
        let report = try HTMLFixtures.example("daqiaolu")
        #expect(report.counts[.gap] == 18)
        let page = try HTMLReportRenderer(language: .zh, templateDirectory: nil).render(report)
        #expect(page.contains("未达标16项"))
        let index = try HTMLFixtures.renderIndex(
            AuditSummary(checklist: HTMLFixtures.checklist, strict: false, outcomes: [.audited(AuditedSurvey(report: report, strict: false))]))
        #expect(index.contains(#"<td class="outcome" data-label="结论">未达标</td><td data-label="未达标">16</td>"#))
        #expect(!index.contains("<td>18</td>"))
    }

    @Test("drafts are listed apart on the index, in no sub-district, and out of the pass rate")
    func draftsApart() async throws {
        let input = try scratch.folder()
        try F.write([
            "a.xml": F.survey(id: "a", subdistrict: "赞阳办事处"),
            "draft.xml": F.survey(id: "d", community: "草稿社区", subdistrict: "（街道办事处）"),
        ], in: input)
        let out = try scratch.folder().appendingPathComponent("site")
        let result = try await F.build([input], out: out)
        #expect(result.summary.passRate == 1)
        let index = try F.text(out.appendingPathComponent("index.html"))
        #expect(index.contains("草稿（未计入统计）"))
        #expect(index.contains("草稿社区"))
        #expect(!index.contains("（街道办事处）</a>"), "a draft's placeholder is not a sub-district row")
        #expect(index.contains("100.0%"))
        let centres = try F.text(out.appendingPathComponent("centres.html"))
        #expect(centres.contains(#"<h2 id="h-drafts">草稿（未计入统计）</h2>"#))
        let subdistricts = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("subdistricts").path)
        #expect(subdistricts.count == 1)
    }

    @Test("amounts are plain digits in the report and the index; English money is ¥")
    func numbers() throws {
        let report = try HTMLFixtures.example("daqiaolu")
        let index = try HTMLFixtures.renderIndex(
            AuditSummary(checklist: HTMLFixtures.checklist, strict: false, outcomes: [.audited(AuditedSurvey(report: report, strict: false))]),
            language: .en)
        #expect(index.contains("¥60000"))
        #expect(!index.contains("60,000"))
        let page = try HTMLReportRenderer(language: .en, templateDirectory: nil).render(report)
        #expect(page.contains("¥60000") && !page.contains("60,000"))
    }
}
