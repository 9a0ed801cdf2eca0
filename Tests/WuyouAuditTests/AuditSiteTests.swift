import Foundation
import Testing
import WuyouAudit
import WuyouCore
import WuyouTestSupport
@testable import WuyouReports

@Suite("wuyou audit: the published site")
struct AuditSiteTests {
    typealias F = AuditFixtures
    let scratch = ScratchFolder()

    /// A folder with two good surveys (one failing), an invalid one, a duplicate id, a
    /// non-survey file and a hidden folder.
    func mixedFolder() throws -> URL {
        let folder = try scratch.folder()
        try F.write([
            "a-good.xml": F.survey(id: "s1", community: "甲社区"),
            "b-invalid.xml": F.survey(id: "s3").replacingOccurrences(of: #"area="300""#, with: #"area="约40""#),
            "c-duplicate.xml": F.survey(id: "s1", community: "乙社区"),
            "sub/d-failing.xml": F.survey(id: "s2", community: "丙社区", police: false),
            "readme.txt": "not a survey",
            ".hidden/e.xml": "<not even xml",
        ], in: folder)
        return folder
    }

    @Test("invalid and duplicate-id files are errors with line and column; the others are published; exit 2")
    func mixedFolderPublishesTheRest() async throws {
        let input = try mixedFolder()
        let out = try scratch.folder().appendingPathComponent("site")
        let result = try await F.build([input], out: out)

        #expect(result.exitStatus == 2)
        #expect(result.summary.surveys.map(\.id) == ["s1", "s2"])
        let errors = result.summary.errors
        try #require(errors.count == 2)
        #expect(errors[0].location.file == input.path + "/b-invalid.xml")
        #expect(errors[0].location.line == 5)
        #expect(try #require(errors[0].location.column) > 1)
        #expect(errors[0].code == .surveyValueNotNumber)
        #expect(DiagnosticText(language: .zh).message(for: errors[0]).contains("约40"))
        #expect(errors[1].location == .init(file: input.path + "/c-duplicate.xml", line: 2, column: 1))
        #expect(errors[1].code == .auditDuplicateID)
        #expect(errors[1].arguments == ["id": "s1", "first": .text(input.path + "/a-good.xml")])

        let files = try F.files(under: out)
        let expected = F.sitePages().union(["audit.json", "audit.csv", "surveys/s1.html", "surveys/s2.html"])
        #expect(Set(files.keys) == expected.union([".wuyou-manifest"]))
        #expect(try F.text(out.appendingPathComponent(".wuyou-manifest"))
            == "wuyou-site/1\n" + expected.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined(separator: "\n") + "\n")
        let json = try F.json(out.appendingPathComponent("audit.json"))
        #expect(json["format"] as? String == "wuyou-audit/1")
        let reports = try #require(json["reports"] as? [[String: Any]])
        #expect(reports.compactMap { ($0["survey"] as? [String: Any])?["id"] as? String } == ["s1", "s2"])
        let jsonErrors = try #require(json["errors"] as? [[String: Any]])
        #expect(jsonErrors.map { $0["line"] as? Int } == [5, 2])
        #expect((jsonErrors[1]["message"] as? String)?.contains(input.path + "/a-good.xml") == true)

        let unusable = try #require(json["unusable"] as? [[String: Any]])
        #expect(unusable.compactMap { $0["path"] as? String }.map { URL(fileURLWithPath: $0).lastPathComponent } == ["b-invalid.xml", "c-duplicate.xml"])
        #expect(unusable.last?["id"] as? String == "s1", "the duplicate is named by its id")

        let index = try F.text(out.appendingPathComponent("index.html"))
        #expect(index.contains("未能使用的调查表"))
        #expect(index.contains("共检查 2 个社区，2 份调查表未能使用"))
        #expect(index.contains("b-invalid.xml"))
        #expect(index.contains("重复的调查编号 s1"))
        #expect(index.contains(#"href="surveys/s2.html""#))
    }

    @Test("exit status 1 when a survey fails and every file is usable, 0 when all pass")
    func exitStatusWithoutErrors() async throws {
        let input = try scratch.folder()
        try F.write(["a.xml": F.survey(id: "a")], in: input)
        let out = try scratch.folder().appendingPathComponent("site")
        #expect(try await F.build([input], out: out).exitStatus == 0)
        try F.write(["b.xml": F.survey(id: "b", area: 250)], in: input)
        #expect(try await F.build([input], out: out).exitStatus == 1)
    }

    @Test("two runs, and --jobs 1 against --jobs 2, write byte-identical sites")
    func deterministicBytes() async throws {
        let input = try mixedFolder()
        let base = try scratch.folder()
        try F.write((0..<12).reduce(into: [:]) { files, n in
            files["more/\(n).xml"] = F.survey(id: "m\(n)", community: "社区\(n)", subdistrict: n % 2 == 0 ? "甲办事处" : "乙办事处",
                                             area: 250 + n * 10, police: n % 3 != 0, notes: "备注\(n)")
        }, in: input)
        var sites: [[String: Data]] = []
        for (name, jobs) in [("one", 1), ("two", 2), ("again", 2)] {
            let out = base.appendingPathComponent(name)
            _ = try await F.build([input], out: out, jobs: jobs)
            sites.append(try F.files(under: out))
        }
        #expect(sites[0].count == 14 + 6 + 3)  // surveys, the site's own files, three sub-districts
        #expect(sites[0] == sites[1])
        #expect(sites[1] == sites[2])
    }

    @Test("--formats json,csv writes only audit.json and audit.csv, with the same bytes as a full audit")
    func dataOnly() async throws {
        let input = try mixedFolder()
        let base = try scratch.folder()
        _ = try await F.build([input], out: base.appendingPathComponent("full"))
        _ = try await F.build([input], out: base.appendingPathComponent("data"), formats: [.json, .csv])
        let full = try F.files(under: base.appendingPathComponent("full"))
        let data = try F.files(under: base.appendingPathComponent("data"))
        #expect(Set(data.keys) == ["audit.json", "audit.csv", ".wuyou-manifest"])
        #expect(data["audit.json"] == full["audit.json"])
        #expect(data["audit.csv"] == full["audit.csv"])
    }

    @Test("a checklist with an XPath rule has it judged on each survey's document")
    func xpathRulesSeeTheDocument() async throws {
        let original = try String(contentsOf: HTMLFixtures.root.appendingPathComponent("checklists/laohekou-2023.xml"), encoding: .utf8)
        let end = try #require(original.range(of: "</checklist>", options: .backwards))
        let text = original.replacingCharacters(in: end, with: """
              <requirement id="city.notes" category="functions" clause="市补充1" severity="mandatory" basis="interpreted">
                <title lang="zh">检查表附有备注</title><title lang="en">The survey carries notes</title>
                <advice lang="zh">填写备注。</advice><advice lang="en">Fill in the notes.</advice>
                <rule kind="xpath">
                  <param name="test" value="string-length(normalize-space(/s:survey/s:notes)) &gt; 0"/>
                  <param name="known-if" value="count(/s:survey/s:notes) = 1"/>
                </rule>
              </requirement>
            </checklist>
            """)
        let checklist = try ChecklistReader.read(bytes: Array(text.utf8), path: "city.xml")
        let input = try scratch.folder()
        try F.write(["a.xml": F.survey(id: "s1", notes: "门口有台阶"), "b.xml": F.survey(id: "s2")], in: input)
        let out = try scratch.folder().appendingPathComponent("site")
        _ = try await F.build([input], out: out, formats: [.json], checklist: checklist)
        let reports = try #require(try F.json(out.appendingPathComponent("audit.json"))["reports"] as? [[String: Any]])
        let statuses = try reports.map { report in
            let findings = try #require(report["findings"] as? [[String: Any]])
            return findings.first { $0["id"] as? String == "city.notes" }?["status"] as? String
        }
        #expect(statuses == ["met", "unknown"])
    }

    @Test("audit.json is exactly the whole document serialised at once, each report on one line")
    func streamedJSONMatchesWholeDocument() async throws {
        let input = try mixedFolder()
        let out = try scratch.folder().appendingPathComponent("site")
        let result = try await F.build([input], out: out)
        let renderer = JSONReportRenderer(language: .zh)
        let audit = AuditJSONRenderer(language: .zh)
        let reports = try result.summary.surveys.map { survey in
            let loaded = try SurveyLoader.load(path: survey.path)
            return renderer.value(for: Evaluator(checklist: F.checklist).evaluate(loaded.survey, document: loaded.document))
        }
        let whole = JSONValue.object([
            ("format", .string("wuyou-audit/1")),
            ("checklist", renderer.checklistValue(F.checklist)),
            ("summary", audit.summaryValue(result.summary)),
            ("reports", .string("reports go here")),
            ("unusable", audit.unusableValue(result.summary)),
            ("errors", .array(result.summary.errors.map(audit.errorValue))),
        ]).serialized() + "\n"
        #expect(reports.count == 2)
        let lines = reports.map { "    " + $0.serializedOnOneLine() }.joined(separator: ",\n")
        let expected = whole.replacingOccurrences(of: #""reports go here""#, with: "[\n" + lines + "\n  ]")
        #expect(try F.text(out.appendingPathComponent("audit.json")) == expected)
        #expect(try JSONSerialization.jsonObject(with: Data(expected.utf8)) is [String: Any])
    }

    @Test("page names from hostile or case-differing ids stay inside the site and never collide")
    func sanitisedPageNames() async throws {
        let input = try scratch.folder()
        // "a-559aead0" is literally the name "A" escapes to: one of the two pages is numbered.
        let ids = ["../../x", "/etc/x", "A", "a", "..", "x/../../y", "a-559aead0"]
        try F.write(Dictionary(uniqueKeysWithValues: ids.enumerated().map { n, id in
            ("\(n).xml", F.survey(id: id, community: "社区\(n)"))
        }), in: input)
        let base = try scratch.folder()
        let out = base.appendingPathComponent("site")
        let result = try await F.build([input], out: out)

        #expect(result.summary.surveys.count == ids.count)
        let pages = try F.files(under: out).keys.filter { $0.hasPrefix("surveys/") }
        #expect(pages.count == ids.count)
        #expect(Set(pages.map { $0.lowercased() }).count == ids.count)
        for page in pages {
            let name = String(page.dropFirst("surveys/".count))
            #expect(!name.contains("/") && !name.hasPrefix("."), "\(name)")
        }
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: base.path)) == ["site", ".site.wuyou-lock"])
        let index = try F.text(out.appendingPathComponent("index.html"))
        for name in result.pageNames {
            #expect(index.contains(#"href="surveys/\#(name).html""#))
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("surveys/\(name).html").path))
        }
    }

    @Test("--public leaves no inspector name and no notes in any file of the site")
    func publicSiteHidesPeople() async throws {
        let input = try scratch.folder()
        try F.write([
            "a.xml": F.survey(id: "a", inspector: "王秘密", notes: "备注内容不公开"),
            "b.xml": F.survey(id: "b", area: 200, inspector: "李保密", notes: "另一条内部备注"),
        ], in: input)
        let secrets = ["王秘密", "李保密", "备注内容不公开", "另一条内部备注"]
        let base = try scratch.folder()

        _ = try await F.build([input], out: base.appendingPathComponent("internal"))
        let internalText = try F.files(under: base.appendingPathComponent("internal")).values
            .map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(internalText.contains("王秘密"), "the single report names its inspectors, so the public test means something")

        _ = try await F.build([input], out: base.appendingPathComponent("public"), publicSite: true)
        let files = try F.files(under: base.appendingPathComponent("public"))
        #expect(files.count == 5 + 4)
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            for secret in secrets {
                #expect(!text.contains(secret), "\(path) contains \(secret)")
            }
            if path.hasPrefix("surveys/") {
                // Said plainly, rather than claiming nobody inspected the centre.
                #expect(text.contains("公开版不含此项"), "\(path)")
            }
        }
    }

    @Test("a later run replaces the earlier site whole; a folder that is not a site is refused")
    func replacesOnlyASite() async throws {
        let input = try scratch.folder()
        try F.write(["a.xml": F.survey(id: "a"), "b.xml": F.survey(id: "b")], in: input)
        let base = try scratch.folder()
        let out = base.appendingPathComponent("site")
        _ = try await F.build([input], out: out)
        try FileManager.default.removeItem(at: input.appendingPathComponent("b.xml"))
        _ = try await F.build([input], out: out)
        #expect(Set(try F.files(under: out).keys) == F.sitePages().union(["audit.json", "audit.csv", "surveys/a.html", ".wuyou-manifest"]))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: base.path)) == ["site", ".site.wuyou-lock"])

        let precious = base.appendingPathComponent("precious")
        try F.write(["thesis.txt": "do not delete"], in: precious)
        let refused = await #expect(throws: Diagnostics.self) {
            _ = try await F.build([input], out: precious)
        }
        #expect(refused?.items.first?.code == .auditOutputNotASite)
        #expect(try F.text(precious.appendingPathComponent("thesis.txt")) == "do not delete")
    }

    @Test("a run that fails leaves the previous site as it was and no staging folder behind")
    func failedRunKeepsOldSite() async throws {
        let input = try scratch.folder()
        try F.write(["a.xml": F.survey(id: "a")], in: input)
        let base = try scratch.folder()
        let out = base.appendingPathComponent("site")
        _ = try await F.build([input], out: out)
        let before = try F.files(under: out)

        let templates = try scratch.folder()
        try F.write(["index.mustache": "{{#unclosed}}"], in: templates)
        let template = await #expect(throws: Diagnostics.self) {
            _ = try await F.build([input], out: out, templates: templates.path)
        }
        #expect(template?.items.first?.code == .templateInvalid)
        let baseline = await #expect(throws: Diagnostics.self) {
            _ = try await F.build([input], out: out, baseline: input.appendingPathComponent("a.xml"))
        }
        #expect(baseline?.items.first?.code == .baselineNotJSON)
        #expect(try F.files(under: out) == before)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: base.path)) == ["site", ".site.wuyou-lock"])
    }

    @Test("no survey found is an error, not an empty site")
    func nothingToAudit() async throws {
        let input = try scratch.folder()
        let out = try scratch.folder().appendingPathComponent("site")
        let error = await #expect(throws: Diagnostics.self) {
            _ = try await F.build([input], out: out)
        }
        #expect(error?.items.first?.code == .auditNoSurveys)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("the index is written in English with --lang en")
    func englishIndex() async throws {
        let input = try mixedFolder()
        let out = try scratch.folder().appendingPathComponent("site")
        _ = try await F.build([input], out: out, language: .en)
        let index = try F.text(out.appendingPathComponent("index.html"))
        #expect(index.contains(#"<html lang="en">"#))
        #expect(index.contains("Surveys that could not be used"))
        #expect(index.contains("duplicate survey id s1"))
        #expect(!index.contains("达标率"))
    }
}
