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

    /// The binary embeds checklists and schemas as Swift source; they must equal the files.
    @Test(arguments: ["checklists/checklist.xsd", "Sources/WuyouCore/Schemas/survey.xsd", "checklists/laohekou-2023.xml"])
    func embeddedCopyEqualsTheFile(_ relativePath: String) throws {
        let file = try String(contentsOf: Fixtures.repository.appendingPathComponent(relativePath), encoding: .utf8)
        let embedded: String = switch relativePath {
        case "checklists/checklist.xsd": EmbeddedResources.checklistSchema
        case "Sources/WuyouCore/Schemas/survey.xsd": EmbeddedResources.surveySchema
        default: try #require(EmbeddedResources.checklists.first { $0.fileName == "laohekou-2023.xml" }).text
        }
        #expect(embedded + "\n" == file || embedded == file, "run scripts/embed-resources.sh")
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
        #expect(met.line != nil)
        let emptyNotes = try Fixtures.report(SurveyBuilder().with { $0.extra = "<notes> </notes>" }, checklist: checklist)
        #expect(emptyNotes.finding("city.notes")?.status == .gap)
        #expect(!emptyNotes.passes)
        let noNotes = try Fixtures.report(SurveyBuilder(), checklist: checklist)
        #expect(noNotes.finding("city.notes")?.status == .unknown)
    }

    struct LintCase: CustomTestStringConvertible, Sendable {
        let name: String
        let requirement: String
        let message: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        LintCase(name: "duplicate id", requirement: requirementXML(id: "room.police", rule: #"<rule kind="room-present"><param name="room" value="police"/></rule>"#), message: "duplicate requirement id"),
        LintCase(name: "unknown room code", requirement: requirementXML(rule: #"<rule kind="room-present"><param name="room" value="sauna"/></rule>"#), message: "unknown room code"),
        LintCase(name: "unknown parameter", requirement: requirementXML(rule: #"<rule kind="room-present"><param name="room" value="police"/><param name="colour" value="red"/></rule>"#), message: "no parameter \"colour\""),
        LintCase(name: "missing parameter", requirement: requirementXML(rule: #"<rule kind="numeric-minimum"><param name="fact" value="training.days"/><param name="unit" value="days"/></rule>"#), message: "needs parameter \"minimum\""),
        LintCase(name: "unknown fact", requirement: requirementXML(rule: #"<rule kind="boolean-fact"><param name="fact" value="governance.picnics"/></rule>"#), message: "unknown fact"),
        LintCase(name: "fact of the wrong type", requirement: requirementXML(rule: #"<rule kind="boolean-fact"><param name="fact" value="centre.area"/></rule>"#), message: "is not a boolean fact"),
        LintCase(name: "XPath that does not compile", requirement: requirementXML(rule: #"<rule kind="xpath"><param name="test" value="count(/s:survey"/></rule>"#), message: "does not compile"),
        LintCase(name: "unknown category", requirement: requirementXML(category: "picnics", rule: #"<rule kind="room-present"><param name="room" value="police"/></rule>"#), message: "unknown category"),
        LintCase(name: "a zero divisor", requirement: requirementXML(rule: #"<rule kind="per-item-ratio"><param name="inventory" value="developments"/><param name="required-area" value="20"/><param name="per-area" value="0"/><param name="unit" value="m2"/></rule>"#), message: "per-area must be more than 0"),
        LintCase(name: "a negative threshold", requirement: requirementXML(rule: #"<rule kind="numeric-minimum"><param name="fact" value="training.days"/><param name="minimum" value="-1"/><param name="unit" value="days"/></rule>"#), message: "minimum must be at least 0"),
        LintCase(name: "a fractional item count", requirement: requirementXML(rule: #"<rule kind="item-count"><param name="inventory" value="services"/><param name="minimum" value="2.5"/></rule>"#), message: "whole number"),
        LintCase(name: "a huge item count", requirement: requirementXML(rule: #"<rule kind="item-count"><param name="inventory" value="services"/><param name="minimum" value="99999999999999999999.5"/></rule>"#), message: "whole number"),
        LintCase(name: "schema error: unknown rule kind", requirement: requirementXML(rule: #"<rule kind="vibes"/>"#), message: "kind"),
    ])
    func lintReportsProblemsWithLineAndColumn(_ testCase: LintCase) throws {
        let text = try checklistText(addingRequirement: testCase.requirement)
        let path = try writeTemporary(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let problems = ChecklistReader.lint(path: path)
        let problem = try #require(problems.first)
        #expect(problem.message.contains(testCase.message), "\(problem)")
        #expect(problem.location.file == path)
        // The added requirement starts after the original file's last line.
        let originalLines = try String(contentsOf: Fixtures.repository.appendingPathComponent("checklists/laohekou-2023.xml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(problem.location.line >= originalLines - 1)
        #expect(problem.location.column >= 1)
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
