import Foundation
import Testing
import WuyouAudit
import WuyouCore
import WuyouDecimal
import WuyouTestSupport
@testable import WuyouReports

@Suite("wuyou audit --baseline")
struct AuditBaselineTests {
    typealias F = AuditFixtures
    let scratch = ScratchFolder()

    /// Last time: 甲 lacked a police room and had 2 regulations, 乙 passed, 丁 was surveyed.
    /// This time: 甲 has a police room but is now short of area, 乙 still passes, 丙 is new, 丁 is gone.
    func twoAudits() async throws -> (result: SiteBuilder.Result, out: URL, baselineFile: URL) {
        let base = try scratch.folder()
        let before = base.appendingPathComponent("2023")
        try F.write([
            "jia.xml": F.survey(id: "jia-2023", community: "甲社区", date: "2023-11-02", police: false, regulations: 2),
            "yi.xml": F.survey(id: "yi-2023", community: "乙社区", date: "2023-11-02"),
            "ding.xml": F.survey(id: "ding-2023", community: "丁社区", date: "2023-11-02", area: 280),
        ], in: before)
        let after = base.appendingPathComponent("2024")
        try F.write([
            "jia.xml": F.survey(id: "jia-2024", community: "甲社区", area: 290),
            "yi.xml": F.survey(id: "yi-2024", community: "乙社区"),
            "bing.xml": F.survey(id: "bing-2024", community: "丙社区", police: false),
        ], in: after)
        let first = base.appendingPathComponent("site-2023")
        _ = try await F.build([before], out: first)
        let out = base.appendingPathComponent("site-2024")
        let baselineFile = first.appendingPathComponent("audit.json")
        let result = try await F.build([after], out: out, baseline: baselineFile)
        return (result, out, baselineFile)
    }

    @Test("per centre: score change, gaps closed and opened; centres new and gone")
    func centreChanges() async throws {
        let (result, _, _) = try await twoAudits()
        let comparison = try #require(result.comparison)
        let byCommunity = Dictionary(uniqueKeysWithValues: zip(result.summary.surveys.map(\.community), comparison.centres))

        let jia = try #require(byCommunity["甲社区"])
        #expect(jia.baseline?.id == "jia-2023")
        #expect(jia.gapsClosed == ["room.police", "five.regulations"])
        #expect(jia.gapsOpened == ["area.minimum", "area.per-households"])
        // 16 of 18 judged mandatory requirements then (police, regulations), 16 of 18 now (two area gaps).
        #expect(jia.scoreChange == 0)

        let yi = try #require(byCommunity["乙社区"])
        #expect(yi.scoreChange == 0 && yi.gapsClosed.isEmpty && yi.gapsOpened.isEmpty)

        let bing = try #require(byCommunity["丙社区"])
        #expect(bing.isNew && bing.scoreChange == nil)
        #expect(comparison.gone.map(\.community) == ["丁社区"])
        #expect(comparison.totalGapsClosed == 2 && comparison.totalGapsOpened == 2)
    }

    @Test("per requirement: the change in compliance rate")
    func requirementChanges() async throws {
        let (result, _, _) = try await twoAudits()
        let changes = Dictionary(uniqueKeysWithValues: try #require(result.comparison).requirements.map { ($0.id, $0) })
        // room.police: 2 of 3 then, 2 of 3 now; area.minimum: 2 of 3 then, 2 of 3 now;
        // five.regulations: 2 of 3 then, 3 of 3 now.
        #expect(changes["room.police"]?.change == 0)
        #expect(changes["five.regulations"]?.baselineRate == ExactDecimal("0.6667"))
        #expect(changes["five.regulations"]?.rate == 1)
        #expect(changes["five.regulations"]?.change == ExactDecimal("0.3333"))
        #expect(changes["five.staff"]?.change == 0)
    }

    @Test("the comparison appears in audit.json and on the index")
    func shownInOutputs() async throws {
        let (_, out, baselineFile) = try await twoAudits()
        let json = try F.json(out.appendingPathComponent("audit.json"))
        let baseline = try #require(json["baseline"] as? [String: Any])
        #expect(baseline["path"] as? String == baselineFile.path)
        #expect(baseline["surveys"] as? Int == 3)
        let gone = try #require(baseline["gone"] as? [[String: Any]])
        #expect(gone.map { $0["id"] as? String } == ["ding-2023"])
        let centres = try #require(baseline["centres"] as? [[String: Any]])
        #expect(centres.map { $0["new"] as? Bool } == [true, false, false])

        let index = try F.text(out.appendingPathComponent("index.html"))
        #expect(index.contains("较上次"))
        #expect(index.contains("本次未检查的社区"))
        #expect(index.contains("ding-2023"))
        #expect(index.contains("+33.3 个百分点"))
    }

    @Test("each survey page says what changed since last time; audit.csv carries the previous score and the change")
    func perSurveyChange() async throws {
        let (result, out, _) = try await twoAudits()
        let jia = try #require(result.summary.surveys.firstIndex { $0.community == "甲社区" })
        let page = try F.text(out.appendingPathComponent("surveys/\(result.pageNames[jia]).html"))
        #expect(page.contains(#"<h2 id="h-since">较上次</h2>"#))
        #expect(page.contains("上次检查 2023-11-02（jia-2023）"))
        #expect(page.contains("已整改 2 项，新增问题 2 项，仍未整改 0 项"))
        #expect(page.contains("<li>设有警务室 <span class=\"clause\">"))
        let bing = try #require(result.summary.surveys.firstIndex { $0.community == "丙社区" })
        #expect(try F.text(out.appendingPathComponent("surveys/\(result.pageNames[bing]).html")).contains("上次汇总中没有这个社区的调查表。"))

        let csv = try F.text(out.appendingPathComponent("audit.csv"))
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0].hasSuffix(",previousScore,scoreChange"))
        let jiaLine = try #require(lines.first { $0.contains("jia-2024") })
        #expect(jiaLine.hasSuffix(",0.8889,0"))
        let bingLine = try #require(lines.first { $0.contains("bing-2024") })
        #expect(bingLine.hasSuffix(",,"))
    }

    @Test("a baseline inside the output folder is refused before anything is touched: publishing would replace the only copy")
    func baselineInsideOutput() async throws {
        let (_, out, _) = try await twoAudits()
        let before = try F.files(under: out)
        let input = out.deletingLastPathComponent().appendingPathComponent("2024")
        let refused = try await #require(throws: Diagnostics.self) {
            try await F.build([input], out: out, baseline: out.appendingPathComponent("audit.json"))
        }
        #expect(refused.items.map(\.code) == [.auditBaselineInsideOutput])
        #expect(try F.files(under: out) == before, "the site is untouched")
        let copy = out.deletingLastPathComponent().appendingPathComponent("last")
        try FileManager.default.copyItem(at: out, to: copy)
        let again = try await F.build([input], out: out, baseline: copy.appendingPathComponent("audit.json"))
        let comparison = try #require(again.comparison)
        #expect(comparison.centres.allSatisfy { !$0.isNew && $0.scoreChange == 0 && $0.gapsOpened.isEmpty })
    }

    struct BadBaseline: CustomTestStringConvertible, Sendable {
        var name: String
        var contents: String?
        var code: DiagnosticCode
        var reason: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        BadBaseline(name: "missing file", contents: nil, code: .fileNotFound, reason: "no such file"),
        BadBaseline(name: "the site's folder", contents: nil, code: .baselineIsFolder, reason: "did you mean"),
        BadBaseline(name: "not JSON", contents: "<survey/>", code: .baselineNotJSON, reason: "not valid JSON"),
        BadBaseline(name: "a single report", contents: #"{"format": "wuyou-report/1"}"#, code: .baselineWrongFormat, reason: "expected wuyou-audit/1"),
        BadBaseline(name: "reports missing", contents: #"{"format": "wuyou-audit/1"}"#, code: .baselineInvalid, reason: "missing or unexpected at .reports"),
        BadBaseline(name: "a score of 1e127", contents: baseline(score: "1e127"), code: .baselineOutOfRange, reason: "not between 0 and 1"),
        BadBaseline(name: "a pass rate of -7", contents: baseline(passRate: "-7"), code: .baselineOutOfRange, reason: "summary.passRate is -7.0"),
        BadBaseline(name: "a score of 1e300", contents: baseline(score: "1e300"), code: .baselineOutOfRange, reason: "reports[0].score"),
    ])
    func badBaselineIsAClearError(_ example: BadBaseline) throws {
        let folder = try scratch.folder()
        var path = folder.appendingPathComponent("audit.json")
        if let contents = example.contents { try Data(contents.utf8).write(to: path) }
        if example.code == .baselineIsFolder { path = folder }
        let error = try #require(throws: Diagnostics.self) { try BaselineAuditReader.load(path: path.path) }
        let diagnostic = try #require(error.items.first)
        #expect(diagnostic.code == example.code)
        let line = DiagnosticText(language: .en).line(for: diagnostic)
        #expect(line.hasPrefix(path.path + ":1:1: "))
        #expect(line.contains(example.reason), "\(line)")
        if example.code == .baselineIsFolder { #expect(line.contains(folder.path + "/audit.json")) }
    }
}

/// A one-report audit.json with the given score and pass rate, as written in JSON.
private func baseline(score: String = "0.5", passRate: String = "0") -> String {
    """
    {"format": "wuyou-audit/1", "summary": {"passRate": \(passRate)}, "reports": [
      {"survey": {"path": "a.xml", "id": "a", "date": "2024-01-01", "community": "甲"}, "passes": false,
       "score": \(score), "findings": [{"id": "room.police", "status": "gap"}]}]}
    """
}

@Suite("Baseline numbers")
struct BaselineNumberTests {
    @Test("valid JSON numbers at the edges of Double parse, and tiny ones round to 0")
    func edges() throws {
        let tiny = try BaselineAuditReader.read(json: Data(baseline(score: "1e-300", passRate: "1E-300").utf8), path: "b.json")
        #expect(tiny.centres.first?.score == 0)
        #expect(tiny.passRate == 0)
        let exact = try BaselineAuditReader.read(json: Data(baseline(score: "0.88888", passRate: "1").utf8), path: "b.json")
        #expect(exact.centres.first?.score == ExactDecimal("0.8889"))
        #expect(exact.passRate == 1)
    }
}
