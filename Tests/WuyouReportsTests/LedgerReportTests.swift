import Foundation
import Testing
import WuyouCore
import WuyouLedger
import WuyouDecimal
import WuyouTestSupport
import WuyouWords
@testable import WuyouReports

/// What a ledger adds to each report of one survey: JSON, text, HTML (screen and print).
@Suite("Reports with a ledger")
struct LedgerReportTests {
    typealias L = LedgerSamples

    func judged(_ entries: [String] = LedgerSamples.youyilu, example: String = "youyilu") throws -> (SurveyReport, LedgerJudgement) {
        let report = try HTMLFixtures.example(example)
        return (report, LedgerJudgement(report: report, ledger: try L.ledger(entries)))
    }

    func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test("JSON: both verdicts, both scores, each finding's waiver and commitment, the ledger's counts and listed entries")
    func json() throws {
        let (report, judgement) = try judged()
        let text = JSONReportRenderer(language: .zh).render(report, ledger: judgement)
        let object = try object(text)
        #expect(object["passes"] as? Bool == false)
        #expect(object["passesWithoutWaivers"] as? Bool == false)
        #expect(text.contains(#""score": 0.8889,\#n  "scoreWithWaivers": 0.9444,"#))
        let findings = try #require(object["findings"] as? [[String: Any]])
        func finding(_ id: String) throws -> [String: Any] { try #require(findings.first { $0["id"] as? String == id }) }
        let waiver = try #require(try finding("room.police")["waiver"] as? [String: Any])
        #expect(waiver["reason"] as? String == "警务室与辖区派出所合署，经公安局批准不单设")
        #expect(waiver["approvedBy"] as? String == "老河口市公安局")
        #expect(waiver["approved"] as? String == "2024-03-01")
        #expect(waiver["expires"] as? String == "2026-12-31")
        #expect(try finding("room.police")["status"] as? String == "gap")
        let open = try #require(try finding("five.regulations")["commitment"] as? [String: Any])
        #expect(open["measure"] as? String == "补充制定财务管理制度并上墙")
        #expect(open["owner"] as? String == "友谊路社区居委会")
        #expect(open["due"] as? String == "2024-09-30")
        #expect(open["overdue"] as? Bool == false)
        let overdue = try #require(try finding("admin.access-system")["commitment"] as? [String: Any])
        #expect(overdue["overdue"] as? Bool == true)
        #expect(try finding("room.office")["waiver"] == nil)
        let ledger = try #require(object["ledger"] as? [String: Any])
        #expect(ledger["applied"] as? Int == 1)
        #expect(ledger["expired"] as? Int == 0)
        #expect(ledger["unused"] as? Int == 1)
        #expect(ledger["commitments"] as? Int == 2)
        #expect(ledger["overdue"] as? Int == 1)
        #expect(ledger["fulfilled"] as? Int == 0)
        let listed = try #require(ledger["listed"] as? [[String: Any]])
        #expect(listed.map { $0["state"] as? String } == ["unused"])
        #expect(listed.first?["requirement"] as? String == "room.office")
        #expect(listed.first?["community"] as? String == "420682001003")
    }

    @Test("JSON: waivers that make it pass give passes true beside passesWithoutWaivers false")
    func jsonPassesWithWaivers() throws {
        let (report, judgement) = try judged([L.waiver(), L.waiver("five.regulations")])
        let object = try object(JSONReportRenderer(language: .en).render(report, ledger: judgement))
        #expect(object["passes"] as? Bool == true)
        #expect(object["passesWithoutWaivers"] as? Bool == false)
        #expect((object["scoreWithWaivers"] as? NSNumber)?.intValue == 1)
        #expect(report.passes == false)
    }

    @Test("JSON without a ledger keeps the format's shape byte for byte; an empty ledger adds the members")
    func jsonWithoutLedger() throws {
        let report = try HTMLFixtures.example("youyilu")
        let renderer = JSONReportRenderer(language: .zh)
        #expect(renderer.render(report, ledger: nil) == renderer.render(report))
        let empty = LedgerJudgement(report: report, ledger: try L.ledger([]))
        let object = try object(renderer.render(report, ledger: empty))
        #expect(Set(object.keys) == ["format", "survey", "checklist", "passes", "passesWithoutWaivers", "score", "scoreWithWaivers",
                                     "counts", "findings", "funding", "ledger", "warnings"])
    }

    @Test("JSON on a public site: a commitment's owner is null")
    func jsonWithheldOwner() throws {
        let report = try HTMLFixtures.example("youyilu")
        let judgement = LedgerJudgement(report: report, ledger: try L.ledger(L.youyilu).redactedForPublication())
        let json = JSONReportRenderer(language: .zh).render(report, ledger: judgement)
        #expect(!json.contains("友谊路社区居委会"))
        #expect(json.contains(#""owner": null"#))
    }

    @Test("expired, not yet in force, fulfilled and not-applicable entries are listed with their state")
    func listedStates() throws {
        let (report, judgement) = try judged([
            L.waiver(approved: "2020-01-01", expires: "2021-01-01"),
            L.waiver("five.regulations", approved: "2025-01-01", expires: nil),
            L.commitment("room.office", due: "2024-01-01"),
            L.commitment("development.service-space", due: "2024-01-01"),
        ])
        let ledger = try #require(try object(JSONReportRenderer().render(report, ledger: judgement))["ledger"] as? [String: Any])
        let states = try #require(ledger["listed"] as? [[String: Any]]).map { "\($0["requirement"]!):\($0["state"]!)" }
        #expect(states == ["room.police:expired", "five.regulations:not-yet-in-force", "room.office:fulfilled",
                           "development.service-space:not-applicable"])
        #expect(ledger["expired"] as? Int == 1)
        #expect(ledger["fulfilled"] as? Int == 1)
    }

    @Test("text: a short mark on waived and committed findings, and the verdict with its waivers", arguments: ReportLanguage.allCases)
    func text(_ language: ReportLanguage) throws {
        let (report, judgement) = try judged()
        let text = TextReportRenderer(language: language).render(report, ledger: judgement)
        let lines = text.split(separator: "\n").map(String.init)
        let police = try #require(lines.first { $0.contains("room.police") })
        #expect(police.contains("老河口市公安局") && police.contains("2026-12-31"))
        let access = try #require(lines.first { $0.contains("admin.access-system") })
        #expect(access.contains("2024-04-30"))
        #expect(access.contains(Words(language)["text.ledger.overdue"]))
        #expect(TextReportRenderer(language: language).render(report, ledger: nil) == TextReportRenderer(language: language).render(report))
        let (passing, withWaivers) = try judged([L.waiver(), L.waiver("five.regulations")])
        let summary = try #require(TextReportRenderer(language: language).render(passing, ledger: withWaivers).split(separator: "\n").last)
        #expect(summary.contains(Words(language)("text.passes-with-waivers", ["count": "2"])))
    }

    @Test("HTML: each problem row shows its waiver or commitment; the 整改台账 section lists every entry")
    func htmlRows() throws {
        let (report, judgement) = try judged()
        let html = try HTMLReportRenderer(language: .zh, templateDirectory: nil, toolVersion: "0.0.0-test").render(report, ledger: judgement)
        #expect(html.components(separatedBy: #"<tr class="ledger-row">"#).count - 1 == 3)
        #expect(html.contains(#"<span class="tag tag-waiver">经批准例外</span> <span class="ledger-text">警务室与辖区派出所合署，经公安局批准不单设</span>"#))
        #expect(html.contains("补充制定财务管理制度并上墙"))
        #expect(html.contains(#"2024-04-30 <span class="tag tag-overdue">逾期</span>"#))
        #expect(html.contains(#"<h2 id="h-ledger">整改台账</h2>"#))
        for state in ["已适用", "整改中", "已逾期", "未使用（该项已达标或不适用）"] {
            #expect(html.contains(#"">\#(state)</span>"#), "\(state)")
        }
        #expect(html.contains("ledger.xml 第 3 行"))
        #expect(html.contains("整改责任单位签字："))
        #expect(!html.contains("不存在的社区"))
        #expect(!html.contains(#"class="verdict-waivers""#))
        #expect(html.contains("已把 1 项经批准的例外计为达标，仍有必备要求未达标。"))
    }

    @Test("HTML: the verdict box says 达标（含 N 项经批准的例外） when waivers made it pass")
    func htmlVerdict() throws {
        let (report, judgement) = try judged([L.waiver(), L.waiver("five.regulations")])
        let html = try HTMLFixtures.render(report, language: .zh)
        #expect(html.contains(#"<span class="verdict-word">未达标</span>"#))
        let ledgered = try HTMLReportRenderer(language: .zh, templateDirectory: nil).render(report, ledger: judgement)
        #expect(ledgered.contains(#"<span class="verdict-word">达标<span class="verdict-waivers">（含 2 项经批准的例外）</span></span>"#))
        #expect(ledgered.contains("不计例外则为未达标；把经批准的例外计为达标，得分 100.0%。"))
        #expect(ledgered.contains(#"class="verdict verdict-pass""#))
    }

    @Test("HTML print: every open gap has its measure, owner and deadline, or lines to write them in")
    func htmlPrint() throws {
        let (report, judgement) = try judged(
            [L.commitment("premises.exists", survey: "zanyang-daqiaolu-2024-05", due: "2025-06-30", measure: "申请调剂办公用房")],
            example: "daqiaolu")
        let html = try HTMLReportRenderer(language: .zh, templateDirectory: nil).render(report, ledger: judgement)
        let gaps = report.problems.count
        let blanks = html.components(separatedBy: #"<div class="ledger-blank print-only">"#).count - 1
        #expect(blanks == gaps - 1)
        #expect(html.components(separatedBy: #"<tbody class="pair">"#).count - 1 == gaps)
        #expect(html.contains("申请调剂办公用房"))
        // The printed rows hold the lines; the screen shows a note instead.
        #expect(html.contains(#"<p class="ledger-line ledger-none screen-only">台账中尚无整改措施</p>"#))
        #expect(html.contains(".ledger-line.screen-only { display: none; }"))
    }

    @Test("HTML: a report without a ledger has none of it, not even its style")
    func htmlWithoutLedger() throws {
        let html = try HTMLFixtures.render(try HTMLFixtures.example("daqiaolu"), language: .zh)
        for absent in ["ledger", "整改台账", "pair", "整改责任单位签字"] {
            #expect(!html.contains(absent), "\(absent)")
        }
    }

    @Test("HTML on a public site: the owner is withheld, the approving body shown")
    func htmlWithheldOwner() throws {
        let report = try HTMLFixtures.example("youyilu")
        let judgement = LedgerJudgement(report: report, ledger: try L.ledger(L.youyilu).redactedForPublication())
        let html = try HTMLReportRenderer(language: .zh, templateDirectory: nil).render(report, ledger: judgement)
        #expect(!html.contains("友谊路社区居委会"))
        #expect(html.contains("（公开版不显示）"))
        #expect(html.contains("老河口市公安局"))
    }

    @Test("HTML in English: the ledger's words are English")
    func htmlEnglish() throws {
        let (report, judgement) = try judged()
        let html = try HTMLReportRenderer(language: .en, templateDirectory: nil).render(report, ledger: judgement)
        #expect(html.contains(#"<h2 id="h-ledger">Rectification ledger</h2>"#))
        #expect(html.contains("ledger.xml line 3"))
        #expect(html.contains(">overdue</span>"))
    }

    @Test("since the baseline: the earlier report's commitments closed on time, late, or still open")
    func followUps() throws {
        let report = try HTMLFixtures.example("youyilu")
        var before = BaselineAudit.Centre(
            path: "old.xml", id: "old", community: report.survey.community.name, subdistrict: report.survey.community.subdistrict,
            date: "2023-06-12", passes: false, score: ExactDecimal("0.5")!, statuses: ["room.office": .gap, "room.police": .gap, "hall.one-door": .gap])
        func due(_ text: String) throws -> SurveyDate { try #require(SurveyDate(text)) }
        before.commitments = [
            "room.office": .init(measure: "a", owner: "o", due: try due("2024-06-30")),
            "hall.one-door": .init(measure: "b", owner: "o", due: try due("2024-01-31")),
            "room.police": .init(measure: "c", owner: "o", due: try due("2024-01-31")),
        ]
        let change = BaselineComparison.CentreChange(baseline: before, scoreChange: ExactDecimal("0.3889")!, gapsClosed: ["room.office"], gapsOpened: [])
        let html = String(decoding: try HTMLReportRenderer(language: .zh, templateDirectory: nil, toolVersion: "0")
            .renderBytes(report, surveyFileName: nil, indexHref: nil, since: change), as: UTF8.self)
        #expect(html.contains("上次的整改承诺："))
        #expect(html.contains(#"<span class="follow-up follow-closed-on-time">按期完成（时限 2024-06-30）</span>"#))
        #expect(html.contains(#"<span class="follow-up follow-closed-late">逾期完成（时限 2024-01-31）</span>"#))
        #expect(html.contains(#"<span class="follow-up follow-still-open-overdue">仍未完成，已逾期（时限 2024-01-31）</span>"#))
    }

    @Test("the baseline reader keeps each report's commitments, and refuses a bad due date")
    func baselineCommitments() throws {
        let (report, judgement) = try judged()
        let element = AuditJSONRenderer(language: .zh).head(summary: AuditSummary(
            checklist: report.checklist, strict: false, outcomes: [.audited(AuditedSurvey(report: report, strict: false))]),
            comparison: nil)
        var sink = JSONBytes()
        AuditJSONRenderer(language: .zh).writeReportElement(report, ledger: judgement, to: &sink)
        let reportText = String(decoding: sink.bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).dropLast()
        let file = element + "[\n" + reportText + "\n],\n\"errors\": []\n}\n"
        let baseline = try BaselineAuditReader.read(json: Data(file.utf8), path: "old/audit.json")
        let commitments = try #require(baseline.centres.first?.commitments)
        #expect(Set(commitments.keys) == ["five.regulations", "admin.access-system"])
        #expect(commitments["five.regulations"]?.due.text == "2024-09-30")
        #expect(commitments["five.regulations"]?.owner == "友谊路社区居委会")
        let broken = file.replacingOccurrences(of: #""due": "2024-09-30""#, with: #""due": "next spring""#)
        #expect(throws: Diagnostics.self) { try BaselineAuditReader.read(json: Data(broken.utf8), path: "old/audit.json") }
    }

    @Test("every ledger label has its words in both languages")
    func labels() {
        for key in LedgerLabels.Key.allCases {
            for language in ReportLanguage.allCases {
                #expect(Words(language).has("ledger.label.\(key.rawValue)"), "\(language): \(key)")
            }
        }
    }
}
