import Foundation
import Testing
import WuyouXML
@testable import WuyouCore

@Suite("Checklists: the bundled one, lint and a city's own XPath requirement")
struct ChecklistTests {
    @Test func bundledChecklistHasTheThirtyOneRequirementsOfTheSpec() throws {
        let ids = Fixtures.checklist.requirements.map(\.id)
        #expect(ids.count == 31)
        #expect(Set(ids).count == 31)
        #expect(ids.first == "premises.exists")
        #expect(ids.last == "training.workers")
        #expect(Fixtures.checklist.rooms.map(\.code) == [
            "party-activity", "citizen-school", "reading-room", "service-station", "police", "office",
            "culture-sports", "health-station",
        ])
        for requirement in Fixtures.checklist.requirements {
            #expect(!requirement.title.text("zh").isEmpty && !requirement.title.text("en").isEmpty, "\(requirement.id)")
            #expect(!requirement.advice.text("zh").isEmpty && !requirement.advice.text("en").isEmpty, "\(requirement.id)")
        }
    }

    @Test("a requirement is built once: a changed one is a new requirement, the checklist's own stays as it was")
    func requirementsAreImmutable() throws {
        var checklist = Fixtures.checklist
        let original = checklist.requirements[0]
        let changed = original.with(id: "changed", title: LocalizedText(["zh": "改过"]))
        checklist.requirements[1] = checklist.requirements[1].with(clause: "改过", effectiveFrom: .some(nil))
        #expect(original.id == "premises.exists" && original.title.text("zh") != "改过")
        #expect(changed.id == "changed" && changed.title.text("zh") == "改过")
        #expect(changed.clause == original.clause && changed.line == original.line && changed.ruleSource == original.ruleSource)
        #expect(changed.expectation == original.expectation)
        #expect(!changed.isSameDefinition(as: original) && original.isSameDefinition(as: Fixtures.checklist.requirements[0]))
        #expect(Fixtures.checklist.requirements[1].clause != "改过")
        #expect(checklist.requirements[1].clause == "改过")
        // A rule given anew brings its own expectation.
        let lowered = original.with(rule: .roomPresent(code: "police"))
        #expect(lowered.expectation == .room(code: "police"))
    }

    /// The binary embeds checklists and schemas, generated at build time from the files.
    @Test(arguments: [("checklist.xsd", "checklists/checklist.xsd"), ("survey.xsd", "Sources/WuyouCore/Survey/survey.xsd"),
                      ("checklists/laohekou-2023.xml", "checklists/laohekou-2023.xml")])
    func embeddedCopyEqualsTheFile(_ name: String, _ relativePath: String) throws {
        let file = try String(contentsOf: Fixtures.repository.appendingPathComponent(relativePath), encoding: .utf8)
        #expect(EmbeddedFiles.text(named: name) == file)
    }

    @Test func base64DigestIsWhatAContentSecurityPolicyNames() {
        // `printf 'abc' | openssl dgst -sha256 -binary | base64`
        #expect(SHA256.base64Digest(of: Array("abc".utf8)) == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
        #expect(SHA256.digest(of: []).count == 32)
    }

    @Test func shortHashIsTheFilesSHA256Prefix() throws {
        // sha256("abc"), FIPS 180-2 appendix B.1.
        #expect(SHA256.hexDigest(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hexDigest(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // Multi-block input: FIPS 180-2 appendix B.2.
        #expect(SHA256.hexDigest(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        let path = Fixtures.repository.appendingPathComponent("checklists/laohekou-2023.xml").path
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(try ChecklistReader.load(idOrPath: path).shortHash == String(SHA256.hexDigest(of: bytes).prefix(12)))
        // The bundled copy is the same file, so a report names the same fingerprint either way.
        #expect(Fixtures.checklist.shortHash == String(SHA256.hexDigest(of: bytes).prefix(12)))
    }

    private func checklistText(addingRequirement requirement: String) throws -> String {
        let original = try String(contentsOf: Fixtures.repository.appendingPathComponent("checklists/laohekou-2023.xml"), encoding: .utf8)
        let end = try #require(original.range(of: "</checklist>", options: .backwards))
        return original.replacingCharacters(in: end, with: requirement + "\n</checklist>")
    }

    private func writeTemporary(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wuyou-checklist-\(UUID().uuidString).xml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aCityAddsAnXPathRequirementWithoutRebuilding() throws {
        let path = try writeTemporary(try checklistText(addingRequirement: """
              <requirement id="city.notes" category="functions" clause="市补充1" severity="mandatory" basis="interpreted">
                <title lang="zh">检查表附有备注</title><title lang="en">The survey carries notes</title>
                <advice lang="zh">填写备注。</advice><advice lang="en">Fill in the notes.</advice>
                <rule kind="xpath">
                  <param name="test" value="string-length(normalize-space(/s:survey/s:notes)) &gt; 0"/>
                  <param name="known-if" value="count(/s:survey/s:notes) = 1"/>
                  <param name="evidence" value="/s:survey/s:notes"/>
                </rule>
              </requirement>
            """))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(ChecklistReader.lint(path: path).isEmpty)
        let checklist = try ChecklistReader.load(idOrPath: path)
        #expect(checklist.requirements.count == 32)

        let withNotes = try Fixtures.report(SurveyBuilder().with { $0.extra = "<notes>门口有台阶</notes>" }, checklist: checklist)
        let met = try #require(withNotes.finding("city.notes"))
        #expect(met.status == .met)
        #expect(met.place != nil)
        let emptyNotes = try Fixtures.report(SurveyBuilder().with { $0.extra = "<notes> </notes>" }, checklist: checklist)
        #expect(emptyNotes.finding("city.notes")?.status == .gap)
        #expect(!emptyNotes.passes)
        let noNotes = try Fixtures.report(SurveyBuilder(), checklist: checklist)
        #expect(noNotes.finding("city.notes")?.status == .unknown)
        // Only such a checklist makes an audit keep each survey's document (SurveyJob).
        #expect(Evaluator(checklist: checklist).readsDocuments)
        #expect(!Evaluator(checklist: Fixtures.checklist).readsDocuments)
        // What a form evaluates to tell whether the rule still lacks data: its known-if, not its test.
        #expect(checklist.requirements.last?.rule.recordedIf == ["count(/s:survey/s:notes) = 1"])
        #expect(Fixtures.checklist.requirements.allSatisfy { $0.rule.recordedIf.isEmpty })
    }

    struct LintCase: CustomTestStringConvertible, Sendable {
        let name: String
        let requirement: String
        let code: DiagnosticCode
        var testDescription: String { name }
    }

    @Test(arguments: [
        LintCase(name: "duplicate id", requirement: requirementXML(id: "room.police", rule: #"<rule kind="room-present"><param name="room" value="police"/></rule>"#), code: .checklistDuplicateRequirement),
        LintCase(name: "unknown room code", requirement: requirementXML(rule: #"<rule kind="room-present"><param name="room" value="sauna"/></rule>"#), code: .checklistUnknownRoom),
        LintCase(name: "unknown parameter", requirement: requirementXML(rule: #"<rule kind="room-present"><param name="room" value="police"/><param name="colour" value="red"/></rule>"#), code: .checklistUnusedParameter),
        LintCase(name: "missing parameter", requirement: requirementXML(rule: #"<rule kind="numeric-minimum"><param name="fact" value="training.days"/><param name="unit" value="days"/></rule>"#), code: .checklistMissingParameter),
        LintCase(name: "unknown fact", requirement: requirementXML(rule: #"<rule kind="boolean-fact"><param name="fact" value="governance.picnics"/></rule>"#), code: .checklistUnknownFact),
        LintCase(name: "fact of the wrong type", requirement: requirementXML(rule: #"<rule kind="boolean-fact"><param name="fact" value="centre.area"/></rule>"#), code: .checklistFactWrongType),
        LintCase(name: "XPath that does not compile", requirement: requirementXML(rule: #"<rule kind="xpath"><param name="test" value="count(/s:survey"/></rule>"#), code: .checklistXPathInvalid),
        LintCase(name: "unknown category", requirement: requirementXML(category: "picnics", rule: #"<rule kind="room-present"><param name="room" value="police"/></rule>"#), code: .checklistUnknownCategory),
        LintCase(name: "a zero divisor", requirement: requirementXML(rule: #"<rule kind="per-item-ratio"><param name="inventory" value="developments"/><param name="required-area" value="20"/><param name="per-area" value="0"/><param name="unit" value="m2"/></rule>"#), code: .checklistParameterNotAbove),
        LintCase(name: "a negative threshold", requirement: requirementXML(rule: #"<rule kind="numeric-minimum"><param name="fact" value="training.days"/><param name="minimum" value="-1"/><param name="unit" value="days"/></rule>"#), code: .checklistParameterTooSmall),
        LintCase(name: "a fractional item count", requirement: requirementXML(rule: #"<rule kind="item-count"><param name="inventory" value="services"/><param name="minimum" value="2.5"/></rule>"#), code: .checklistParameterNotWhole),
        LintCase(name: "a huge item count", requirement: requirementXML(rule: #"<rule kind="item-count"><param name="inventory" value="services"/><param name="minimum" value="99999999999999999999.5"/></rule>"#), code: .checklistParameterNotWhole),
        LintCase(name: "schema error: unknown rule kind", requirement: requirementXML(rule: #"<rule kind="vibes"/>"#), code: .checklistSchema),
    ])
    func lintReportsProblemsWithLineAndColumn(_ testCase: LintCase) throws {
        let text = try checklistText(addingRequirement: testCase.requirement)
        let path = try writeTemporary(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let problems = ChecklistReader.lint(path: path)
        let problem = try #require(problems.first)
        #expect(problem.code == testCase.code, "\(problem)")
        #expect(problem.location.file == path)
        // The added requirement starts after the original file's last line.
        let originalLines = try String(contentsOf: Fixtures.repository.appendingPathComponent("checklists/laohekou-2023.xml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(try #require(problem.location.line) >= originalLines - 1)
        #expect(try #require(problem.location.column) >= 1)
    }

    /// Problems in a rule, read from a checklist held in memory; the rule's lines are numbered
    /// from the `<rule>` start tag.
    private func problems(inRule rule: String) throws -> (items: [Diagnostic], ruleLine: Int) {
        let text = try checklistText(addingRequirement: requirementXML(rule: rule))
        let lines = text.components(separatedBy: "\n")
        let ruleLine = try #require(lines.lastIndex { $0.contains("<rule kind=") }) + 1
        do {
            _ = try ChecklistReader.read(bytes: Array(text.utf8), path: "city.xml")
            return ([], ruleLine)
        } catch {
            return (error.items, ruleLine)
        }
    }

    @Test("lint refuses XPath that compiles but cannot run: an unbound prefix, an unknown function, runaway work",
          arguments: ["count(/p:survey) = 1", "document('file:///etc/passwd')", "count(//node()[count(//node()[count(//node()) > 0]) > 0]) > 0"])
    func lintRunsXPath(_ expression: String) throws {
        let (items, _) = try problems(inRule: "<rule kind=\"xpath\"><param name=\"test\" value=\"\(expression)\"/></rule>")
        #expect(items.map(\.code) == [.checklistXPathInvalid])
    }

    @Test("a checklist in an encoding wuyou does not read is refused at 1:1")
    func checklistEncodings() throws {
        let text = try checklistText(addingRequirement: "")
        let declared = { (encoding: String) in
            text.replacingOccurrences(of: #"encoding="UTF-8""#, with: #"encoding="\#(encoding)""#)
        }
        #expect(declared("IBM037") != text, "the checklist declares UTF-8")
        let error = try #require(throws: Diagnostics.self) {
            try ChecklistReader.read(bytes: Array(declared("IBM037").utf8), path: "city.xml")
        }
        #expect(error.items.map(\.code) == [.xmlEncodingUnsupported])
        #expect(error.items.first?.location == .init(file: "city.xml", line: 1, column: 1))
    }

    @Test("lint cites the offending <param>, not its <rule>")
    func lintCitesTheParameter() throws {
        let (items, ruleLine) = try problems(inRule: """
            <rule kind="numeric-minimum">
                  <param name="fact" value="training.days"/>
                  <param name="minimum" value="-2"/>
                  <param name="unit" value="days"/>
                </rule>
            """)
        #expect(items.map(\.code) == [.checklistParameterTooSmall])
        #expect(items.first?.location.line == ruleLine + 2)
        let unknownFact = try problems(inRule: """
            <rule kind="boolean-fact">
                  <param name="fact" value="governance.picnics"/>
                </rule>
            """)
        #expect(unknownFact.items.map(\.code) == [.checklistUnknownFact])
        #expect(unknownFact.items.first?.location.line == unknownFact.ruleLine + 1)
    }

    @Test("a bad parameter is reported once and never makes a valid one look unused")
    func noCascade() throws {
        let (items, _) = try problems(inRule: """
            <rule kind="boolean-fact"><param name="fact" value="governance.picnics"/><param name="element-absent" value="gap"/></rule>
            """)
        #expect(items.map(\.code) == [.checklistUnknownFact])
        let numeric = try problems(inRule: """
            <rule kind="numeric-minimum"><param name="fact" value="centre.premises"/><param name="minimum" value="1"/><param name="unit" value="m2"/><param name="premises-none-as-zero" value="true"/></rule>
            """)
        #expect(numeric.items.map(\.code) == [.checklistFactWrongType])
    }

    @Test("all-items-flag and per-item-ratio use their inventory and flag, and lint refuses ones without them")
    func inventoriesAndFlagsAreChecked() throws {
        #expect(try problems(inRule: #"<rule kind="all-items-flag"><param name="inventory" value="departments"/><param name="flag" value="colour"/><param name="unit" value="departments"/></rule>"#)
            .items.map(\.code) == [.checklistUnknownFlag])
        #expect(try problems(inRule: #"<rule kind="all-items-flag"><param name="inventory" value="services"/><param name="flag" value="window"/><param name="unit" value="services"/></rule>"#)
            .items.map(\.code) == [.checklistInventoryNotAllowed])
        #expect(try problems(inRule: #"<rule kind="per-item-ratio"><param name="inventory" value="rooms"/><param name="required-area" value="20"/><param name="per-area" value="10000"/><param name="unit" value="m2"/></rule>"#)
            .items.map(\.code) == [.checklistInventoryNotAllowed])
        #expect(try problems(inRule: #"<rule kind="all-items-flag"><param name="inventory" value="departments"/><param name="flag" value="window"/><param name="unit" value="departments"/></rule>"#)
            .items.isEmpty)
    }

    @Test("a rule's inputs are the facts and lists it reads; missing inputs are those the survey lacks")
    func ruleInputs() throws {
        let rule = { (id: String) in try #require(Fixtures.checklist.requirements.first { $0.id == id }).rule }
        #expect(try rule("area.per-households").inputs == [.fact(.centreArea), .fact(.communityHouseholds)])
        #expect(try rule("governance.democracy").inputs.count == 4)
        #expect(try rule("room.police").inputs == [.inventory(.rooms)])
        #expect(try rule("development.service-space").inputs == [.inventory(.developments)])
        let survey = try SurveyLoader.load(bytes: Array(SurveyBuilder().with {
            $0.community = #"<community name="测试社区" central="true"/>"#
        }.xml.utf8), path: "t.xml").survey
        #expect(try rule("area.per-households").missingInputs(in: survey) == [.fact(.communityHouseholds)])
        // Every fact recorded: all inputs, since something else must have stopped the judgement.
        #expect(try rule("area.minimum").missingInputs(in: survey) == [.fact(.centreArea)])
    }

    @Test func bundledChecklistLintsClean() {
        #expect(ChecklistReader.lint(path: Fixtures.repository.appendingPathComponent("checklists/laohekou-2023.xml").path).isEmpty)
    }
}

private func requirementXML(id: String = "city.extra", category: String = "functions", rule: String) -> String {
    """
      <requirement id="\(id)" category="\(category)" clause="市补充" severity="recommended" basis="interpreted">
        <title lang="zh">补充</title><title lang="en">Extra</title>
        <advice lang="zh">整改。</advice><advice lang="en">Fix it.</advice>
        \(rule)
      </requirement>
    """
}
