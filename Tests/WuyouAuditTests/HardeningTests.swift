import Foundation
import WuyouWords
import Testing
import WuyouAudit
import WuyouCore
import WuyouTestSupport
@testable import WuyouReports

/// What an attacker can put in a survey, checklist or baseline does not reach a terminal raw,
/// a public site quoted, or a spreadsheet as a formula.
@Suite("Hostile text is neutralised")
struct HardeningTests {
    typealias F = AuditFixtures
    let scratch = ScratchFolder("wuyou-hardening-tests")

    @Test("a room name cannot forge a line, move the cursor or reorder text in check's output")
    func terminalOutput() throws {
        let forged = "库房&#10;examples/x.xml: 达标，得分 100%&#13;\u{9B}31m\u{202E}evil\u{2066}"
        let xml = F.survey(id: "t").replacingOccurrences(of: "<room type=\"office\" area=\"30\">办公室</room>",
                                                         with: "<room area=\"30\">\(forged)</room>")
        let report = try HTMLFixtures.survey(xml: xml)
        for language in ReportLanguage.allCases {
            for colour in [false, true] {
                let output = TextReportRenderer(language: language, colour: colour).render(report)
                let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                #expect(lines.allSatisfy { $0.hasPrefix("inline.xml:") }, "\(output)")
                #expect(!output.contains("\r") && !output.contains("\u{9B}") && !output.contains("\u{202E}") && !output.contains("\u{2066}"))
                #expect(output.contains("\\u{202E}"), "the override is shown, not obeyed")
            }
        }
    }

    @Test("a --public site quotes nothing from a broken file")
    func publicErrors() async throws {
        let input = try scratch.folder()
        try F.write([
            "a.xml": F.survey(id: "a"),
            "cdata.xml": F.survey(id: "b", notes: "<![CDATA[王秘密的电话 13800000000"),
            "comment.xml": F.survey(id: "c", inspector: "<!-- 李秘密"),
            "value.xml": F.survey(id: "d").replacingOccurrences(of: #"premises="own""#, with: #"premises="赵秘密""#),
        ], in: input)
        let out = try scratch.folder().appendingPathComponent("site")
        let result = try await F.build([input], out: out, publicSite: true)
        #expect(result.summary.errors.count == 3)
        // Without --public an error quotes the value: the check below means something.
        let quoted = result.summary.errors.map { DiagnosticText(language: .zh).message(for: $0) }.joined()
        #expect(quoted.contains("赵秘密"))
        for (path, data) in try F.files(under: out) {
            let text = String(decoding: data, as: UTF8.self)
            for secret in ["王秘密", "13800000000", "李秘密", "赵秘密"] {
                #expect(!text.contains(secret), "\(path) quotes \(secret)")
            }
        }
        let index = try F.text(out.appendingPathComponent("index.html"))
        #expect(index.contains("公开版不引用原文"))
    }

    @Test("a DOCTYPE in a checklist is called a checklist's")
    func checklistDoctype() throws {
        let error = try #require(throws: Diagnostics.self) {
            try ChecklistReader.read(bytes: Array("<?xml version=\"1.0\"?>\n<!DOCTYPE c [<!ENTITY e \"x\">]>\n<c/>".utf8), path: "city.xml")
        }
        let message = DiagnosticText(language: .en).line(for: try #require(error.items.first))
        #expect(message == "city.xml:2:1: a DOCTYPE is not allowed: a checklist must not declare a DTD or entities")
        #expect(DiagnosticText(language: .zh).message(for: try #require(error.items.first)).contains("检查清单"))
    }

    @Test("a requirement id that would run as a formula is refused by the checklist schema; CSV headers are guarded too")
    func formulaIDs() throws {
        let original = try String(contentsOf: HTMLFixtures.root.appendingPathComponent("checklists/laohekou-2023.xml"), encoding: .utf8)
        let hostile = original.replacingOccurrences(of: #"id="room.police""#, with: #"id="=1+1""#)
        let error = try #require(throws: Diagnostics.self) { try ChecklistReader.read(bytes: Array(hostile.utf8), path: "c.xml") }
        #expect(error.items.first?.code == .checklistSchema)

        var checklist = HTMLFixtures.checklist
        checklist.requirements[0] = checklist.requirements[0].with(id: "=HYPERLINK(\"http://x\")")
        let report = try HTMLFixtures.example("youyilu")
        let summary = AuditSummary(checklist: checklist, strict: false, outcomes: [.audited(AuditedSurvey(report: report, strict: false))])
        let header = try #require(AuditCSVRenderer().render(summary).split(separator: "\r\n").first)
        #expect(header.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "\(header)")
    }
}
