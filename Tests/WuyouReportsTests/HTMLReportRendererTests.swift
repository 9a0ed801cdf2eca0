import Foundation
import WuyouWords
import Testing
import WuyouCore
import WuyouLedger
import WuyouDecimal
import WuyouTestSupport
@testable import WuyouReports
import WuyouMustache

/// One bundled example rendered in one language, compared with its golden file.
struct GoldenCase: CustomTestStringConvertible, Sendable {
    let example: String
    let language: ReportLanguage
    var goldenName: String { "\(example).\(language.rawValue).html" }
    var testDescription: String { goldenName }

    static let all: [GoldenCase] = ["daqiaolu", "hangkonglu", "youyilu"].flatMap { example in
        ReportLanguage.allCases.map { GoldenCase(example: example, language: $0) }
    }

    /// One golden file keeps the whole stylesheet; the others render a one-line stub in its
    /// place, so that a change of style shows once, not six times.
    var keepsStylesheet: Bool { example == "youyilu" && language == .zh }
}

/// Survey text with markup in every place a survey can put text on the page.
private let markup = #"<script>alert(1)</script> "'&"#
private let markupSurvey = #"""
<?xml version="1.0" encoding="UTF-8"?>
<survey xmlns="urn:wuyou:survey:1" id="&lt;script&gt;alert(1)&lt;/script&gt; &quot;'&amp; id" date="2024-05-14">
  <inspector>&lt;script&gt;alert(1)&lt;/script&gt; "'&amp; inspector</inspector>
  <community name="&lt;script&gt;alert(1)&lt;/script&gt; &quot;'&amp; community" subdistrict="&lt;script&gt;alert(1)&lt;/script&gt; &quot;'&amp; subdistrict" households="1500"/>
  <centre area="300" premises="renovated">
    <room area="30">&lt;script&gt;alert(1)&lt;/script&gt; "'&amp; room</room>
    <room type="office" area="30">&lt;script&gt;alert(1)&lt;/script&gt; "'&amp; office</room>
  </centre>
  <service-station>
    <department-windows>
      <department name="&lt;script&gt;alert(1)&lt;/script&gt; &quot;'&amp; department" window="false"/>
    </department-windows>
  </service-station>
  <developments>
    <development name="&lt;script&gt;alert(1)&lt;/script&gt; &quot;'&amp; development" floor-area="10000" service-space="0"/>
  </developments>
</survey>
"""#

/// A survey written only in ASCII, touching every section: gaps, a partial, unknowns,
/// not-applicable rules, an award, developments, warnings and rooms.
private let asciiSurvey = #"""
<?xml version="1.0" encoding="UTF-8"?>
<survey xmlns="urn:wuyou:survey:1" id="ascii-2024" date="2024-05-14">
  <inspector>Wang Fang</inspector>
  <community name="Friendship Road" code="420682001003" subdistrict="Zanyang" households="1800"/>
  <centre area="280" premises="renovated">
    <hall one-door="false" windows="2"/>
    <room type="office" area="30">Office</room>
    <room type="party-activity citizen-school no-such-code" area="0">Party room</room>
    <room area="15">Store</room>
  </centre>
  <service-station>
    <staff full-time="1"/>
    <regulations><regulation>Duty rota</regulation></regulations>
    <department-windows><department name="Civil affairs" window="false"/></department-windows>
  </service-station>
  <governance residents-congress="true" elections="true" decisions="false" management="true" supervision="true"/>
  <funding staff-monthly-subsidy="450"/>
  <developments>
    <development name="Riverside phase 2" floor-area="30000" service-space="40"/>
    <development name="Bridge Road" floor-area="12000" service-space="0" funds-in-lieu-area="24"/>
  </developments>
</survey>
"""#

@Suite("HTML gap report")
struct HTMLReportRendererTests {
    @Test("examples match their golden files", arguments: GoldenCase.all)
    func golden(_ golden: GoldenCase) throws {
        let report = try HTMLFixtures.example(golden.example)
        let stub = HTMLFixtures.goldenFolder.appendingPathComponent("stub-style").path
        let html = try HTMLFixtures.render(report, language: golden.language, templates: golden.keepsStylesheet ? nil : stub)
        try assertGolden(html, named: golden.goldenName)
    }

    @Test("rendering is deterministic", arguments: ReportLanguage.allCases)
    func deterministic(_ language: ReportLanguage) throws {
        let report = try HTMLFixtures.example("hangkonglu")
        let first = try HTMLFixtures.render(report, language: language)
        let again = try HTMLFixtures.render(try HTMLFixtures.example("hangkonglu"), language: language)
        #expect(!first.isEmpty)
        #expect(first == again)
    }

    @Test("survey text with markup is escaped", arguments: ReportLanguage.allCases)
    func escapesSurveyText(_ language: ReportLanguage) throws {
        let report = try HTMLFixtures.survey(xml: markupSurvey)
        let html = try HTMLFixtures.render(report, language: language)
        #expect(html.range(of: "<script", options: .caseInsensitive) == nil)
        #expect(!html.contains(markup))
        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&#39;&amp;"
        for place in ["community", "subdistrict", "inspector", "room", "office", "development", "id"] {
            #expect(html.contains("\(escaped) \(place)"), "\(place) is not shown escaped")
        }
        #expect(html.contains("<title>\(escaped) community · "))
        // The department name is not shown, but must not leak unescaped either.
        #expect(!html.contains("</script> \"'& department"))
    }

    @Test("survey text is escaped inside attributes of a city's template")
    func escapesAttributes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try #"<p class="who" title="{{subtitle}}" data-survey="{{provenance.surveyFile}}">{{labels.generatedBy}}</p>"#
            .write(to: folder.appendingPathComponent("provenance.mustache"), atomically: true, encoding: .utf8)
        let report = try HTMLFixtures.survey(xml: markupSurvey, path: #"dir/"quoted'&<b>.xml"#)
        let html = try HTMLFixtures.render(report, language: .zh, templates: folder.path)
        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&#39;&amp;"
        #expect(html.contains(#"title="\#(escaped) community（\#(escaped) subdistrict）""#))
        #expect(html.contains(#"data-survey="&quot;quoted&#39;&amp;&lt;b&gt;.xml""#))
        #expect(html.range(of: "<script", options: .caseInsensitive) == nil)
    }

    @Test("the page forbids scripts and remote loads")
    func contentSecurityPolicy() throws {
        let html = try HTMLFixtures.render(try HTMLFixtures.example("youyilu"), language: .zh)
        #expect(html.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">"#))
        for remote in ["http://", "https://", "<script", "<link", "@import", "url("] {
            #expect(!html.contains(remote), "the page refers to \(remote)")
        }
    }

    @Test("--template replaces a built-in partial, the rest stays built in")
    func templateOverride() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let emblem = #"<p class="city-emblem">老河口市民政局 · {{provenance.checklistId}}</p>"#
        try emblem.write(to: folder.appendingPathComponent("provenance.mustache"), atomically: true, encoding: .utf8)
        try "not a template".write(to: folder.appendingPathComponent("README.txt"), atomically: true, encoding: .utf8)
        let report = try HTMLFixtures.example("youyilu")
        let html = try HTMLFixtures.render(report, language: .zh, templates: folder.path)
        #expect(html.contains(#"<p class="city-emblem">老河口市民政局 · laohekou-2023</p>"#))
        #expect(!html.contains(#"<div class="provenance">"#))
        #expect(html.contains("<h1>社区综合服务中心达标检查报告</h1>"))
        #expect(html.contains(#"<span class="chip chip-gap">未达标</span>"#))
    }

    @Test("an unreadable template folder or a broken template is an error")
    func templateErrors() throws {
        let folderError = try #require(throws: Diagnostics.self) {
            try HTMLReportRenderer(language: .zh, templateDirectory: "/nonexistent/wuyou-templates")
        }
        #expect(folderError.items.first?.code == .templateFolderUnreadable)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{#open}} never closed".write(to: folder.appendingPathComponent("status.mustache"), atomically: true, encoding: .utf8)
        let templateError = try #require(throws: Diagnostics.self) {
            try HTMLReportRenderer(language: .zh, templateDirectory: folder.path)
        }
        let diagnostic = try #require(templateError.items.first)
        #expect(diagnostic.code == .templateInvalid)
        #expect(diagnostic.location.file == folder.appendingPathComponent("status.mustache").path)
        #expect(diagnostic.location.line == 1)
        #expect(DiagnosticText(language: .en).message(for: diagnostic).hasPrefix("not a valid mustache template: the section “"))
        #expect(DiagnosticText(language: .zh).message(for: diagnostic).hasPrefix("不是有效的 mustache 模板：区块“"))
    }

    @Test("a misspelt name, a recursive partial or deep nesting in a city's folder is one diagnostic at its place")
    func templateFolderErrors() throws {
        let cases: [(file: String, text: String, code: DiagnosticCode, line: Int)] = [
            ("report.mustache", "<h1>\n  {{labels.titel}}</h1>", .templateUnknownName, 2),
            ("index.mustache", "{{>index}}", .templateRecursion, 1),
            ("status.mustache", String(repeating: "{{#passes}}", count: 5000), .templateTooDeep, 1),
            ("provenance.mustache", "{{{subtitle}}}", .templateUnescapedText, 1),
        ]
        for item in cases {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try item.text.write(to: folder.appendingPathComponent(item.file), atomically: true, encoding: .utf8)
            let error = try #require(throws: Diagnostics.self) { try TemplateLibrary(overridesIn: folder.path) }
            #expect(error.items.count == 1)
            let diagnostic = try #require(error.items.first)
            #expect(diagnostic.code == item.code, "\(item.file)")
            #expect(diagnostic.location.file == folder.appendingPathComponent(item.file).path)
            #expect(diagnostic.location.line == item.line)
        }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{labels.titel}}".write(to: folder.appendingPathComponent("report.mustache"), atomically: true, encoding: .utf8)
        let error = try #require(throws: Diagnostics.self) { try TemplateLibrary(overridesIn: folder.path) }
        #expect(DiagnosticText(language: .en).line(for: try #require(error.items.first)).hasSuffix(
            "report.mustache:1:1: the template reads “labels.titel”, which does not exist here; did you mean “labels.title”?"))
    }

    @Test("a template that is a symbolic link is refused, wherever it points")
    func symbolicLinkTemplate() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("provenance.mustache").path, withDestinationPath: "/etc/hostname")
        let error = try #require(throws: Diagnostics.self) { try TemplateLibrary(overridesIn: folder.path) }
        #expect(error.items.first?.code == .templateNotAFile)
    }

    @Test("a template that is a hard link is refused: it can name a file outside the folder")
    func hardLinkTemplate() throws {
        let folder = try temporaryFolder()
        let outside = try temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: outside)
        }
        let secret = outside.appendingPathComponent("secret.mustache")
        try Data("秘密 {{! a file outside the template folder }}".utf8).write(to: secret)
        try FileManager.default.linkItem(at: secret, to: folder.appendingPathComponent("provenance.mustache"))
        let error = try #require(throws: Diagnostics.self) { try TemplateLibrary(overridesIn: folder.path) }
        #expect(error.items.map(\.code) == [.templateNotAFile])
        #expect(DiagnosticText(language: .en).message(for: try #require(error.items.first)).contains("hard link"))
        // The same file with one name is taken.
        try FileManager.default.removeItem(at: secret)
        _ = try TemplateLibrary(overridesIn: folder.path)
    }

    @Test("the footer traces the page to its tool, checklist and survey file")
    func provenance() throws {
        let report = try HTMLFixtures.example("daqiaolu")
        let html = try HTMLReportRenderer(language: .en, templateDirectory: nil).render(report, surveyFileName: nil, indexHref: "../index.html")
        #expect(html.contains("Generated by wuyou \(WuyouVersion.current)"))
        #expect(html.contains("laohekou-2023 version \(report.checklist.version)"))
        #expect(html.contains("<code>\(report.checklist.shortHash)</code>"))
        #expect(html.contains("<code>daqiaolu.xml</code>"))
        #expect(!html.contains("/examples/"))
        #expect(html.contains(#"<a href="../index.html">← Back to the summary</a>"#))
    }

    @Test("the verdict counts mandatory requirements by status")
    func verdict() throws {
        let zh = try HTMLFixtures.render(try HTMLFixtures.example("daqiaolu"), language: .zh)
        #expect(zh.contains("<span class=\"verdict-word\">未达标</span>"))
        #expect(zh.contains("必备要求19项中，未达标16项，部分达标0项，数据缺失1项。"))
        #expect(zh.contains("<strong>5.9%</strong>"))
        let en = try HTMLFixtures.render(try HTMLFixtures.example("youyilu"), language: .en)
        #expect(en.contains("Of 19 mandatory requirements, 1 not met, 1 partly met, 0 lacking data."))
    }

    /// Machine-written surveys put everything on one line: each row must still show its own development.
    @Test("developments on one line keep their own floor areas")
    func developmentsOnOneLine() throws {
        let xml = try String(contentsOf: HTMLFixtures.root.appendingPathComponent("examples/daqiaolu.xml"), encoding: .utf8)
            .replacingOccurrences(of: "\n    <development name=\"大桥路商住楼\"", with: " <development name=\"大桥路商住楼\"")
        let report = try HTMLFixtures.survey(xml: xml)
        let lines = report.funding.obligations.map(\.place)
        #expect(lines.count == 2 && lines[0] == lines[1])
        let html = try HTMLFixtures.render(report, language: .zh)
        #expect(html.contains(">30000<"))
        #expect(html.contains(">12000<"))
        #expect(html.contains(">42000<"), "the total floor area")
    }
}

@Suite("HTML labels")
struct HTMLLabelsTests {
    /// The `labels.<key>` names the templates of the single report read.
    static func templateLabelKeys() -> Set<String> {
        let names: Set<String> = ["report", "met-table", "status", "provenance", "style"]
        var keys: Set<String> = []
        for (file, text) in EmbeddedFiles.all where names.contains(file.replacingOccurrences(of: ".mustache", with: "")) {
            var rest = Substring(text)
            while let range = rest.range(of: "labels.") {
                rest = rest[range.upperBound...]
                let key = String(rest.prefix { $0.isLetter || $0.isNumber })
                if !key.isEmpty { keys.insert(key) }  // "labels.*" in a template comment
            }
        }
        return keys
    }

    @Test("every label the templates read exists in both languages")
    func templateKeysExist() {
        let keys = Self.templateLabelKeys()
        #expect(keys.count > 40)
        let known = Set(HTMLLabels.Key.allCases.map(\.rawValue))
        #expect(keys.subtracting(known).isEmpty, "labels missing from HTMLLabels: \(keys.subtracting(known).sorted())")
        for language in ReportLanguage.allCases {
            let words = Words(language)
            for key in HTMLLabels.Key.allCases {
                let has = words.has("report.label.\(key.rawValue)")
                #expect(has, "\(language) has no words for labels.\(key.rawValue)")
            }
        }
    }

    @Test("every label of the audit pages has its words in both languages", arguments: AuditLabels.Key.allCases)
    func auditLabel(_ key: AuditLabels.Key) {
        for language in ReportLanguage.allCases {
            let has = Words(language).has("audit.label.\(key.rawValue)")
            #expect(has, "\(language) has no words for audit labels.\(key.rawValue)")
        }
    }

    @Test("every Chinese label has an English translation", arguments: HTMLLabels.Key.allCases)
    func translated(_ key: HTMLLabels.Key) {
        let english = HTMLLabels(language: .en)[key]
        let chinese = HTMLLabels(language: .zh)[key]
        #expect(!english.isEmpty)
        // The rooms note quotes the Chinese spinner word it explains.
        if key != .roomsNote {
            #expect(!containsCJK(english), "English label \(key) contains Chinese: \(english)")
        }
        if containsCJK(chinese) {
            #expect(english != chinese)
        }
    }

    @Test("an English page of an English survey has no Chinese outside the checklist's clauses")
    func englishPage() throws {
        let report = try HTMLFixtures.survey(xml: asciiSurvey)
        var html = try HTMLFixtures.render(report, language: .en)
        #expect(html.contains(#"<html lang="en">"#))
        // Clauses are the policy's own numbering (二(二)1); the checklist's English titles say 元.
        let clauses = Set(report.checklist.requirements.map(\.clause) + report.checklist.awards.map(\.clause))
        for clause in clauses.sorted(by: { $0.count > $1.count }) {
            html = html.replacingOccurrences(of: clause, with: "")
        }
        html = html.replacingOccurrences(of: "(效劳 for 服务)", with: "")
        html = html.replacingOccurrences(of: "元", with: "")
        let lines = html.components(separatedBy: "\n").filter(containsCJK)
        #expect(lines.isEmpty, "Chinese left on the English page:\n\(lines.joined(separator: "\n"))")
    }

    @Test("a Chinese page is marked zh-CN")
    func chinesePage() throws {
        let html = try HTMLFixtures.render(try HTMLFixtures.example("youyilu"), language: .zh)
        #expect(html.contains(#"<html lang="zh-CN">"#))
    }
}

/// A sample view model next to the templates and the example it was written from.
struct SampleCase: CustomTestStringConvertible, Sendable {
    let sample: String
    let example: String
    /// Judge the example with the ledger fixture, so the sample documents the ledger's keys too.
    var ledger = false
    var testDescription: String { sample }
}

@Suite("HTML view model")
struct ReportViewModelTests {
    @Test(
        "the view model answers every key of the template samples, booleans as flags",
        arguments: [
            SampleCase(sample: "sample-report.json", example: "hangkonglu"),
            SampleCase(sample: "sample-report-daqiaolu.json", example: "daqiaolu"),
            SampleCase(sample: "sample-report-ledger.json", example: "youyilu", ledger: true),
        ])
    func answersSampleKeys(_ sample: SampleCase) throws {
        let report = try HTMLFixtures.example(sample.example)
        // A change since an earlier audit, so the sample documents the 较上次 section too.
        let before = BaselineAudit.Centre(
            path: "old.xml", id: "old-id", community: report.survey.community.name, subdistrict: report.survey.community.subdistrict,
            date: "2023-06-12", passes: false, score: ExactDecimal("0.5")!, statuses: ["room.police": .gap, "hall.one-door": .gap])
        let since = BaselineComparison.CentreChange(baseline: before, scoreChange: ExactDecimal("0.25")!, gapsClosed: ["hall.one-door"], gapsOpened: [])
        var judgement: LedgerJudgement?
        if sample.ledger {
            let path = HTMLFixtures.root.appendingPathComponent("Tests/Fixtures/ledgers/examples.xml").path
            let ledger = try LedgerAssembly.ledger([try LedgerReader.load(path: path)], checklist: report.checklist)
            judgement = LedgerJudgement(report: report, ledger: ledger)
        }
        let model = ReportViewModel(
            report: report, language: .zh, toolVersion: "0.0.0-test", indexHref: "../index.html",
            stylesheetHref: "../style.css", since: since, ledger: judgement)
        try recordOrCompare(ReportViewModel.templateFields.sample(of: model), sample: sample.sample, schema: ReportViewModel.templateFields.kind(of:))
    }

    @Test("the index's view model answers every key of sample-index.json, booleans as flags")
    func indexAnswersSampleKeys() throws {
        let reports = try ["daqiaolu", "hangkonglu", "youyilu"].map { try HTMLFixtures.example($0) }
        let summary = AuditSummary(
            checklist: HTMLFixtures.checklist, strict: false,
            outcomes: reports.map { .audited(AuditedSurvey(report: $0, strict: false)) }
                + [.failed(UnusedSurvey(path: "bad.xml", identity: nil, diagnostics: [Diagnostic(.xmlEmpty, at: .init(file: "bad.xml", line: 1, column: 1))]))])
        let gone = BaselineAudit.Centre(
            path: "old.xml", id: "old", community: "旧社区", subdistrict: nil, date: "2023-01-01", passes: false,
            score: ExactDecimal("0.5")!, statuses: [:])
        let baseline = BaselineAudit(path: "old/audit.json", centres: [gone], passRate: 0)
        let model = IndexPage(
            summary: summary, comparison: BaselineComparison(summary: summary, baseline: baseline), language: .zh,
            toolVersion: "0.0.0-test")
        try recordOrCompare(IndexPage.templateFields.sample(of: model), sample: "sample-index.json", schema: IndexPage.templateFields.kind(of:))
    }

    /// Writes the sample view model beside the templates (`WUYOU_RECORD_GOLDEN=1`), or checks
    /// that every key of the committed sample is one the view model answers, with its kind.
    private func recordOrCompare(_ value: TemplateSample, sample: String, schema: (String) -> TemplateFieldKind?) throws {
        let url = HTMLFixtures.templateFolder.appendingPathComponent(sample)
        if ProcessInfo.processInfo.environment["WUYOU_RECORD_GOLDEN"] == "1" {
            try Data((Self.json(value).serialized() + "\n").utf8).write(to: url)
            return
        }
        let tree = try JSONDecoder().decode(JSONTree.self, from: Data(contentsOf: url))
        compare(tree, schema: schema, path: "")
    }

    private static func json(_ sample: TemplateSample) -> JSONValue {
        switch sample {
        case .text(let text): .string(text)
        case .number(let number): .integer(number)
        case .flag(let flag): .bool(flag)
        case .object(let members?): .object(members.map { ($0.0, json($0.1)) })
        case .object(nil): .null
        case .list(let items): .array(items.prefix(2).map(json))
        }
    }

    private func compare(_ tree: JSONTree, schema: (String) -> TemplateFieldKind?, path: String) {
        guard case .object(let members) = tree else {
            Issue.record("\(path) is not an object in the sample")
            return
        }
        for (key, member) in members.sorted(by: { $0.key < $1.key }) {
            guard let kind = schema(key) else {
                Issue.record("\(path).\(key) is missing")
                continue
            }
            compare(member, kind, path: "\(path).\(key)")
        }
    }

    private func compare(_ tree: JSONTree, _ kind: TemplateFieldKind, path: String) {
        switch (tree, kind) {
        case (.object, .object(_, _, let schema)):
            compare(tree, schema: schema, path: path)
        case (.array(let items), .list(let names, let schema)):
            // A list of strings (`{{.}}`) has no names of its own.
            if let first = items.first, !(names.isEmpty && first.isScalar) { compare(first, schema: schema, path: "\(path)[0]") }
        case (.bool, .flag), (.scalar, .text), (.scalar, .number), (.scalar, .trustedText), (.null, .object(_, true, _)):
            break
        default:
            Issue.record("\(path) is \(kind) in the view model but not in the sample")
        }
    }
}

/// A JSON document read just far enough to tell booleans from other scalars.
private enum JSONTree: Decodable {
    case object([String: JSONTree])
    case array([JSONTree])
    case bool
    case scalar
    /// An optional object that is absent.
    case null

    var isScalar: Bool {
        if case .scalar = self { true } else { false }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let object = try? container.decode([String: JSONTree].self) {
            self = .object(object)
        } else if let array = try? container.decode([JSONTree].self) {
            self = .array(array)
        } else if (try? container.decode(Bool.self)) != nil {
            self = .bool
        } else {
            self = .scalar
        }
    }
}

/// Han characters, CJK punctuation and full-width forms (e.g. `，`, `（`).
private func containsCJK(_ text: String) -> Bool {
    text.unicodeScalars.contains { scalar in
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3000...0x303F).contains(scalar.value)
            || (0xFF00...0xFFEF).contains(scalar.value)
    }
}

private func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wuyou-html-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}
