import Foundation
import Testing
import WuyouCore
import WuyouTestSupport
@testable import WuyouReports

@Suite("Diagnostics in words")
struct DiagnosticTextTests {
    /// Every argument any wording uses, so that no `{name}` is left unfilled.
    static let arguments: [String: DiagnosticArgument] = [
        "reason": "Permission denied", "limit": .count(8), "kind": "checklist", "message": "libxml2 says so",
        "element": "hall", "parent": "centre", "first": .count(6), "name": "图书室",
        "room": .localized(LocalizedText(["zh": "图书阅览室", "en": "Library"])), "code": "sauna", "total": .number(230),
        "area": .number(100), "count": .count(3), "requirement": "area.minimum", "id": "beijing-2024",
        "bundled": .list(["laohekou-2023", "wuhan-2024"]), "value": "x", "category": "picnics", "minimum": .number(0),
        "floor": .number(0), "allowed": .list(["a", "b"]), "fact": "governance.picnics", "type": "boolean",
        "inventory": "departments", "expression": "//[", "problem": "Invalid expression", "format": "wuyou-report/1",
        "detail": "missing .reports", "file": "thesis.txt", "output": "site", "what": "<room>", "length": .count(300), "field": "summary.passRate", "found": "urn:x", "suggestion": "room", "attribute": "colour", "examples": .list(["（检查人姓名）"]), "title": "面积不低于300平方米", "stated": .list(["300"]), "parameters": .list(["400"]),
        "column": .localized(LocalizedText(["zh": "面积", "en": "area"])), "header": "面積", "sheet": "Sheet1",
        "expected": .list(["调查表/surveys", "用房/rooms"]), "target": "file:///etc/passwd", "part": "xl/workbook.xml",
        "unit": "m²", "chain": "index → index",
    ]

    @Test("every code has a one-line message in Chinese and in English, with every argument filled",
          arguments: DiagnosticCode.allCases)
    func worded(_ code: DiagnosticCode) {
        let diagnostic = Diagnostic(code, at: .init(file: "s.xml", line: 3, column: 5), Self.arguments)
        let zh = DiagnosticText(language: .zh).message(for: diagnostic)
        let en = DiagnosticText(language: .en).message(for: diagnostic)
        for message in [zh, en] {
            #expect(!message.isEmpty)
            #expect(!message.contains("{") && !message.contains("}"), "unfilled argument: \(message)")
            #expect(!message.contains("\n"))
        }
        let passedThrough: Set<DiagnosticCode> = [.xmlMalformed, .xmlResource, .surveySchema, .checklistSchema]
        if !passedThrough.contains(code) {
            #expect(zh != en, "\(code) is not translated")
        }
    }

    @Test("the line is file:line:col: message; a cell replaces line and column; a warning says so")
    func lines() {
        let text = DiagnosticText(language: .en)
        #expect(text.line(for: Diagnostic(.xmlEmpty, at: .init(file: "a.xml", line: 2, column: 7)))
            == "a.xml:2:7: the file is empty: expected an XML document")
        #expect(text.line(for: Diagnostic(.fileNotFound, at: .init(file: "b.xml"))) == "b.xml:1:1: no such file")
        #expect(text.line(for: Diagnostic(.fileNotFound, at: .init(file: "普查.xlsx", cell: "用房!C12")))
            == "普查.xlsx:用房!C12: no such file")
        #expect(DiagnosticText(language: .zh).line(for: Diagnostic(.nothingJudged, at: .init(file: "c.xml", line: 1), severity: .warning))
            .hasPrefix("c.xml:1:1: 警告："))
    }

    @Test("quoted input can never break a message onto a second line")
    func oneLine() {
        let forged = Diagnostic(.roomUnknownName, at: .init(file: "s.xml", line: 9), severity: .warning,
                                ["name": "库房\nexamples/x.xml: 达标，得分 100%\r\u{0085}"])
        let line = DiagnosticText(language: .zh).line(for: forged)
        #expect(!line.contains("\n") && !line.contains("\r") && !line.contains("\u{0085}"))
    }

    @Test("a character becomes a space in quoted input exactly when Unicode calls it a control", arguments: [0, 1, 2, 3])
    func controlsByCategory(_ part: Int) {
        // The check reads bytes; every scalar (in four slices, for parallel runs) agrees with
        // its general category.
        let scalars = (0...0x10FFFF).lazy.filter { $0 % 4 == part }.compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            let control = scalar.properties.generalCategory == .control
            let quoted = DiagnosticText.oneLine("a" + String(scalar) + "a")
            #expect(quoted == "a" + (control ? " " : String(scalar)) + "a", "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test("a room label is worded in the report's language")
    func localizedArguments() {
        let alias = Diagnostic(.roomAlias, at: .init(file: "s.xml", line: 4), severity: .warning, Self.arguments)
        #expect(DiagnosticText(language: .zh).message(for: alias) == "用房“图书室”按别名计为图书阅览室")
        #expect(DiagnosticText(language: .en).message(for: alias) == "room “图书室” was counted as Library by an alias")
    }

    /// Common mistakes, each worded in both languages with what to do about it.
    struct MistakeCase: CustomTestStringConvertible, Sendable {
        var name: String
        var survey: [UInt8]
        var zh: String
        var en: String
        var testDescription: String { name }

        init(_ name: String, _ edit: (String) -> String, zh: String, en: String) {
            self.name = name
            self.survey = Array(edit(MistakeCase.base).utf8)
            self.zh = zh
            self.en = en
        }

        init(_ name: String, bytes: [UInt8], zh: String, en: String) {
            self.name = name
            self.survey = bytes
            self.zh = zh
            self.en = en
        }

        static let base = """
            <?xml version="1.0" encoding="UTF-8"?>
            <survey xmlns="urn:wuyou:survey:1" id="t" date="2024-06-18">
              <community name="友谊路社区" households="1800"/>
              <centre area="300" premises="own"><room type="office" area="20">办公室</room></centre>
              <governance elections="true"/>
            </survey>

            """

        /// The base survey in GBK bytes under its UTF-8 declaration, as Notepad saves "ANSI".
        static let gbk: [UInt8] = {
            let text = base.replacingOccurrences(of: "友谊路社区", with: "\u{1}").replacingOccurrences(of: "办公室", with: "\u{2}")
            return Array(text.utf8).flatMap { byte -> [UInt8] in
                switch byte {
                case 1: [0xD3, 0xD1, 0xD2, 0xEA, 0xC2, 0xB7, 0xC9, 0xE7, 0xC7, 0xF8]
                case 2: [0xB0, 0xEC, 0xB9, 0xAB, 0xCA, 0xD2]
                default: [byte]
                }
            }
        }()

        static let all: [MistakeCase] = [
            MistakeCase("date with slashes", { $0.replacingOccurrences(of: "2024-06-18", with: "2024/06/18") },
                        zh: "s.xml:2:1: 检查日期（date）“2024/06/18”不是日期：请写成 年-月-日，如 2024-06-18（月、日不足两位时前面补 0）",
                        en: "s.xml:2:1: the survey date (date) “2024/06/18” is not a date: write year-month-day, e.g. 2024-06-18 (two digits for month and day)"),
            MistakeCase("no namespace", { $0.replacingOccurrences(of: #" xmlns="urn:wuyou:survey:1""#, with: "") },
                        zh: "s.xml:2:1: 根元素 <survey> 没有写命名空间：请写成 <survey xmlns=\"urn:wuyou:survey:1\" …>",
                        en: "s.xml:2:1: <survey> has no namespace: write <survey xmlns=\"urn:wuyou:survey:1\" …>"),
            MistakeCase("wrong namespace", { $0.replacingOccurrences(of: "survey:1", with: "survey:2") },
                        zh: "s.xml:2:1: <survey> 的命名空间是“urn:wuyou:survey:2”，应为 urn:wuyou:survey:1（调查表格式第 1 版）",
                        en: "s.xml:2:1: <survey> is in the namespace “urn:wuyou:survey:2”; the survey format is urn:wuyou:survey:1"),
            MistakeCase("value outside the list", { $0.replacingOccurrences(of: #"premises="own""#, with: #"premises="leased""#) },
                        zh: "s.xml:4:3: 用房性质（premises）“leased”不在允许的取值中，应为以下之一：own、new、renovated、purchased、allocated、rented、shared、none",
                        en: "s.xml:4:3: the premises (premises) “leased” is not allowed; it must be one of own, new, renovated, purchased, allocated, rented, shared, none"),
            MistakeCase("a unit in a number", { $0.replacingOccurrences(of: #"area="300""#, with: #"area="300平方米""#) },
                        zh: "s.xml:4:3: 中心总面积（area）“300平方米”不是数字：只写数字，不写单位或文字",
                        en: "s.xml:4:3: the centre's floor area (area) “300平方米” is not a number: write digits only, without a unit"),
            MistakeCase("negative", { $0.replacingOccurrences(of: #"area="20""#, with: #"area="-20""#) },
                        zh: "s.xml:4:37: 用房面积（area）不能是负数，现为“-20”",
                        en: "s.xml:4:37: the room's area (area) cannot be negative: “-20”"),
            MistakeCase("missing required attribute", { $0.replacingOccurrences(of: #"name="友谊路社区" "#, with: "") },
                        zh: "s.xml:3:3: <community> 缺少必填的社区名称（name）",
                        en: "s.xml:3:3: <community> lacks the community's name (name), which is required"),
            MistakeCase("misspelt element", { $0.replacingOccurrences(of: "<governance", with: "<govrnance") },
                        zh: "s.xml:5:3: 调查表格式中没有 <govrnance>；是否应为 <governance>？",
                        en: "s.xml:5:3: the survey format has no <govrnance>; did you mean <governance>?"),
            MistakeCase("misspelt attribute", { $0.replacingOccurrences(of: "households=", with: "houshold=") },
                        zh: "s.xml:3:3: <community> 没有属性 houshold；是否应为 households？",
                        en: "s.xml:3:3: <community> has no attribute houshold; did you mean households?"),
            MistakeCase("repeated element", { $0.replacingOccurrences(of: "</survey>", with: "  <governance/>\n</survey>") },
                        zh: "s.xml:6:3: <survey> 中只能有一个 <governance>，第一个在第 5 行；请合并或删去重复的一个",
                        en: "s.xml:6:3: <governance> may appear only once in <survey>; the first is on line 5"),
            MistakeCase("GBK saved under a UTF-8 declaration", bytes: gbk,
                        zh: "s.xml:3:20: 文件声明为 UTF-8，但内容看起来是 GBK/GB18030 编码（记事本“ANSI”保存时常见）：请另存为 UTF-8，或把第一行改为 <?xml version=\"1.0\" encoding=\"GB18030\"?>",
                        en: "s.xml:3:20: the file says it is UTF-8 but looks like GBK/GB18030 (what Notepad saves as “ANSI”): save it as UTF-8, or change its first line to <?xml version=\"1.0\" encoding=\"GB18030\"?>"),
            MistakeCase("a truncated file", { String($0[..<$0.range(of: "<governance")!.upperBound]) },
                        zh: "s.xml:5:14: 文件在这里意外结束，内容不完整（Couldn't find end of Start Tag governance line 5; Premature end of data in tag survey line 2）：可能没有保存完整或复制不全",
                        en: "s.xml:5:14: the file ends too early (Couldn't find end of Start Tag governance line 5; Premature end of data in tag survey line 2): it was probably not saved or copied whole"),
        ]
    }

    @Test("a common mistake is one line in the reader's language, with the fix", arguments: MistakeCase.all)
    func commonMistakes(_ mistake: MistakeCase) throws {
        let error = try #require(throws: Diagnostics.self) { try SurveyLoader.load(bytes: mistake.survey, path: "s.xml") }
        #expect(error.items.count == 1, "\(error.items)")
        let diagnostic = try #require(error.items.first)
        #expect(DiagnosticText(language: .zh).line(for: diagnostic) == mistake.zh)
        #expect(DiagnosticText(language: .en).line(for: diagnostic) == mistake.en)
    }
}

@Suite("Numbers read the same everywhere")
struct NumberTests {
    @Test("a score has one decimal, rounded once from its counts: 15 of 19 is 78.9%", arguments: [
        (15, 19, "78.9%"), (16, 18, "88.9%"), (1, 17, "5.9%"), (19, 19, "100.0%"), (0, 3, "0.0%"), (0, 0, "—"), (2, 3, "66.7%"),
    ])
    func percent(_ part: Int, _ whole: Int, _ text: String) {
        #expect(DecimalRounding.percentText(part, of: whole) == text)
    }

    @Test("a report with 15 of 19 mandatory requirements met says 78.9% in text and HTML, 0.7895 in JSON")
    func reportScore() throws {
        // 19 mandatory requirements judged (a development makes the last one apply); 4 not met:
        // both area rules, the police room, and the regulations (partial).
        let xml = AuditFixtures.survey(id: "s", area: 250, police: false, regulations: 2)
            .replacingOccurrences(of: "</survey>", with: #"<developments><development name="一期" floor-area="10000" service-space="20"/></developments></survey>"#)
        let report = try HTMLFixtures.survey(xml: xml)
        #expect(report.scoreParts.met == 15 && report.scoreParts.judged == 19)
        #expect(report.score == ExactDecimal("0.7895"))
        #expect(TextReportRenderer(language: .zh).render(report).contains("得分 78.9%"))
        #expect(try HTMLFixtures.render(report, language: .zh).contains("78.9%"))
        #expect(try !HTMLFixtures.render(report, language: .en).contains("79%"))
    }
}
