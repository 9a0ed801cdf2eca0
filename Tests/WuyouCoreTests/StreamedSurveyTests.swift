import Foundation
import Testing
@testable import WuyouCore
import WuyouXML

/// A checklist without XPath rules reads surveys in one pass that validates while it parses
/// (``SurveyLoader/loadSurvey(bytes:path:)``); it must give what the tree gives, survey for
/// survey and diagnostic for diagnostic.
@Suite("Surveys read while validating")
struct StreamedSurveyTests {
    static var surveyFiles: [String] {
        ["Tests/Fixtures/surveys", "examples"].flatMap { folder -> [String] in
            let directory = Fixtures.repository.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.filter { $0.hasSuffix(".xml") }.sorted().map { directory.appendingPathComponent($0).path }
        }
    }

    static let base = """
        <?xml version="1.0" encoding="UTF-8"?>
        <survey xmlns="urn:wuyou:survey:1" id="t-1" date="2024-05-14">
          <inspector>王芳</inspector>
          <community name="测试社区" code="420682" subdistrict="赞阳办事处" households="1720"/>
          <centre area="594" premises="own">
            <hall one-door="true" windows="2"/>
            <room type="office police" area="20">办公室</room>
            <room area="15">调解室</room>
          </centre>
          <service-station>
            <staff full-time="1" part-time="2"/>
            <services><service>服务0</service></services>
            <department-windows><department name="部门0" window="false"/></department-windows>
          </service-station>
          <governance elections="true"/>
          <developments><development name="项目" floor-area="10000" service-space="15" funds-in-lieu-area="2"/></developments>
          <notes>备注</notes>
        </survey>
        """

    /// Edits of the base survey, valid or not, reaching every way the two readings could differ,
    /// and whether the one pass takes the document (else the tree reading has the last word).
    static let editCases: [(String, String, Bool)] = [
        ("as it is", "", true),
        ("entities in values and text", #"name="测试社区" → name="测试&amp;社区&#38;&lt;&#x4E2D;""#, true),
        ("entities in text", "<notes>备注</notes> → <notes>a &amp; b &#38; &lt;c&gt; &#x4E2D;<![CDATA[<d>&amp;]]></notes>", true),
        ("foreign elements and attributes", #"<governance elections="true"/> → <x:g xmlns:x="urn:x" a="1"><governance/><x:h/></x:g><governance xmlns:y="urn:y" y:z="2" elections="true"><y:k>t</y:k></governance>"#, true),
        ("a comment and a processing instruction in text", "<notes>备注</notes> → <notes>备<!-- c -->注<?pi x?></notes>", true),
        ("white space around values", #"households="1720" → households=" 1720 ""#, true),
        ("a placeholder", "<inspector>王芳</inspector> → <inspector>（检查人姓名）</inspector>", true),
        ("a repeated element", #"<hall one-door="true" windows="2"/> → <hall one-door="true" windows="2"/><hall/>"#, true),
        ("a missing community", #"<community name="测试社区" code="420682" subdistrict="赞阳办事处" households="1720"/> → "#, true),
        ("not valid", #"households="1720" → households="many""#, false),
        ("an unknown element", "<notes>备注</notes> → <notes>备注</notes><sauna/>", false),
        ("not well-formed", "</survey> → </surve>", false),
        ("an undefined prefix", "<notes>备注</notes> → <p:notes>备注</p:notes>", false),
        ("a DOCTYPE", #"<survey xmlns → <!DOCTYPE survey [<!ENTITY e "x">]><survey xmlns"#, false),
        ("a name too long", "<inspector>王芳</inspector> → <inspector>" + String(repeating: "王", count: 201) + "</inspector>", true),
        ("too many codes", #"type="office police" → type=""# + String(repeating: "a ", count: 21) + #"""#, true),
        ("a foreign root", #"<survey xmlns="urn:wuyou:survey:1" → <survey xmlns="urn:other""#, false),
        ("no XML declaration", #"<?xml version="1.0" encoding="UTF-8"?> → "#, true),
    ]

    static func edited(_ edit: String) -> String {
        guard let arrow = edit.range(of: " → ") else { return base }
        return base.replacingOccurrences(of: String(edit[..<arrow.lowerBound]), with: String(edit[arrow.upperBound...]))
    }

    /// The survey, as text of every stored property, or the diagnostics.
    static func outcome(_ load: () throws(Diagnostics) -> Survey) -> Outcome {
        do {
            return .survey(String(describing: try load()))
        } catch {
            // Compared as values: a diagnostic's arguments are a dictionary, printed in any order.
            return .refused(error)
        }
    }

    enum Outcome: Equatable {
        case survey(String)
        case refused(Diagnostics)
    }

    static func check(_ bytes: [UInt8], path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let streamed = outcome { () throws(Diagnostics) in try SurveyLoader.loadSurvey(bytes: bytes, path: path) }
        let tree = outcome { () throws(Diagnostics) in try SurveyLoader.load(bytes: bytes, path: path).survey }
        #expect(streamed == tree, sourceLocation: sourceLocation)
    }

    @Test("each edit of a survey reads the same in one pass as through the tree", arguments: editCases.map(\.0))
    func edited(named name: String) {
        let (_, edit, onePass) = Self.editCases.first { $0.0 == name }!
        let text = Self.edited(edit)
        #expect(text != Self.base || edit.isEmpty, "the edit does not apply")
        Self.check(Array(text.utf8), path: "edit.xml")
        let table = SurveyLoader.schema.validTable(of: Array(text.utf8), limits: InputLimits.surveyXML, vocabulary: SurveyNames.vocabulary)
        #expect((table != nil) == onePass)
    }

    @Test("the fixtures and examples read the same in one pass as through the tree")
    func filesReadTheSame() throws {
        for path in Self.surveyFiles {
            Self.check(try InputFile.bytes(at: path), path: path)
        }
    }

    /// What an evaluation concluded: every finding's verdict and evidence (as text), the
    /// warnings (as values: their arguments are a dictionary, printed in any order), the
    /// score, the funding and how each room was recognised.
    struct Evaluation: Equatable {
        var findings: [String]
        var warnings: [Diagnostic]
        var summary: [String]

        init(_ report: SurveyReport) {
            findings = report.findings.map { finding in
                [finding.requirement.id, finding.status.rawValue, String(describing: finding.expected), String(finding.expectsRuleStandard),
                 String(describing: finding.observed), String(describing: finding.shortfall), String(describing: finding.unit),
                 String(describing: finding.place), String(describing: finding.obligations), String(describing: finding.possibleTypos)]
                    .joined(separator: " | ")
            }
            warnings = report.warnings
            summary = ["\(String(describing: report.score)) \(report.passes) \(report.funding.awardTotal) \(report.funding.developerShortfallArea)"]
                + report.rooms.entries.map { "\($0.normalisedName) \($0.codes) \($0.unknownCodes) \($0.recognition) \($0.probableCodes)" }
        }
    }

    @Test("generated surveys read the same in one pass as through the tree, and evaluate the same", arguments: [1, 2, 3, 4] as [UInt64])
    func generatedSurveysReadTheSame(seed: UInt64) throws {
        var generator = SurveyGenerator(seed: seed)
        let evaluator = Evaluator(checklist: Fixtures.checklist)
        var accepted = 0, refused = 0, acceptedInUTF8 = 0, onePassInUTF8 = 0
        for index in 0..<80 {
            let sample = generator.sample()
            let path = "generated-\(seed)-\(index).xml"
            let streamed = Self.outcome { () throws(Diagnostics) in try SurveyLoader.loadSurvey(bytes: sample.bytes, path: path) }
            let tree = Self.outcome { () throws(Diagnostics) in try SurveyLoader.load(bytes: sample.bytes, path: path).survey }
            #expect(streamed == tree, "\(path) (\(sample.summary))")
            guard case .survey = tree else {
                refused += 1
                continue
            }
            accepted += 1
            if sample.encoding == "UTF-8" {
                acceptedInUTF8 += 1
                if SurveyLoader.schema.validTable(of: sample.bytes, limits: InputLimits.surveyXML, vocabulary: SurveyNames.vocabulary) != nil {
                    onePassInUTF8 += 1
                }
            }
            let loaded = try SurveyLoader.load(bytes: sample.bytes, path: path)
            let survey = try SurveyLoader.loadSurvey(bytes: sample.bytes, path: path)
            #expect(Evaluation(evaluator.evaluate(survey)) == Evaluation(evaluator.evaluate(loaded.survey, document: loaded.document)),
                    "\(path) (\(sample.summary))")
        }
        // The property says something only if both kinds are many, and the one pass took the
        // surveys it is for (what it leaves to the tree is read the same by construction): nine
        // in ten of those in UTF-8 the tree accepted, at least.
        #expect(accepted >= 30 && refused >= 10, "accepted \(accepted), refused \(refused)")
        #expect(acceptedInUTF8 >= 15 && onePassInUTF8 * 10 >= acceptedInUTF8 * 9, "the one pass took \(onePassInUTF8) of \(acceptedInUTF8)")
    }
}
