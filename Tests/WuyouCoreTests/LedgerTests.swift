import Foundation
import Testing
@testable import WuyouCore
import WuyouLedger
import WuyouDecimal

/// The bundled checklist and the 友谊路 example (police room gap, five.regulations partial,
/// admin.access-system gap; code 420682001003, id zanyang-youyilu-2024-05, 2024-05-14).
enum LedgerFixtures {
    static let checklist: Checklist = {
        do { return try ChecklistReader.load(idOrPath: "laohekou-2023") } catch { fatalError("\(error)") }
    }()

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func youyilu(date: String? = nil) throws -> SurveyReport {
        var text = try String(contentsOf: root.appendingPathComponent("examples/youyilu.xml"), encoding: .utf8)
        if let date { text = text.replacingOccurrences(of: #"date="2024-05-14""#, with: #"date="\#(date)""#) }
        let loaded = try SurveyLoader.load(bytes: Array(text.utf8), path: "examples/youyilu.xml")
        return Evaluator(checklist: checklist).evaluate(loaded.survey, document: loaded.document)
    }

    /// A ledger document holding `entries` (XML elements), its root on line 2.
    static func xml(_ entries: [String], checklist: String? = nil) -> String {
        let attribute = checklist.map { #" checklist="\#($0)""# } ?? ""
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ledger xmlns=\"urn:wuyou:ledger:1\"\(attribute)>\n"
            + entries.map { "  " + $0 + "\n" }.joined() + "</ledger>\n"
    }

    static func ledger(_ entries: [String], checklist: String? = nil, path: String = "ledger.xml") throws(Diagnostics) -> Ledger {
        let file = try LedgerReader.read(bytes: Array(xml(entries, checklist: checklist).utf8), path: path)
        return try LedgerAssembly.ledger([file], checklist: self.checklist)
    }

    static func waiver(
        _ requirement: String = "room.police", community: String? = "420682001003", survey: String? = nil,
        approved: String = "2024-03-01", expires: String? = "2026-12-31", reason: String = "警务室与辖区派出所合署"
    ) -> String {
        var attributes = ""
        if let community { attributes += #" community="\#(community)""# }
        if let survey { attributes += #" survey="\#(survey)""# }
        if let expires { attributes += #" expires="\#(expires)""# }
        return #"<waiver requirement="\#(requirement)"\#(attributes) approved-by="老河口市公安局" approved="\#(approved)">\#(reason)</waiver>"#
    }

    static func commitment(
        _ requirement: String = "five.regulations", community: String? = nil, survey: String? = "zanyang-youyilu-2024-05",
        due: String = "2024-09-30", measure: String = "补充制定财务管理制度并上墙", owner: String = "友谊路社区居委会"
    ) -> String {
        var attributes = ""
        if let community { attributes += #" community="\#(community)""# }
        if let survey { attributes += #" survey="\#(survey)""# }
        return #"<commitment requirement="\#(requirement)"\#(attributes) owner="\#(owner)" due="\#(due)">\#(measure)</commitment>"#
    }
}

@Suite("Reading a ledger")
struct LedgerReadingTests {
    @Test("entries keep their target, requirement, text, dates and line")
    func reads() throws {
        let ledger = try LedgerFixtures.ledger([
            LedgerFixtures.waiver(),
            #"<commitment survey=" zanyang-youyilu-2024-05 " requirement="five.regulations" owner="友谊路社区  居委会" due="2024-09-30">"#
                + "\n      补充制定财务管理制度\n\n      并上墙\n  </commitment>",
        ], checklist: "laohekou-2023")
        #expect(ledger.entries.count == 2)
        let waiver = try #require(ledger.entries.first?.waiver)
        #expect(ledger.entries[0].target == .community("420682001003"))
        #expect(waiver.approvedBy == "老河口市公安局")
        #expect(waiver.approved.text == "2024-03-01")
        #expect(waiver.expires?.text == "2026-12-31")
        #expect(ledger.entries[0].location == .init(file: "ledger.xml", line: 3, column: 3))
        let second = ledger.entries[1]
        #expect(second.target == .survey("zanyang-youyilu-2024-05"))
        #expect(second.text == "补充制定财务管理制度\n并上墙")
        #expect(second.commitment?.owner == "友谊路社区 居委会")
        #expect(second.commitment?.due.text == "2024-09-30")
    }

    @Test("a waiver without expires has none; foreign elements and attributes are skipped")
    func optional() throws {
        let ledger = try LedgerFixtures.ledger([
            LedgerFixtures.waiver(expires: nil).replacingOccurrences(of: "<waiver ", with: #"<waiver xmlns:x="urn:x" x:note="1" "#),
            #"<x:note xmlns:x="urn:x">ignored</x:note>"#,
        ])
        #expect(ledger.entries.count == 1)
        #expect(ledger.entries[0].waiver?.expires == nil)
    }

    struct BadLedger: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let code: DiagnosticCode
        let line: Int
        var testDescription: String { name }
    }

    static let bad: [BadLedger] = [
        BadLedger(name: "not well-formed", text: "<ledger xmlns=\"urn:wuyou:ledger:1\">\n<waiver>\n</ledger>\n", code: .xmlTagMismatch, line: 3),
        BadLedger(
            name: "a DOCTYPE", text: "<?xml version=\"1.0\"?>\n<!DOCTYPE ledger [<!ENTITY x \"y\">]>\n<ledger xmlns=\"urn:wuyou:ledger:1\"/>\n",
            code: .xmlDoctype, line: 2),
        BadLedger(name: "a survey given as a ledger", text: "<survey xmlns=\"urn:wuyou:survey:1\" id=\"a\" date=\"2024-01-01\"/>\n",
                  code: .ledgerRootWrong, line: 1),
        BadLedger(name: "no namespace", text: "<ledger>\n</ledger>\n", code: .ledgerRootWrong, line: 1),
        BadLedger(
            name: "a commitment without due", text: LedgerFixtures.xml([#"<commitment survey="s" requirement="room.police" owner="x">m</commitment>"#]),
            code: .ledgerSchema, line: 3),
        BadLedger(name: "a date with a zone", text: LedgerFixtures.xml([LedgerFixtures.waiver(approved: "2024-03-01Z")]),
                  code: .ledgerSchema, line: 3),
        BadLedger(name: "no such day", text: LedgerFixtures.xml([LedgerFixtures.waiver(expires: "2025-02-30")]), code: .ledgerSchema, line: 3),
        BadLedger(name: "an empty reason", text: LedgerFixtures.xml([LedgerFixtures.waiver(reason: "  ")]), code: .ledgerSchema, line: 3),
        BadLedger(name: "an unknown element", text: LedgerFixtures.xml(["<exception/>"]), code: .ledgerSchema, line: 3),
        BadLedger(name: "both targets", text: LedgerFixtures.xml([LedgerFixtures.waiver(survey: "s")]), code: .ledgerTargetBoth, line: 3),
        BadLedger(name: "no target", text: LedgerFixtures.xml(["", LedgerFixtures.waiver(community: nil)]), code: .ledgerTargetNone, line: 4),
        BadLedger(
            name: "expires before approved",
            text: LedgerFixtures.xml([LedgerFixtures.waiver(approved: "2024-03-01", expires: "2024-02-28")]),
            code: .ledgerExpiresBeforeApproved, line: 3),
        BadLedger(
            name: "a reason too long", text: LedgerFixtures.xml([LedgerFixtures.waiver(reason: String(repeating: "长", count: 2001))]),
            code: .ledgerTextTooLong, line: 3),
        BadLedger(name: "an unknown requirement", text: LedgerFixtures.xml([LedgerFixtures.waiver("room.polise")]),
                  code: .ledgerRequirementUnknown, line: 3),
        BadLedger(name: "another checklist", text: LedgerFixtures.xml([LedgerFixtures.waiver()], checklist: "wuhan-2025"),
                  code: .ledgerChecklistMismatch, line: 2),
        BadLedger(
            name: "overlapping waivers",
            text: LedgerFixtures.xml([LedgerFixtures.waiver(expires: "2025-12-31"), LedgerFixtures.waiver(approved: "2025-12-31", expires: nil)]),
            code: .ledgerOverlap, line: 4),
        BadLedger(
            name: "two commitments for one gap",
            text: LedgerFixtures.xml([LedgerFixtures.commitment(), LedgerFixtures.commitment(due: "2025-06-30")]),
            code: .ledgerOverlap, line: 4),
    ]

    @Test("bad ledgers are refused at their line", arguments: bad)
    func refused(_ bad: BadLedger) throws {
        do {
            let file = try LedgerReader.read(bytes: Array(bad.text.utf8), path: "bad.xml")
            _ = try LedgerAssembly.ledger([file], checklist: LedgerFixtures.checklist)
            Issue.record("accepted")
        } catch {
            let first = try #require(error.items.first)
            #expect(first.code == bad.code, "\(error.items)")
            #expect(first.location.file == "bad.xml")
            #expect(first.location.line == bad.line, "\(error.items)")
            #expect(first.isError)
        }
    }

    @Test("an unknown requirement suggests the nearest id; an overlap names the first entry")
    func arguments() throws {
        let unknown = try #require(refusal { _ = try LedgerFixtures.ledger([LedgerFixtures.waiver("room.polise")]) })
        #expect(unknown.items.first?.arguments["suggestion"] == .text("room.police"))
        let overlap = try #require(refusal {
            _ = try LedgerFixtures.ledger([LedgerFixtures.commitment(), LedgerFixtures.commitment(due: "2025-06-30")])
        })
        #expect(overlap.items.first?.arguments["first"] == .text("ledger.xml:3"))
        #expect(overlap.items.first?.arguments["kind"] == .text("commitment"))
    }

    @Test("waivers whose periods do not overlap, and the same requirement for two targets, are accepted")
    func notOverlapping() throws {
        let ledger = try LedgerFixtures.ledger([
            LedgerFixtures.waiver(approved: "2022-01-01", expires: "2023-12-31"),
            LedgerFixtures.waiver(approved: "2024-01-01", expires: nil),
            LedgerFixtures.waiver(community: nil, survey: "zanyang-youyilu-2024-05"),
            LedgerFixtures.commitment(),
            LedgerFixtures.commitment(community: "420682001003", survey: nil),
        ])
        #expect(ledger.entries.count == 5)
    }

    @Test("overlaps across files are found, naming the first file")
    func acrossFiles() throws {
        let first = try LedgerReader.read(bytes: Array(LedgerFixtures.xml([LedgerFixtures.commitment()]).utf8), path: "a.xml")
        let second = try LedgerReader.read(bytes: Array(LedgerFixtures.xml([LedgerFixtures.commitment(due: "2030-01-01")]).utf8), path: "b.xml")
        let error = try #require(refusal { _ = try LedgerAssembly.ledger([first, second], checklist: LedgerFixtures.checklist) })
        #expect(error.items.map(\.location.file) == ["b.xml"])
        #expect(error.items.first?.arguments["first"] == .text("a.xml:3"))
    }

    @Test("a ledger file that is too large is refused unread")
    func tooLarge() {
        let bytes = [UInt8](repeating: 0x20, count: LedgerLimits.bytes + 1)
        #expect(throws: Diagnostics.self) { try LedgerReader.read(bytes: bytes, path: "big.xml") }
    }

    @Test("the owners are withheld for a public site")
    func redaction() throws {
        let ledger = try LedgerFixtures.ledger([LedgerFixtures.commitment(owner: "张三")]).redactedForPublication()
        #expect(ledger.ownersWithheld)
        #expect(ledger.entries[0].commitment?.owner == "")
    }

    /// The diagnostics `body` throws; nil when it throws none.
    private func refusal(_ body: () throws -> Void) -> Diagnostics? {
        do {
            try body()
            return nil
        } catch {
            return error as? Diagnostics
        }
    }
}

@Suite("Judging a ledger on the survey's date")
struct LedgerJudgementTests {
    struct WaiverCase: CustomTestStringConvertible, Sendable {
        let name: String
        let requirement: String
        let approved: String
        let expires: String?
        let state: LedgerJudgement.WaiverState
        var testDescription: String { name }
    }

    static let waiverCases: [WaiverCase] = [
        WaiverCase(name: "applied", requirement: "room.police", approved: "2024-03-01", expires: "2026-12-31", state: .applied),
        WaiverCase(name: "applied on its approval day", requirement: "room.police", approved: "2024-05-14", expires: nil, state: .applied),
        WaiverCase(name: "applied on its expiry day", requirement: "room.police", approved: "2020-01-01", expires: "2024-05-14", state: .applied),
        WaiverCase(name: "expired", requirement: "room.police", approved: "2020-01-01", expires: "2024-05-13", state: .expired),
        WaiverCase(name: "not yet in force", requirement: "room.police", approved: "2024-05-15", expires: nil, state: .notYetInForce),
        WaiverCase(name: "unused on a met finding", requirement: "room.office", approved: "2024-01-01", expires: nil, state: .unused),
        WaiverCase(name: "unused on a not-applicable finding", requirement: "development.service-space", approved: "2024-01-01",
                   expires: nil, state: .unused),
        WaiverCase(name: "unused on a met finding even when expired", requirement: "room.office", approved: "2020-01-01",
                   expires: "2021-01-01", state: .unused),
    ]

    @Test("each waiver is judged on the survey's date", arguments: waiverCases)
    func waiver(_ item: WaiverCase) throws {
        let report = try LedgerFixtures.youyilu()
        let ledger = try LedgerFixtures.ledger([LedgerFixtures.waiver(item.requirement, approved: item.approved, expires: item.expires)])
        let judgement = LedgerJudgement(report: report, ledger: ledger)
        #expect(judgement.waivers.map(\.state) == [item.state])
        let finding = try #require(report.findings.firstIndex { $0.requirement.id == item.requirement })
        #expect(judgement.waivers.first?.finding == finding)
        #expect((judgement.appliedWaiver(forFinding: finding) != nil) == (item.state == .applied))
        #expect(judgement.applied == (item.state == .applied ? 1 : 0))
        // A waiver never changes a status.
        #expect(report.findings.map(\.status) == (try LedgerFixtures.youyilu()).findings.map(\.status))
    }

    struct CommitmentCase: CustomTestStringConvertible, Sendable {
        let name: String
        let requirement: String
        let due: String
        let state: LedgerJudgement.CommitmentState
        var testDescription: String { name }
    }

    static let commitmentCases: [CommitmentCase] = [
        CommitmentCase(name: "on time", requirement: "five.regulations", due: "2024-09-30", state: .open),
        CommitmentCase(name: "due on the survey's day", requirement: "five.regulations", due: "2024-05-14", state: .open),
        CommitmentCase(name: "overdue", requirement: "five.regulations", due: "2024-05-13", state: .overdue),
        CommitmentCase(name: "fulfilled", requirement: "room.office", due: "2024-01-31", state: .fulfilled),
        CommitmentCase(name: "not applicable", requirement: "development.service-space", due: "2024-01-31", state: .notApplicable),
    ]

    @Test("each commitment is judged on the survey's date and never changes the verdict", arguments: commitmentCases)
    func commitment(_ item: CommitmentCase) throws {
        let report = try LedgerFixtures.youyilu()
        let ledger = try LedgerFixtures.ledger([LedgerFixtures.commitment(item.requirement, due: item.due)])
        let judgement = LedgerJudgement(report: report, ledger: ledger)
        #expect(judgement.commitments.map(\.state) == [item.state])
        #expect(judgement.passes == report.passes)
        #expect(judgement.scoreWithWaivers == report.score)
        #expect(judgement.openCommitments == (item.state == .open || item.state == .overdue ? 1 : 0))
        #expect(judgement.overdue == (item.state == .overdue ? 1 : 0))
        #expect(judgement.fulfilled == (item.state == .fulfilled ? 1 : 0))
    }

    @Test("applied waivers on every mandatory gap make it pass; the report keeps both verdicts and both scores")
    func verdict() throws {
        let report = try LedgerFixtures.youyilu()
        #expect(!report.passes)
        let one = LedgerJudgement(report: report, ledger: try LedgerFixtures.ledger([LedgerFixtures.waiver()]))
        #expect(!one.passes)
        #expect(one.scoreWithWaivers == ExactDecimal("0.9444"))
        #expect(one.fails(strict: false))
        let both = LedgerJudgement(report: report, ledger: try LedgerFixtures.ledger([
            LedgerFixtures.waiver(), LedgerFixtures.waiver("five.regulations", community: nil, survey: "zanyang-youyilu-2024-05"),
        ]))
        #expect(both.passes)
        #expect(!both.passesWithoutWaivers)
        #expect(both.passesThanksToWaivers)
        #expect(both.appliedMandatory == 2)
        #expect(both.scoreWithWaivers == 1)
        #expect(report.score == ExactDecimal("0.8889"))
        #expect(!both.fails(strict: true))
    }

    @Test("a waiver on an unknown mandatory finding counts it as met, also under --strict")
    func unknownWaived() throws {
        var builder = SurveyBuilderForLedger()
        builder.staff = nil
        let report = try builder.report()
        #expect(report.passes)
        #expect(report.fails(strict: true))
        let waived = LedgerJudgement(report: report, ledger: try LedgerFixtures.ledger([
            LedgerFixtures.waiver("five.staff", community: nil, survey: "test-survey", approved: "2024-01-01"),
        ]))
        #expect(waived.passes)
        #expect(!waived.fails(strict: true))
        #expect(waived.unknownMandatoryOpen == 0)
    }

    @Test("a draft never passes, waivers or not")
    func draft() throws {
        var builder = SurveyBuilderForLedger()
        builder.inspector = "（检查人姓名）"
        let report = try builder.report()
        #expect(report.survey.isDraft)
        let judgement = LedgerJudgement(report: report, ledger: try LedgerFixtures.ledger([]))
        #expect(!judgement.passes)
    }

    @Test("the survey's own entry wins over its community's; an entry for another survey does nothing")
    func precedence() throws {
        let report = try LedgerFixtures.youyilu()
        let ledger = try LedgerFixtures.ledger([
            LedgerFixtures.commitment(community: "420682001003", survey: nil, due: "2024-01-01", owner: "社区"),
            LedgerFixtures.commitment(due: "2024-12-31", owner: "本次"),
            LedgerFixtures.commitment("room.police", survey: "another-survey"),
        ])
        let judgement = LedgerJudgement(report: report, ledger: ledger)
        #expect(judgement.commitments.map(\.commitment.owner) == ["本次"])
        #expect(judgement.commitments.map(\.state) == [.open])
        #expect(Set(judgement.matchedEntries) == [0, 1])
    }

    @Test("a waiver in force supersedes the others of its finding; out of force, each is listed")
    func severalWaivers() throws {
        let report = try LedgerFixtures.youyilu()
        let inForce = LedgerJudgement(report: report, ledger: try LedgerFixtures.ledger([
            LedgerFixtures.waiver(approved: "2020-01-01", expires: "2021-01-01"),
            LedgerFixtures.waiver(approved: "2024-01-01", expires: nil),
        ]))
        #expect(inForce.waivers.map(\.state) == [.applied])
        let outOfForce = LedgerJudgement(report: report, ledger: try LedgerFixtures.ledger([
            LedgerFixtures.waiver(approved: "2025-01-01", expires: nil),
            LedgerFixtures.waiver(approved: "2020-01-01", expires: "2021-01-01"),
        ]))
        #expect(outOfForce.waivers.map(\.state) == [.expired, .notYetInForce])
    }

    @Test("the judgement does not depend on the order of the entries")
    func order() throws {
        let report = try LedgerFixtures.youyilu()
        let entries = [
            LedgerFixtures.waiver(approved: "2025-01-01", expires: nil),
            LedgerFixtures.waiver(approved: "2020-01-01", expires: "2021-01-01"),
            LedgerFixtures.commitment(),
            LedgerFixtures.waiver("room.office"),
        ]
        let forward = LedgerJudgement(report: report, ledger: try LedgerFixtures.ledger(entries))
        let backward = LedgerJudgement(report: report, ledger: try LedgerFixtures.ledger(entries.reversed()))
        #expect(forward.waivers.map(\.entry.contents) == backward.waivers.map(\.entry.contents))
        #expect(forward.commitments.map(\.entry.contents) == backward.commitments.map(\.entry.contents))
    }

    @Test("the audit's tally and verdict follow the judgement")
    func tally() throws {
        let report = try LedgerFixtures.youyilu()
        let judgement = LedgerJudgement(report: report, ledger: try LedgerFixtures.ledger([
            LedgerFixtures.waiver(), LedgerFixtures.waiver("five.regulations", community: nil, survey: "zanyang-youyilu-2024-05"),
            LedgerFixtures.commitment("admin.access-system", due: "2024-01-01"),
        ]))
        let audited = AuditedSurvey(report: report, strict: false).applying(judgement, strict: false)
        #expect(audited.passes)
        #expect(!audited.fails)
        #expect(audited.score == report.score)
        let tally = try #require(audited.ledger)
        #expect(tally.waived == 2)
        #expect(tally.commitments == 1)
        #expect(tally.overdue == 1)
        #expect(!tally.passesWithoutWaivers)
    }
}

@Suite("Following up an earlier audit's commitments")
struct CommitmentFollowUpTests {
    @Test("closed on time, closed late, still open and overdue", arguments: [
        ("2024-09-30", "room.office", CommitmentFollowUp.Outcome.closedOnTime, false),
        ("2024-05-01", "room.office", .closedLate, false),
        ("2024-05-01", "development.service-space", .closedLate, false),
        ("2024-09-30", "room.police", .stillOpen, false),
        ("2024-05-01", "room.police", .stillOpen, true),
    ])
    func followUp(due: String, requirement: String, outcome: CommitmentFollowUp.Outcome, overdue: Bool) throws {
        let report = try LedgerFixtures.youyilu()
        var before = BaselineAudit.Centre(
            path: "old.xml", id: "old", community: "友谊路社区", subdistrict: "赞阳办事处", date: "2023-05-01", passes: false,
            score: ExactDecimal("0.5")!, statuses: [:])
        before.commitments = [requirement: BaselineAudit.Commitment(measure: "m", owner: "o", due: try #require(SurveyDate(due)))]
        let followUps = CommitmentFollowUp.followUps(of: before, by: report)
        #expect(followUps.map(\.outcome) == [outcome])
        #expect(followUps.map(\.overdue) == [overdue])
    }
}

/// The core tests' survey builder, for cases the example cannot show (an unknown, a draft).
struct SurveyBuilderForLedger {
    var staff: String? = #"<staff full-time="1" part-time="0"/>"#
    var inspector = "检查员"

    func report() throws -> SurveyReport {
        var builder = SurveyBuilder()
        builder.staff = staff
        builder.extra = ""
        let xml = builder.xml.replacingOccurrences(of: "<community ", with: "<inspector>\(inspector)</inspector><community ")
        let loaded = try SurveyLoader.load(bytes: Array(xml.utf8), path: "test.xml")
        return Evaluator(checklist: LedgerFixtures.checklist).evaluate(loaded.survey, document: loaded.document)
    }
}
