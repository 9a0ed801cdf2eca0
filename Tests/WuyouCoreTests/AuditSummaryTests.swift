import Foundation
import Testing
import WuyouXML
@testable import WuyouCore
import WuyouDecimal

@Suite("Audit core: file names, summary")
struct AuditSummaryTests {
    /// Removed with the suite instance (one per test).
    final class Scratch: Sendable {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wuyou-audit-core-\(UUID().uuidString)")
        deinit { try? FileManager.default.removeItem(at: root) }
    }

    let scratch = Scratch()

    func folder(_ files: [String: String]) throws -> URL {
        let url = scratch.root
        for (path, text) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        return url
    }

    static func audited(_ builder: SurveyBuilder, path: String = "s.xml", id: String = "test-survey", strict: Bool = false) throws -> AuditedSurvey {
        let xml = builder.xml.replacingOccurrences(of: #"id="test-survey""#, with: #"id="\#(id)""#)
        let loaded = try SurveyLoader.load(bytes: Array(xml.utf8), path: path)
        return AuditedSurvey(report: Evaluator(checklist: Fixtures.checklist).evaluate(loaded.survey, document: loaded.document), strict: strict)
    }

    struct NameCase: CustomTestStringConvertible, Sendable {
        var id: String
        var stem: String
        var testDescription: String { id }
    }

    @Test(arguments: [
        NameCase(id: "zanyang-youyilu-2024-05", stem: "zanyang-youyilu-2024-05"),
        NameCase(id: "a", stem: "a"),
        NameCase(id: "v1.2_x", stem: "v1.2_x"),
        NameCase(id: "A", stem: "a-559aead0"),
        NameCase(id: "../../x", stem: "_._.._x-9cdf6a50"),
        NameCase(id: "/etc/x", stem: "_etc_x-4074fa01"),
        NameCase(id: "友谊路社区-2024-05", stem: "友谊路社区-2024-05"),
        NameCase(id: "友谊路 社区", stem: "友谊路_社区-\(SHA256.hexDigest(of: Array("友谊路 社区".utf8)).prefix(8))"),
        NameCase(id: "e\u{301}", stem: "é-\(SHA256.hexDigest(of: Array("e\u{301}".utf8)).prefix(8))"),
        NameCase(id: "evil\u{202E}lmth.exe", stem: "evil_lmth.exe-\(SHA256.hexDigest(of: Array("evil\u{202E}lmth.exe".utf8)).prefix(8))"),
    ])
    func pageNames(_ example: NameCase) {
        let stem = SurveyFileName.stem(forSurveyID: example.id)
        #expect(stem == example.stem)
        #expect(!stem.contains("/") && !stem.contains("\\") && !stem.contains(" ") && !stem.hasPrefix("."))
        #expect(stem.unicodeScalars.allSatisfy { !$0.properties.generalCategory.isControlOrFormat })
        #expect(stem.utf8.count <= 160)
        #expect((stem == example.id) == (example.stem == example.id))
        // A link to it is plain ASCII that a browser decodes back to the name.
        let link = SurveyFileName.linkPath(stem)
        #expect(link.unicodeScalars.allSatisfy { $0.isASCII && $0 != "/" && $0 != " " })
        #expect(link.removingPercentEncoding == stem)
    }

    @Test("ids differing only in case, or spelling an escape, get different names")
    func pageNamesNeverCollide() {
        let ids = ["a", "A", "ab", "aB", "Ab", "AB", "a/b", "a_b", "友谊路", "友谊路 ", "友谊路_", "é", "e\u{301}",
                   String(repeating: "长", count: 200), String(repeating: "长", count: 201)]
        let stems = ids.map { SurveyFileName.stem(forSurveyID: $0).lowercased() }
        #expect(Set(stems).count == ids.count)
        // Far below the 255 bytes a file name may have, with ".html" after it.
        #expect(stems.allSatisfy { $0.utf8.count <= 160 })
    }

    @Test("the area shortfall is the larger of the two area gaps, not their sum")
    func areaShortfall() throws {
        // 2000 households need 400 m²; 280 m² is 20 short of 300 and 120 short of 400.
        let survey = try Self.audited(SurveyBuilder().with {
            $0.community = #"<community name="测试社区" subdistrict="赞阳办事处" households="2000"/>"#
            $0.centreAttributes = #"area="280" premises="own""#
        })
        #expect(survey.areaShortfall == 120)
        #expect(try Self.audited(SurveyBuilder()).areaShortfall == 0)
    }

    @Test("a later file repeating an id is an error naming the id and the first file")
    func duplicates() throws {
        let first = try Self.audited(SurveyBuilder(), path: "a.xml", id: "same")
        let second = try Self.audited(SurveyBuilder(), path: "b.xml", id: "same")
        let other = try Self.audited(SurveyBuilder(), path: "c.xml", id: "other")
        let bad = Diagnostic(.xmlMalformed, at: .init(file: "d.xml", line: 3, column: 7), ["message": "broken"])
        let summary = AuditSummary(checklist: Fixtures.checklist, strict: false, outcomes: [
            .audited(first), .audited(second), .audited(other),
            .failed(UnusedSurvey(path: "d.xml", identity: SurveyIdentity(id: "d", community: nil), diagnostics: [bad])),
        ])
        #expect(summary.surveys.map(\.path) == ["a.xml", "c.xml"])
        // Both surveys left out are named: the duplicate by its id and community, the broken file by what could be read.
        #expect(summary.unused.map(\.path) == ["b.xml", "d.xml"])
        #expect(summary.unused.map(\.identity) == [SurveyIdentity(id: "same", community: first.community), SurveyIdentity(id: "d", community: nil)])
        #expect(summary.countedSurveys == 2)
        #expect(summary.errors == [
            Diagnostic(.auditDuplicateID, at: .init(file: "b.xml", line: 2, column: 1), ["id": "same", "first": "a.xml"]),
            bad,
        ])
        #expect(summary.filesWithErrors == 2)
    }

    @Test("pass rate, compliance, score bands and totals per sub-district")
    func figures() throws {
        let passing = try Self.audited(SurveyBuilder(), path: "a.xml", id: "a")
        let noPolice = try Self.audited(SurveyBuilder().removingRoom("police").with {
            $0.community = #"<community name="乙" subdistrict="乙办事处" households="1500"/>"#
            $0.centreAttributes = #"area="290" premises="renovated""#
        }, path: "b.xml", id: "b")
        let nothingJudged = try Self.audited(SurveyBuilder().with {
            $0.community = #"<community name="丙" households="1500" central="false"/>"#
            $0.hasCentre = false
            $0.hasServiceStation = false
            $0.developments = nil
        }, path: "c.xml", id: "c")
        let summary = AuditSummary(checklist: Fixtures.checklist, strict: false,
                                   outcomes: [.audited(passing), .audited(noPolice), .audited(nothingJudged)])
        #expect(summary.passing == 1)
        #expect(summary.passRate == ExactDecimal("0.3333"))
        let police = try #require(summary.compliance.first { $0.requirement.id == "room.police" })
        #expect(police.met == 1 && police.judged == 2 && police.rate == ExactDecimal("0.5"))
        let bands = Dictionary(uniqueKeysWithValues: summary.scoreDistribution.map { ($0.band, $0.count) })
        #expect(bands[.full] == 1 && bands[.from80] == 1 && bands[.unscored] == 1)
        #expect(summary.totals.areaShortfall == 10)
        #expect(summary.totals.award == 20000 && summary.totals.awarded == 1)
        #expect(summary.subdistrictTotals.map(\.subdistrict) == ["乙办事处", "赞阳办事处", nil])
        #expect(summary.subdistrictTotals.map(\.surveys) == [1, 1, 1])
    }

    @Test(arguments: [
        (10000, ScoreBand.full), (9500, .from90), (9000, .from90), (8999, .from80),
        (6000, .from60), (5999, .below60), (0, .below60),
    ])
    func scoreBands(_ tenThousandths: Int, _ band: ScoreBand) {
        #expect(ScoreBand(score: ExactDecimal(tenThousandths) / 10000) == band)
        #expect(ScoreBand(score: nil) == .unscored)
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isControlOrFormat: Bool { self == .control || self == .format }
}
