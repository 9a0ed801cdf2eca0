import Foundation
import Testing
import WuyouAudit
import WuyouCore
import WuyouLedger
import WuyouTestSupport
import WuyouWorkbook
@testable import WuyouReports

@Suite("wuyou audit --ledger")
struct AuditLedgerTests {
    typealias F = AuditFixtures
    typealias L = LedgerSamples
    let scratch = ScratchFolder()

    /// 甲 (code A1) lacks a police room, waived for its community; 乙 (code B2) has 2 regulations,
    /// committed to by a date already past; 丙 passes; an entry names a community nobody surveyed.
    func surveys() throws -> URL {
        let folder = try scratch.folder()
        func coded(_ xml: String, _ code: String) -> String {
            xml.replacingOccurrences(of: #"<community name="#, with: #"<community code="\#(code)" name="#)
        }
        try F.write([
            "jia.xml": coded(F.survey(id: "jia", community: "甲社区", police: false), "A1"),
            "yi.xml": coded(F.survey(id: "yi", community: "乙社区", subdistrict: "酂阳办事处", regulations: 2), "B2"),
            "bing.xml": coded(F.survey(id: "bing", community: "丙社区"), "C3"),
        ], in: folder)
        return folder
    }

    static let entries = [
        L.waiver("room.police", community: "A1", approvedBy: "市公安局", reason: "与派出所合署"),
        L.commitment("five.regulations", survey: "yi", due: "2024-05-01", measure: "补齐三项制度", owner: "张三"),
        L.commitment("room.police", community: "Z9", survey: nil, due: "2025-01-01", measure: "别处的社区", owner: "李四"),
    ]

    func build(
        _ input: URL, entries: [String] = AuditLedgerTests.entries, publicSite: Bool = false,
        formats: Set<SiteFormat> = [.html, .json, .csv, .ledger], baseline: URL? = nil
    ) async throws -> (SiteBuilder.Result, URL) {
        let out = try scratch.folder().appendingPathComponent("site")
        let options = SiteBuilder.Options(
            inputs: [input.path], outputDirectory: out.path, baselinePath: baseline?.path, jobs: 2, publicSite: publicSite,
            toolVersion: "0.0.0-test", formats: formats, ledger: try L.ledger(entries, path: "台账.xml"),
            ledgerWorkbook: LedgerWorkbookWriter(title: "说明", lines: [], kindPrompt: "整改 或 例外"))
        return (try await SiteBuilder(checklist: F.checklist, options: options).build(), out)
    }

    @Test("a waiver makes its survey pass and the exit status follow; unmatched entries are warnings")
    func verdicts() async throws {
        let (result, _) = try await build(try surveys())
        let byID = Dictionary(uniqueKeysWithValues: result.summary.surveys.map { ($0.id, $0) })
        #expect(byID["jia"]?.passes == true)
        #expect(byID["jia"]?.ledger?.passesWithoutWaivers == false)
        #expect(byID["jia"]?.ledger?.waived == 1)
        #expect(byID["yi"]?.passes == false)
        #expect(byID["yi"]?.ledger?.commitments == 1)
        #expect(byID["yi"]?.ledger?.overdue == 1)
        #expect(result.exitStatus == 1)
        #expect(result.warnings.map(\.code) == [.ledgerUnmatched])
        #expect(result.warnings.first?.arguments["count"] == .count(1))
        #expect(result.warnings.first?.isError == false)
        #expect(result.ledger?.unmatched.map(\.requirement) == ["room.police"])
    }

    @Test("audit.csv gains waived, commitments and overdue; without a ledger it keeps its columns")
    func csv() async throws {
        let input = try surveys()
        let (_, out) = try await build(input)
        let lines = try F.text(out.appendingPathComponent("audit.csv")).split(separator: "\r\n").map(String.init)
        let header = lines[0].split(separator: ",")
        #expect(header.suffix(3) == ["waived", "commitments", "overdue"])
        let jia = try #require(lines.first { $0.contains(",jia,") })
        #expect(jia.hasSuffix(",1,0,0"))
        #expect(jia.contains(",true,"))
        let yi = try #require(lines.first { $0.contains(",yi,") })
        #expect(yi.hasSuffix(",0,1,1"))
    }

    @Test("audit.json: each report with its ledger members, the summary with the ledger's totals and unmatched entries")
    func json() async throws {
        let (_, out) = try await build(try surveys())
        let json = try F.json(out.appendingPathComponent("audit.json"))
        let summary = try #require(json["summary"] as? [String: Any])
        let ledger = try #require(summary["ledger"] as? [String: Any])
        #expect(ledger["waived"] as? Int == 1)
        #expect(ledger["commitments"] as? Int == 1)
        #expect(ledger["overdue"] as? Int == 1)
        let requirements = try #require(ledger["requirements"] as? [[String: Any]])
        #expect(requirements.first { $0["id"] as? String == "room.police" }?["waived"] as? Int == 1)
        let subdistricts = try #require(ledger["subdistricts"] as? [[String: Any]])
        #expect(subdistricts.map { $0["subdistrict"] as? String } == ["赞阳办事处", "酂阳办事处"])
        #expect(subdistricts.map { $0["overdue"] as? Int } == [0, 1])
        let unmatched = try #require(ledger["unmatched"] as? [[String: Any]])
        #expect(unmatched.map { $0["community"] as? String } == ["Z9"])
        #expect(unmatched.first?["path"] as? String == "台账.xml")
        #expect(unmatched.first?["line"] as? Int == 5)
        let reports = try #require(json["reports"] as? [[String: Any]])
        let jia = try #require(reports.first { ($0["survey"] as? [String: Any])?["id"] as? String == "jia" })
        #expect(jia["passes"] as? Bool == true)
        #expect(jia["passesWithoutWaivers"] as? Bool == false)
        let police = try #require((jia["findings"] as? [[String: Any]])?.first { $0["id"] as? String == "room.police" })
        #expect((police["waiver"] as? [String: Any])?["approvedBy"] as? String == "市公安局")
    }

    @Test("the site: waived gaps per requirement, open and overdue commitments per sub-district, the overdue filter")
    func pages() async throws {
        let (result, out) = try await build(try surveys())
        let index = try F.text(out.appendingPathComponent("index.html"))
        #expect(index.contains(#"<h2 id="h-waivers">经批准的例外（按要求）</h2>"#))
        #expect(index.contains(#"设有警务室 <code>room.<wbr>police<wbr></code></th><td class="n">1</td>"#))
        #expect(index.contains(#"<h2 id="h-unmatched">未匹配的台账条目</h2>"#))
        #expect(index.contains("社区 Z9"))
        #expect(index.contains(#"<a href="ledger.xlsx">"#))
        #expect(index.contains("整改中 1 项，其中逾期 1 项；经批准的例外 1 项。"))
        let centres = try F.text(out.appendingPathComponent("centres.html"))
        #expect(centres.contains(#"<input type="radio" name="verdict" id="v-overdue" class="filter-input">"#))
        #expect(centres.contains(#"<label for="v-overdue">有逾期整改</label>"#))
        #expect(centres.components(separatedBy: #" od">"#).count - 1 == 1)
        let style = try F.text(out.appendingPathComponent("style.css"))
        #expect(style.contains("#v-overdue:checked ~ .by-group tbody tr:not(.od) { display: none; }"))
        let yiPage = try F.text(out.appendingPathComponent("subdistricts/酂阳办事处.html"))
        #expect(yiPage.contains("整改中 1 项，其中逾期 1 项；经批准的例外 0 项。"))
        let page = try F.text(out.appendingPathComponent("surveys/\(try #require(result.pageNames.first { $0.hasPrefix("jia") })).html"))
        #expect(page.contains(#"<span class="verdict-word">达标<span class="verdict-waivers">（含 1 项经批准的例外）</span></span>"#))
        #expect(page.contains("与派出所合署"))
    }

    @Test("ledger.xlsx: written with --formats …,ledger, read back it gives the ledger again")
    func workbook() async throws {
        let (_, out) = try await build(try surveys())
        let file = try LedgerWorkbookReader.load(path: out.appendingPathComponent("ledger.xlsx").path)
        let back = try LedgerAssembly.ledger([file], checklist: F.checklist)
        let original = try L.ledger(Self.entries)
        #expect(Set(back.entries.map(\.contents)) == Set(original.entries.map(\.contents)))
        let (_, plain) = try await build(try surveys(), formats: [.html, .json, .csv])
        #expect(!FileManager.default.fileExists(atPath: plain.appendingPathComponent("ledger.xlsx").path))
    }

    @Test("--public: the owners appear in no file, the approving bodies do, and no ledger.xlsx is written")
    func publicSite() async throws {
        let (_, out) = try await build(try surveys(), publicSite: true)
        let files = try F.files(under: out)
        #expect(files["ledger.xlsx"] == nil)
        #expect(!files.isEmpty)
        for (name, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("张三"), "\(name)")
            #expect(!text.contains("李四"), "\(name)")
        }
        #expect(String(decoding: try #require(files["index.html"]), as: UTF8.self).contains("社区 Z9"))
        let reports = String(decoding: try #require(files["audit.json"]), as: UTF8.self)
        #expect(reports.contains("市公安局"))
        #expect(reports.contains(#""owner":null"#) || reports.contains(#""owner": null"#))
    }

    @Test("without --ledger the site is as it was: no ledger column, section or member")
    func withoutLedger() async throws {
        let out = try scratch.folder().appendingPathComponent("site")
        _ = try await F.build([try surveys()], out: out)
        for name in ["index.html", "centres.html", "audit.csv", "audit.json"] {
            let text = try F.text(out.appendingPathComponent(name))
            for absent in ["waived", "整改中", "passesWithoutWaivers", "v-overdue", "ledger"] {
                #expect(!text.contains(absent), "\(name): \(absent)")
            }
        }
    }

    @Test("with --baseline, a survey page says which of last time's commitments were closed on time, late, or are still open")
    func baselineFollowUps() async throws {
        let base = try scratch.folder()
        let before = base.appendingPathComponent("2023")
        try F.write([
            "yi.xml": F.survey(id: "yi-2023", community: "乙社区", date: "2023-11-02", police: false, regulations: 2),
        ], in: before)
        let first = base.appendingPathComponent("site-2023")
        let options = SiteBuilder.Options(
            inputs: [before.path], outputDirectory: first.path, jobs: 1, toolVersion: "0.0.0-test",
            ledger: try L.ledger([
                L.commitment("five.regulations", survey: "yi-2023", due: "2024-06-30", measure: "补齐制度", owner: "乙社区"),
                L.commitment("room.police", survey: "yi-2023", due: "2024-03-31", measure: "设警务室", owner: "乙社区"),
            ]))
        _ = try await SiteBuilder(checklist: F.checklist, options: options).build()
        let after = base.appendingPathComponent("2024")
        try F.write(["yi.xml": F.survey(id: "yi-2024", community: "乙社区", regulations: 2)], in: after)
        let out = base.appendingPathComponent("site-2024")
        let result = try await F.build([after], out: out, baseline: first.appendingPathComponent("audit.json"))
        let page = try F.text(out.appendingPathComponent("surveys/\(try #require(result.pageNames.first)).html"))
        #expect(page.contains("上次的整改承诺："))
        #expect(page.contains("逾期完成（时限 2024-03-31）"))
        #expect(page.contains("仍未完成（时限 2024-06-30）"))
    }
}
