import Foundation
import Testing
import WuyouCore
import WuyouTestSupport
@testable import WuyouReports

/// The `wuyou-report/1` JSON of each example, kept as golden files a reviewer can read
/// against docs/spec/examples/expected.md (statuses, shortfalls, score, funding).
@Suite("JSON reports")
struct JSONReportRendererTests {
    @Test(arguments: ["youyilu", "daqiaolu", "hangkonglu"])
    func exampleMatchesItsGoldenFile(_ name: String) throws {
        let report = try HTMLFixtures.example(name)
        var json = JSONReportRenderer(language: .zh).render(report)
        // The path is wherever the tests run from; the golden file names it relative to the package.
        json = json.replacingOccurrences(of: HTMLFixtures.root.path + "/", with: "")
        try assertGolden(json, named: "\(name).json")
    }

    @Test("the words worked out once per checklist give the same JSON as wording each finding",
          arguments: ["youyilu", "daqiaolu", "hangkonglu"])
    func prewrittenWordsChangeNothing(_ name: String) throws {
        let report = try HTMLFixtures.example(name)
        let prewritten = JSONReportRenderer(language: .zh, checklist: report.checklist)
        #expect(report.findings.contains { $0.expectsRuleStandard })
        #expect(prewritten.render(report) == JSONReportRenderer(language: .zh).render(report))
    }

    @Test("a finding whose expectation is changed after evaluation is written with the new one",
          arguments: HTMLFixtures.checklist.requirements.indices)
    func changedExpectationIsWritten(_ index: Int) throws {
        var report = try HTMLFixtures.example("daqiaolu")
        let changed = FindingValue.atLeast(7, unit: "m2")
        report.findings[index].expected = changed
        #expect(!report.findings[index].expectsRuleStandard)
        let data = Data(JSONReportRenderer(language: .zh, checklist: report.checklist).render(report).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings[index]["expected"] as? String == ReportText(language: .zh, checklist: report.checklist).value(changed))
    }

    @Test func shapeFollowsTheContract() throws {
        let report = try HTMLFixtures.example("daqiaolu")
        let data = Data(JSONReportRenderer().render(report).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["format"] as? String == "wuyou-report/1")
        #expect(Set(object.keys) == ["format", "survey", "checklist", "passes", "score", "counts", "findings", "funding", "warnings"])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["id"] as? String } == HTMLFixtures.checklist.requirements.map(\.id))
        for finding in findings {
            for key in ["id", "status", "severity", "basis", "clause", "title", "expected", "observed"] {
                #expect(finding[key] != nil, "\(finding["id"] ?? "?") lacks \(key)")
            }
            let numericShortfall = finding["status"] as? String == "gap" || finding["status"] as? String == "partial"
            if !numericShortfall { #expect(finding["shortfall"] == nil && finding["unit"] == nil) }
            #expect((finding["shortfall"] == nil) == (finding["unit"] == nil))
        }
        for warning in try #require(object["warnings"] as? [[String: Any]]) {
            #expect(warning["line"] is NSNumber)
            #expect(warning["message"] is String)
        }
    }

    @Test func stringsAreEscaped() {
        let value = JSONValue.object([("a\"b", .string("line\nbreak\t\u{1}\\ 引号\""))])
        #expect(value.serialized() == "{\n  \"a\\\"b\": \"line\\nbreak\\t\\u0001\\\\ 引号\\\"\"\n}")
    }

    @Test("strings escape quotes, backslashes, controls and the two JavaScript line separators, nothing else")
    func stringEscapes() {
        let text = "a\"b\\c\nd\re\tf\u{1}g\u{1F}h\u{2028}i\u{2029}j é 社区 \u{2027}"
        #expect(JSONValue.string(text).serialized() == #""a\"b\\c\nd\re\tf\u0001g\u001fh\u2028i\u2029j é 社区 \#u{2027}""#)
    }
}
