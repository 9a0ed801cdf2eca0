import Foundation
import Testing

/// `--ledger` on `check` and `audit`, as a user runs them.
@Suite("wuyou check and audit --ledger", .serialized)
struct LedgerCommandTests {
    static let waivers = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ledger xmlns="urn:wuyou:ledger:1" checklist="laohekou-2023">
          <waiver community="420682001003" requirement="room.police" approved-by="老河口市公安局" approved="2024-03-01">合署</waiver>
          <waiver survey="zanyang-youyilu-2024-05" requirement="five.regulations" approved-by="民政局" approved="2024-01-01" expires="2024-12-31">试点</waiver>
          <commitment survey="zanyang-youyilu-2024-05" requirement="admin.access-system" owner="赞阳办事处" due="2024-04-30">建立准入制度</commitment>
        </ledger>

        """

    @Test("waivers on every mandatory gap make check exit 0; the text says so and marks each finding")
    func checkPasses() throws {
        try withTemporaryFolder { folder in
            let ledger = try write(Self.waivers, to: "ledger.xml", in: folder)
            let result = try WuyouBinary.run(["check", "examples/youyilu.xml", "--ledger", ledger.path])
            #expect(result.status == 0, "\(result.standardError)")
            let lines = result.standardOutput.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.hasPrefix("examples/youyilu.xml:6:1: gap room.police ") && $0.contains("经批准例外：老河口市公安局，有效期至 长期") })
            #expect(lines.contains { $0.contains("admin.access-system") && $0.contains("2024-04-30 前完成，已逾期") })
            #expect(lines.last?.contains("达标（含 2 项经批准的例外）") == true)
            let without = try WuyouBinary.run(["check", "examples/youyilu.xml"])
            #expect(without.status == 1)
        }
    }

    @Test("check --format json --ledger adds the ledger's members; --html writes them into the report")
    func checkJSONAndHTML() throws {
        try withTemporaryFolder { folder in
            let ledger = try write(Self.waivers, to: "ledger.xml", in: folder)
            let html = folder.appendingPathComponent("report.html")
            let result = try WuyouBinary.run([
                "check", "examples/youyilu.xml", "--ledger", ledger.path, "--format", "json", "--html", html.path,
            ])
            #expect(result.status == 0, "\(result.standardError)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
            #expect(object["passes"] as? Bool == true)
            #expect(object["passesWithoutWaivers"] as? Bool == false)
            #expect((object["ledger"] as? [String: Any])?["applied"] as? Int == 2)
            let page = try String(contentsOf: html, encoding: .utf8)
            #expect(page.contains("（含 2 项经批准的例外）"))
            #expect(page.contains(#"<h2 id="h-ledger">整改台账</h2>"#))
        }
    }

    struct BadLedger: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let place: String
        var testDescription: String { name }
    }

    static let bad: [BadLedger] = [
        BadLedger(name: "an unknown requirement", text: waivers.replacingOccurrences(of: "room.police", with: "room.polis"),
                  place: ":3:3: 检查清单 laohekou-2023 中没有要求“room.polis”；是否应为 room.police？"),
        BadLedger(name: "another checklist", text: waivers.replacingOccurrences(of: #"checklist="laohekou-2023""#, with: #"checklist="wuhan-2025""#),
                  place: ":2:1: 这份台账写明属于检查清单“wuhan-2025”"),
        BadLedger(name: "overlapping waivers", text: waivers.replacingOccurrences(
            of: "</ledger>", with: #"  <waiver community="420682001003" requirement="room.police" approved-by="x" approved="2025-01-01">又一条</waiver>"# + "\n</ledger>"),
                  place: ":6:3: 与 "),
        BadLedger(name: "a DTD", text: waivers.replacingOccurrences(of: "<ledger ", with: "<!DOCTYPE ledger [<!ENTITY e \"x\">]>\n<ledger "),
                  place: ":2:1: 不允许 DOCTYPE：整改台账不得声明 DTD 或实体"),
        BadLedger(name: "not a ledger", text: "<survey xmlns=\"urn:wuyou:survey:1\"/>\n", place: ":1:1: 这不是整改台账"),
    ]

    @Test("a bad ledger: one line per problem at its file:line:col, exit 2, nothing on stdout", arguments: bad)
    func badLedger(_ bad: BadLedger) throws {
        try withTemporaryFolder { folder in
            let ledger = try write(bad.text, to: "ledger.xml", in: folder)
            for command in [["check", "examples/youyilu.xml"], ["audit", "examples", "--out", folder.appendingPathComponent("site").path]] {
                let result = try WuyouBinary.run(command + ["--ledger", ledger.path])
                #expect(result.status == 2)
                #expect(result.standardOutput.isEmpty)
                let lines = result.standardError.split(separator: "\n")
                #expect(lines.count == 1, "\(lines)")
                #expect(lines.first?.hasPrefix(ledger.path + bad.place) == true, "\(result.standardError)")
            }
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path))
        }
    }

    @Test("audit --formats …,ledger writes ledger.xlsx; filled in, it goes back in with --ledger; unmatched entries warn")
    func auditWorkbook() throws {
        try withTemporaryFolder { folder in
            let ledger = try write(Self.waivers.replacingOccurrences(
                of: "</ledger>", with: #"  <commitment community="999" requirement="room.office" owner="x" due="2025-01-01">别处</commitment>"# + "\n</ledger>"),
                to: "ledger.xml", in: folder)
            let site = folder.appendingPathComponent("site")
            let first = try WuyouBinary.run([
                "audit", "examples", "--out", site.path, "--ledger", ledger.path, "--formats", "html,json,csv,ledger", "--quiet",
            ])
            #expect(first.status == 1, "\(first.standardError)")
            #expect(first.standardError.contains("\(ledger.path):1:1: 警告：有 1 条台账条目不属于本次检查的任何调查表"))
            let workbook = site.appendingPathComponent("ledger.xlsx")
            #expect(FileManager.default.fileExists(atPath: workbook.path))
            let copy = folder.appendingPathComponent("返回的台账.xlsx")
            try FileManager.default.copyItem(at: workbook, to: copy)
            let back = try WuyouBinary.run(["check", "examples/youyilu.xml", "--ledger", copy.path, "--format", "json"])
            let fromXML = try WuyouBinary.run(["check", "examples/youyilu.xml", "--ledger", ledger.path, "--format", "json"])
            #expect(back.status == 0, "\(back.standardError)")
            #expect(back.standardOutput == fromXML.standardOutput)
        }
    }

    @Test("--public refuses --formats …,ledger as a usage error; the site withholds owners")
    func publicSite() throws {
        try withTemporaryFolder { folder in
            let ledger = try write(Self.waivers, to: "ledger.xml", in: folder)
            let refused = try WuyouBinary.run([
                "audit", "examples", "--out", folder.appendingPathComponent("a").path, "--public", "--formats", "html,ledger",
            ])
            #expect(refused.status == 64)
            let site = folder.appendingPathComponent("b")
            let published = try WuyouBinary.run(["audit", "examples", "--out", site.path, "--public", "--ledger", ledger.path, "--quiet"])
            #expect(published.status == 1, "\(published.standardError)")
            let json = try String(contentsOf: site.appendingPathComponent("audit.json"), encoding: .utf8)
            let compact = json.replacingOccurrences(of: " ", with: "")
            #expect(!compact.contains(#""owner":"赞阳办事处""#))
            #expect(compact.contains(#""owner":null"#))
        }
    }
}
