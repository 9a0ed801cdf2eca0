import Foundation
import Testing
@testable import WuyouCore

/// An inspector's slips are caught and explained, never turned into rectification orders.
@Suite("Mistakes: typos and drafts")
struct MistakeTests {
    static func report(_ xml: String) throws -> SurveyReport {
        let loaded = try SurveyLoader.load(bytes: Array(xml.utf8), path: "m.xml")
        return Evaluator(checklist: Fixtures.checklist).evaluate(loaded.survey, document: loaded.document)
    }

    @Test("警物室 is a gap that says it may be 警务室, with a 'did you mean' warning on its line")
    func misspeltName() throws {
        let report = try Fixtures.report(SurveyBuilder().removingRoom("police").with {
            $0.rooms.append("<room area=\"20\">警物室</room>")
        })
        let police = try #require(report.finding("room.police"))
        #expect(police.status == .gap, "the status stays as the rules say")
        let typo = try #require(police.possibleTypos.first)
        #expect(typo.written == "警物室" && typo.meant == "police")
        let warning = try #require(report.warnings.first { $0.code == .roomUnknownName })
        #expect(warning.location.line == typo.place.line)
        #expect(warning.arguments["suggestion"] == .localized(try #require(Fixtures.checklist.room(code: "police")).label))
        #expect(report.possibleTypoGaps == 1)
    }

    @Test("a misspelt code (party-activty, ofice) points at the room it meant", arguments: [
        ("party-activty", "party-activity"), ("ofice", "office"), ("Polise", "police"), ("ＯＦＩＣＥ", "office"),
    ])
    func misspeltCode(_ written: String, _ meant: String) throws {
        let report = try Fixtures.report(SurveyBuilder().removingRoom(meant).with {
            $0.rooms.append("<room type=\"\(written)\" area=\"20\">某室</room>")
        })
        let finding = try #require(report.finding("room.\(meant)"))
        #expect(finding.status == .gap)
        #expect(finding.possibleTypos.map(\.written) == [written])
        #expect(report.warnings.contains { $0.code == .roomUnknownCode && $0.arguments["suggestion"] == .text(meant) })
    }

    @Test("names far from any room, or equally close to two, get no suggestion", arguments: ["调解室", "库房", "活动室"])
    func noSuggestion(_ name: String) throws {
        let report = try Fixtures.report(SurveyBuilder().with { $0.rooms.append("<room>\(name)</room>") })
        let warning = try #require(report.warnings.first { $0.code == .roomUnknownName })
        #expect(warning.arguments["suggestion"] == nil)
        #expect(report.possibleTypoGaps == 0)
    }

    @Test("a survey date that cannot be an inspection is a warning on the survey; the report still judges by it",
          arguments: [("2204-05-14", true), ("1024-05-14", true), ("2024-05-14", false), ("2027-12-31", false)])
    func implausibleDate(_ date: String, _ warned: Bool) throws {
        let report = try Fixtures.report(SurveyBuilder().with { $0.date = date })
        #expect(report.warnings.contains { $0.code == .surveyDateImplausible } == warned)
        #expect(report.survey.date.text == date)
    }

    @Test("wuyou init's template judges nothing and is a draft until its placeholders are replaced")
    func initTemplate() throws {
        let text = SurveyTemplate.text(checklist: Fixtures.checklist, community: "光化路社区", code: nil, date: "2024-06-01")
        let report = try Self.report(text)
        #expect(report.counts[.met] == 0 && report.counts[.gap] == 0 && report.counts[.partial] == 0)
        #expect(report.survey.isDraft)
        #expect(report.warnings.first?.code == .surveyDraft)
        #expect(Set(report.survey.placeholders.map(\.text)) == ["（检查人姓名）", "（街道办事处）"])
        #expect(report.survey.id == "光化路社区-2024-06-01")
        #expect(SurveyTemplate.surveyID(community: "友谊路社区", code: nil, date: "2024-06-01") != report.survey.id)
    }

    @Test("a placeholder left in makes an otherwise perfect survey a draft that does not pass")
    func placeholderMakesADraft() throws {
        let perfect = try Fixtures.report(SurveyBuilder())
        #expect(perfect.passes && !perfect.survey.isDraft)
        let draft = try Fixtures.report(SurveyBuilder().with {
            $0.community = #"<community name="测试社区" subdistrict="（街道办事处）" households="1500" central="true"/>"#
        })
        #expect(draft.survey.isDraft)
        #expect(!draft.passes && draft.fails(strict: false))
        #expect(draft.score == perfect.score, "the findings are the same; only the verdict waits")
        // Brackets inside a real name are not a placeholder.
        let real = try Fixtures.report(SurveyBuilder().with {
            $0.community = #"<community name="友谊路社区（东区）" subdistrict="赞阳办事处" households="1500" central="true"/>"#
        })
        #expect(!real.survey.isDraft && real.passes)
    }

    @Test("an audit lists drafts apart: not in the pass rate, not a sub-district row of their own")
    func draftsInAnAudit() throws {
        let finished = AuditedSurvey(report: try Fixtures.report(SurveyBuilder()), strict: false)
        var draft = AuditedSurvey(report: try Fixtures.report(SurveyBuilder().with {
            $0.community = #"<community name="乙社区" subdistrict="（街道办事处）" households="1500"/>"#
        }), strict: false)
        draft.id = "draft"
        let summary = AuditSummary(checklist: Fixtures.checklist, strict: false, outcomes: [.audited(finished), .audited(draft)])
        #expect(summary.surveys.count == 2)
        #expect(summary.drafts.map(\.id) == ["draft"])
        #expect(summary.passRate == 1)
        #expect(summary.subdistrictTotals.map(\.subdistrict) == ["赞阳办事处"])
        #expect(summary.totals.surveys == 1)
    }
}

@Suite("A modified checklist looks modified")
struct ModifiedChecklistTests {
    static func bundledText() throws -> String {
        try String(contentsOf: Fixtures.repository.appendingPathComponent("checklists/laohekou-2023.xml"), encoding: .utf8)
    }

    @Test("a copy with the bundled id but another threshold is marked, and lint warns about its title")
    func marked() throws {
        #expect(!Fixtures.checklist.modified)
        let copy = try Self.bundledText()
        #expect(!(try ChecklistReader.read(bytes: Array(copy.utf8), path: "copy.xml")).modified, "an identical copy is the standard")
        let changed = copy.replacingOccurrences(of: #"<param name="minimum" value="300"/>"#, with: #"<param name="minimum" value="400"/>"#)
        let checklist = try ChecklistReader.read(bytes: Array(changed.utf8), path: "city.xml")
        #expect(checklist.modified)
        #expect(checklist.shortHash != Fixtures.checklist.shortHash)
        let warnings = checklist.warnings.filter { $0.code == .checklistTitleNumber }
        #expect(warnings.count == 2, "the zh and the en title both say 300")
        #expect(warnings.allSatisfy { $0.severity == .warning && $0.arguments["requirement"] == "area.minimum" })
        #expect(Fixtures.checklist.warnings.isEmpty, "the bundled titles agree with their rules (2至3天, 2万元, 1万平方米)")
        // Another id is a city's own checklist, not a modified copy.
        let own = changed.replacingOccurrences(of: #"id="laohekou-2023""#, with: #"id="city-2024""#)
        #expect(!(try ChecklistReader.read(bytes: Array(own.utf8), path: "own.xml")).modified)
    }

    @Test("diff lists a changed parameter, an added and a removed requirement, a changed alias")
    func diff() throws {
        let changed = try Self.bundledText()
            .replacingOccurrences(of: #"<param name="minimum" value="300"/>"#, with: #"<param name="minimum" value="400"/>"#)
            .replacingOccurrences(of: #"id="admin.access-system""#, with: #"id="admin.access""#)
            .replacingOccurrences(of: "<alias>警务站</alias>", with: "")
        let checklist = try ChecklistReader.read(bytes: Array(changed.utf8), path: "city.xml")
        let diff = ChecklistDiff(from: Fixtures.checklist, to: checklist)
        let subjects = diff.changes.map(\.subject)
        #expect(subjects.contains(.requirement(id: "area.minimum", field: "rule")))
        #expect(subjects.contains(.requirementRemoved(id: "admin.access-system")))
        #expect(subjects.contains(.requirementAdded(id: "admin.access")))
        #expect(subjects.contains(.room(code: "police", field: "aliases")))
        #expect(diff.changes.count == 4, "\(diff.changes)")
        #expect(ChecklistDiff(from: Fixtures.checklist, to: Fixtures.checklist).isEmpty)
    }
}
