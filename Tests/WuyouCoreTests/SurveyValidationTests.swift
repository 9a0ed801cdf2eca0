import Foundation
import Testing
@testable import WuyouCore

/// A valid survey with one element per line, which each invalid case edits in one place.
private enum MinimalSurvey {
    static let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <survey xmlns="urn:wuyou:survey:1" id="t-1" date="2024-05-14">
          <inspector>王芳</inspector>
          <community name="测试社区" households="100"/>
          <centre area="100" premises="own">
            <hall one-door="true" windows="2"/>
            <room type="office" area="20">办公室</room>
          </centre>
          <governance elections="true"/>
        </survey>

        """

    /// `text` with `original` (which must occur exactly once) replaced.
    static func replacing(_ original: String, with replacement: String) -> String {
        precondition(text.components(separatedBy: original).count == 2, "\(original) must occur once")
        return text.replacingOccurrences(of: original, with: replacement)
    }

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func load(_ text: String, path: String = "survey.xml") throws(Diagnostics) -> SurveyLoader.Loaded {
        try SurveyLoader.load(bytes: Array(text.utf8), path: path)
    }
}

/// A survey made invalid in one place; the offending line carries the marker `<!--here-->`.
struct InvalidSurveyCase: Sendable, CustomTestStringConvertible {
    static let marker = "<!--here-->"

    let testDescription: String
    let original: String
    let replacement: String
    /// The diagnostic's code, and one argument it must carry.
    var code: DiagnosticCode
    var argument: (name: String, value: DiagnosticArgument)?

    var text: String { MinimalSurvey.replacing(original, with: replacement) }

    /// The 1-based line holding the marker.
    var expectedLine: Int {
        let lines = text.components(separatedBy: "\n")
        let matches = lines.indices.filter { lines[$0].contains(Self.marker) }
        precondition(matches.count == 1, "\(testDescription): mark exactly one line")
        return matches[0] + 1
    }

    /// The column of the first `<` on the marked line: the offending element's start tag.
    var expectedColumn: Int {
        let line = text.components(separatedBy: "\n")[expectedLine - 1]
        return line.distance(from: line.startIndex, to: line.firstIndex(of: "<")!) + 1
    }

    static let all: [InvalidSurveyCase] = [
        .init(testDescription: "unknown element in the survey namespace",
              original: #"  <governance elections="true"/>"#,
              replacement: "  <governance elections=\"true\"/>\n  <gardens count=\"3\"/> \(marker)",
              code: .surveyElementUnknown, argument: ("element", "gardens")),
        .init(testDescription: "element in no namespace",
              original: #"  <governance elections="true"/>"#,
              replacement: "  <governance elections=\"true\"/>\n    <extra xmlns=\"\"/> \(marker)",
              code: .surveyElementNoNamespace, argument: ("element", "extra")),
        .init(testDescription: "unknown attribute",
              original: #"  <centre area="100" premises="own">"#,
              replacement: "  <centre area=\"100\" premises=\"own\" colour=\"red\"> \(marker)",
              code: .surveyAttributeUnknown, argument: ("attribute", "colour")),
        .init(testDescription: "negative area",
              original: #"  <centre area="100" premises="own">"#,
              replacement: "  <centre area=\"-1\" premises=\"own\"> \(marker)",
              code: .surveyValueNegative, argument: ("attribute", "area")),
        .init(testDescription: "area with a unit",
              original: #"    <room type="office" area="20">办公室</room>"#,
              replacement: "    <room type=\"office\" area=\"20m²\">办公室</room> \(marker)",
              code: .surveyValueNotNumber, argument: ("value", .quoted("20m²"))),
        .init(testDescription: "boolean written yes",
              original: #"  <governance elections="true"/>"#,
              replacement: "  <governance elections=\"yes\"/> \(marker)",
              code: .surveyValueNotBoolean, argument: ("attribute", "elections")),
        .init(testDescription: "premises outside the enumeration",
              original: #"  <centre area="100" premises="own">"#,
              replacement: "  <centre area=\"100\" premises=\"leased\"> \(marker)",
              code: .surveyValueNotInList, argument: ("value", .quoted("leased"))),
        .init(testDescription: "zero households",
              original: #"  <community name="测试社区" households="100"/>"#,
              replacement: "  <community name=\"测试社区\" households=\"0\"/> \(marker)",
              code: .surveyValueNotPositive, argument: ("attribute", "households")),
        .init(testDescription: "missing community name",
              original: #"  <community name="测试社区" households="100"/>"#,
              replacement: "  <community households=\"100\"/> \(marker)",
              code: .surveyAttributeMissing, argument: ("attribute", "name")),
        .init(testDescription: "blank community name",
              original: #"  <community name="测试社区" households="100"/>"#,
              replacement: "  <community name=\"   \" households=\"100\"/> \(marker)",
              code: .surveyValueEmpty, argument: ("attribute", "name")),
        .init(testDescription: "bad date",
              original: #"<survey xmlns="urn:wuyou:survey:1" id="t-1" date="2024-05-14">"#,
              replacement: "<survey xmlns=\"urn:wuyou:survey:1\" id=\"t-1\" date=\"2024-13-45\"> \(marker)",
              code: .surveyDateFormat, argument: ("value", .quoted("2024-13-45"))),
        .init(testDescription: "missing id",
              original: #"<survey xmlns="urn:wuyou:survey:1" id="t-1" date="2024-05-14">"#,
              replacement: "<survey xmlns=\"urn:wuyou:survey:1\" date=\"2024-05-14\"> \(marker)",
              code: .surveyAttributeMissing, argument: ("attribute", "id")),
        .init(testDescription: "wrong root namespace",
              original: #"<survey xmlns="urn:wuyou:survey:1" id="t-1" date="2024-05-14">"#,
              replacement: "<survey xmlns=\"urn:wuyou:survey:2\" id=\"t-1\" date=\"2024-05-14\"> \(marker)",
              code: .surveyNamespaceWrong, argument: ("found", .quoted("urn:wuyou:survey:2"))),
        .init(testDescription: "text inside an attribute-only element",
              original: #"    <hall one-door="true" windows="2"/>"#,
              replacement: "    <hall one-door=\"true\" windows=\"2\">big</hall> \(marker)",
              code: .surveyElementText, argument: ("element", "hall")),
        .init(testDescription: "department without its required window",
              original: #"  <governance elections="true"/>"#,
              replacement: "  <governance elections=\"true\"/>\n  <service-station><department-windows>\n    <department name=\"民政\"/> \(marker)\n  </department-windows></service-station>",
              code: .surveyAttributeMissing, argument: ("attribute", "window")),
        // The next four come from the multiplicity check that runs after the schema.
        .init(testDescription: "two <community>",
              original: #"  <governance elections="true"/>"#,
              replacement: "  <governance elections=\"true\"/>\n      <community name=\"又一个\"/> \(marker)",
              code: .surveyElementRepeated, argument: ("element", "community")),
        .init(testDescription: "two <centre>",
              original: #"  <governance elections="true"/>"#,
              replacement: "  <governance elections=\"true\"/>\n\n <centre area=\"5\"/> \(marker)",
              code: .surveyElementRepeated, argument: ("element", "centre")),
        .init(testDescription: "two <hall>",
              original: #"    <room type="office" area="20">办公室</room>"#,
              replacement: "    <room type=\"office\" area=\"20\">办公室</room>\n   <hall windows=\"1\"/> \(marker)",
              code: .surveyElementRepeated, argument: ("element", "hall")),
        .init(testDescription: "two <governance>",
              original: #"  <governance elections="true"/>"#,
              replacement: "  <governance elections=\"true\"/>\n  <governance/> \(marker)",
              code: .surveyElementRepeated, argument: ("element", "governance")),
        .init(testDescription: "no <community> at all",
              original: "<survey xmlns=\"urn:wuyou:survey:1\" id=\"t-1\" date=\"2024-05-14\">\n  <inspector>王芳</inspector>\n  <community name=\"测试社区\" households=\"100\"/>",
              replacement: "<survey xmlns=\"urn:wuyou:survey:1\" id=\"t-1\" date=\"2024-05-14\"> \(marker)\n  <inspector>王芳</inspector>",
              code: .surveyCommunityMissing),
    ]
}

@Suite("Survey validation: examples, schema errors, multiplicity, extensions")
struct SurveyValidationTests {
    static let examples: [String] = {
        let directory = MinimalSurvey.repository.appendingPathComponent("examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted().map { directory.appendingPathComponent($0).path }
    }()

    @Test("the examples folder holds the three spec surveys")
    func examplesExist() {
        let names = Set(Self.examples.map { URL(fileURLWithPath: $0).lastPathComponent })
        #expect(names.isSuperset(of: ["youyilu.xml", "daqiaolu.xml", "hangkonglu.xml"]), "\(names)")
    }

    @Test("every example loads with SurveyLoader.load(path:)", arguments: examples)
    func exampleLoads(_ path: String) throws {
        let loaded = try SurveyLoader.load(path: path)
        #expect(loaded.survey.path == path)
        #expect(!loaded.survey.id.isEmpty)
        #expect(!loaded.survey.community.name.isEmpty)
        #expect(loaded.document?.root.name == "survey")
        #expect(loaded.document?.root.namespace == SurveyReader.namespace)
    }

    /// Hand-written surveys the form's browser check (scripts/check-form.py) opens and saves:
    /// comments, processing instructions, a city's own namespace, prefixes, CDATA, character
    /// references, text that looks like markup. They must stay valid surveys.
    static let fixtures: [String] = {
        let directory = MinimalSurvey.repository.appendingPathComponent("Tests/Fixtures/surveys")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted().map { directory.appendingPathComponent($0).path }
    }()

    @Test("every fixture survey is valid", arguments: fixtures)
    func fixtureLoads(_ path: String) throws {
        let loaded = try SurveyLoader.load(path: path)
        #expect(loaded.document?.root.namespace == SurveyReader.namespace)
    }

    @Test func thereAreFixtureSurveys() {
        #expect(Self.fixtures.count >= 4)
    }

    @Test("the GB18030 example decodes to the right Chinese names")
    func gb18030Example() throws {
        let path = MinimalSurvey.repository.appendingPathComponent("examples/hangkonglu.xml").path
        let head = try #require(FileHandle(forReadingAtPath: path)?.readData(ofLength: 60))
        #expect(String(decoding: head, as: UTF8.self).contains("GB18030"))
        let survey = try SurveyLoader.load(path: path).survey
        #expect(survey.community.name == "航空路社区")
        #expect(survey.community.subdistrict == "赞阳办事处")
    }

    @Test("the minimal survey used below is valid")
    func minimalIsValid() throws {
        let loaded = try MinimalSurvey.load(MinimalSurvey.text)
        #expect(loaded.survey.community.name == "测试社区")
        #expect(loaded.survey.community.place == .line(4))
        #expect(loaded.survey.factGroups["hall"]?.place == .line(6))
        #expect(loaded.survey.centre?.rooms.map(\.name) == ["办公室"])
    }

    @Test("an invalid survey is refused with file:line:col at the offending element", arguments: InvalidSurveyCase.all)
    func invalid(_ testCase: InvalidSurveyCase) throws {
        let path = "surveys/bad.xml"
        let diagnostics = try #require(throws: Diagnostics.self) {
            try MinimalSurvey.load(testCase.text, path: path)
        }
        let first = try #require(diagnostics.items.first)
        #expect(first.location == .init(file: path, line: testCase.expectedLine, column: testCase.expectedColumn),
                "\(diagnostics)")
        #expect(first.code == testCase.code, "\(diagnostics)")
        if let (name, value) = testCase.argument {
            #expect(first.arguments[name] == value, "\(diagnostics)")
        }
        // One mistake, one place: every diagnostic points at the marked line.
        #expect(diagnostics.items.allSatisfy { $0.location.line == testCase.expectedLine }, "\(diagnostics)")
    }

    @Test("the case table's expected columns are not all the same")
    func caseTableIsDiscriminating() {
        let columns = Set(InvalidSurveyCase.all.map(\.expectedColumn))
        #expect(columns.count >= 4, "\(columns)")
    }

    @Test("the same errors come from a file on disk, named by its path")
    func fromFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wuyou-survey-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let testCase = try #require(InvalidSurveyCase.all.first { $0.testDescription == "two <hall>" })
        let path = directory.appendingPathComponent("two-halls.xml").path
        try Data(testCase.text.utf8).write(to: URL(fileURLWithPath: path))
        let diagnostics = try #require(throws: Diagnostics.self) { try SurveyLoader.load(path: path) }
        #expect(diagnostics.items.map(\.location) == [.init(file: path, line: testCase.expectedLine, column: 4)])
    }

    @Test("foreign-namespace elements and attributes are accepted and ignored")
    func foreignNamespaces() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <survey xmlns="urn:wuyou:survey:1" xmlns:city="urn:city:laohekou" id="t-2" date="2024-05-14" city:batch="7">
              <city:district code="420682">
                <city:note level="2">老河口 <city:b>extra</city:b></city:note>
                <community name="不是真的社区"/>
              </city:district>
              <community name="测试社区" households="100" city:grid="12"/>
              <centre area="100" premises="own">
                <city:camera count="4"><city:brand>X</city:brand></city:camera>
                <room type="office" area="20" city:floor="2">办公室</room>
                <city:room type="police">警务室</city:room>
              </centre>
              <city:hall one-door="false"/>
              <city:hall/>
              <governance elections="true"><city:minutes year="2024"/></governance>
            </survey>
            """
        let loaded = try MinimalSurvey.load(text)
        let survey = loaded.survey
        #expect(survey.community.name == "测试社区")
        #expect(survey.community.place == .line(7))
        // Only the survey-namespace room counts; foreign <hall>s are not halls.
        #expect(survey.centre?.rooms.map(\.name) == ["办公室"])
        #expect(survey.factGroups["hall"] == nil)
        #expect(survey.factGroups["governance"]?.attributes == ["elections": "true"])
        // Foreign attributes do not leak into the facts.
        #expect(survey.factGroups["community"]?.attributes["grid"] == nil)
    }

    @Test("a DOCTYPE in a survey is refused before anything is read from it")
    func doctypeRefused() throws {
        let text = MinimalSurvey.replacing(
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            with: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE survey [<!ENTITY name SYSTEM \"file:///etc/passwd\">]>")
            .replacingOccurrences(of: #"name="测试社区""#, with: #"name="&name;""#)
        let diagnostics = try #require(throws: Diagnostics.self) { try MinimalSurvey.load(text, path: "dtd.xml") }
        #expect(diagnostics.items == [Diagnostic(.xmlDoctype, at: .init(file: "dtd.xml", line: 2, column: 1), ["kind": "survey"])])
    }

    @Test("not well-formed and empty surveys get the same file:line:col treatment")
    func notWellFormed() throws {
        let truncated = String(MinimalSurvey.text.prefix(while: { $0 != "办" }))
        let diagnostics = try #require(throws: Diagnostics.self) { try MinimalSurvey.load(truncated, path: "cut.xml") }
        #expect(diagnostics.items.first?.code == .xmlTruncated)
        #expect(diagnostics.items.first?.location.file == "cut.xml")
        #expect(diagnostics.items.first?.location.line == 7)
        let empty = try #require(throws: Diagnostics.self) { try MinimalSurvey.load("", path: "empty.xml") }
        #expect(empty.items == [Diagnostic(.xmlEmpty, at: .init(file: "empty.xml", line: 1, column: 1))])
    }
}
