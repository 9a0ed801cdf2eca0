import Foundation
import Testing
import WuyouCore
import WuyouDecimal
import WuyouWords
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
        "unit": "m²", "chain": "index → index", "example": "20000", "encoding": "IBM037", "declared": "GB18030",
        "accepted": .list(["UTF-8", "UTF-16", "GB18030"]), "input": "examples/youyilu.xml",
        "date": "2204-05-14", "line": .count(5), "open": "community", "close": "survey", "entity": "nbsp", "prefix": "x", "tag": "notes", "earliest": "2000-01-01", "latest": "2027-12-31", "placeholder": "（面积，平方米）", "undeclared": "",
        "namespace": "urn:wuyou:survey:1", "ledger": "wuhan-2025",
        "checklist": "laohekou-2023", "expires": "2024-02-28", "approved": "2024-03-01",
    ]

    /// Each code with the arguments each place that raises it gives, as found in the sources:
    /// a wording that needs one more shows as an unfilled `{name}` here. A new code fails
    /// ``everyCodeAsRaised()`` until it is added.
    static let raised: [DiagnosticCode: [[String]]] = [
        .fileNotFound: [[]], .fileUnreadable: [["reason"]], .fileIsDirectory: [[]], .fileNotRegular: [[]],
        .fileTooLarge: [["limit"]],
        .xmlEmpty: [[]], .xmlDoctype: [["kind"]], .xmlMalformed: [["message"]], .xmlResource: [["message"]],
        .xmlNotUTF8: [[]], .xmlLooksLikeGB18030: [[]], .xmlEncodingUnsupported: [["encoding", "accepted"], ["encoding", "declared", "accepted"]],
        .xmlTruncated: [[], ["tag", "line"]], .xmlTagMismatch: [["open", "line", "close"]], .xmlAttributeRepeated: [["attribute"]],
        .xmlAttributeUnquoted: [[]], .xmlAmpersand: [[]], .xmlEntityUndefined: [["entity"]], .xmlLessThanInAttribute: [[]],
        .xmlExtraContent: [[]], .xmlNotXML: [[]], .xmlInvalidName: [[]], .xmlCDataUnfinished: [[]], .xmlCommentUnfinished: [[]],
        .xmlPrefixUndefined: [["prefix"]], .xmlInvalidCharacter: [[]], .xmlDeclarationMisplaced: [[]], .xmlTooManyElements: [["limit"]], .xmlTooManyAttributes: [["count", "limit"]],
        .moreErrors: [["count"]],
        .surveySchema: [["message"]], .surveyNamespaceMissing: [["element"]], .surveyNamespaceWrong: [["element", "found"]],
        .surveyRootWrong: [["element"]], .surveyElementUnknown: [["element"], ["element", "suggestion"]],
        .surveyElementMisplaced: [["element"]], .surveyElementNoNamespace: [["element"]], .surveyElementText: [["element"]],
        .surveyAttributeUnknown: [["element", "attribute", "allowed"], ["element", "attribute", "allowed", "suggestion"]],
        .surveyAttributeMissing: [["element", "attribute"]], .surveyDateFormat: [["element", "attribute", "value"]],
        .surveyValueNotBoolean: [["element", "attribute", "value"]], .surveyValueNotNumber: [["element", "attribute", "value"]],
        .surveyValueNotWhole: [["element", "attribute", "value"]], .surveyValueNegative: [["element", "attribute", "value"]],
        .surveyValueNotPositive: [["element", "attribute", "value"]], .surveyValueNotInList: [["element", "attribute", "value", "allowed"]],
        .surveyValueEmpty: [["element", "attribute", "value"]], .surveyElementRepeated: [["element", "parent", "first"]],
        .surveyCommunityMissing: [[]], .surveyTooMany: [["element", "count", "limit"]], .surveyTextTooLong: [["what", "length", "limit"]],
        .roomAlias: [["name", "room"]], .roomSpinnerAlias: [["name", "room"]], .roomUnknownName: [["name"], ["name", "suggestion"]],
        .roomUnknownCode: [["code", "name"], ["code", "name", "suggestion", "room"]], .roomAreasExceedCentre: [["total", "area"]],
        .roomAreaZero: [["name"]], .roomsWithoutPremises: [["count"]], .staffImplausible: [["count", "limit"]],
        .nothingJudged: [[]], .surveyDraft: [["count", "examples"]], .ruleFailed: [["requirement", "message"]], .moreWarnings: [["count"]],
        .checklistNotFound: [["id", "bundled"]], .checklistSchema: [["message"]],
        .checklistDuplicateCategory: [["value", "first"]], .checklistDuplicateRoom: [["value", "first"]],
        .checklistDuplicateRequirement: [["value", "first"]], .checklistUnknownCategory: [["requirement", "category"]],
        .checklistInvalidEffectiveDate: [["requirement", "value"]], .checklistUnknownRoom: [["requirement", "code"]],
        .checklistUnknownRuleKind: [["requirement", "kind"]], .checklistEmptyAllOf: [["requirement"]],
        .checklistUnusedParameter: [["requirement", "kind", "name"]], .checklistDuplicateParameter: [["requirement", "name"]],
        .checklistMissingParameter: [["requirement", "kind", "name"]], .checklistParameterTooSmall: [["name", "value", "minimum"]],
        .checklistParameterNotAbove: [["name", "value", "floor"]], .checklistParameterNotWhole: [["name", "value"]],
        .checklistParameterNotDecimal: [["name", "value"]], .checklistParameterNotBoolean: [["name", "value"]],
        .checklistParameterNotStatus: [["name", "value", "allowed"]], .checklistNegativeAmount: [["name", "value"]],
        .checklistUnknownFact: [["fact"]], .checklistFactWrongType: [["fact", "type"]], .checklistInventoryNotAllowed: [["value", "allowed"]],
        .checklistUnknownFlag: [["inventory", "value", "allowed"]], .checklistXPathInvalid: [["requirement", "expression", "problem"]],
        .checklistTitleNumber: [["requirement", "title", "stated", "parameters"]],
        .templateFolderUnreadable: [[]], .templateNotAFile: [[]], .templateUnknownName: [["name"], ["name", "suggestion"]],
        .templateNotPrintable: [["name"]], .templateUnescapedText: [["name"]], .templateMissingPartial: [["name"]],
        .templateRecursion: [["chain"]], .templateTooDeep: [["limit"]], .templateTooLarge: [["limit"]],
        .templateInvalid: templateReasons.map { _ in ["reason", "name"] },
        .baselineIsFolder: [["suggestion"]], .fileNameNotUTF8: [[], ["reason"]], .surveyDateImplausible: [["date", "earliest", "latest"]], .folderNameNotUTF8: [[]], .baselineNotJSON: [[]], .baselineWrongFormat: [["format"]], .baselineInvalid: [["detail"]],
        .baselineOutOfRange: [["field", "value"]],
        .auditDuplicateID: [["id", "first"]], .auditFolderUnreadable: [[]], .auditNoSurveys: [[]], .auditOutputNotASite: [["file"]],
        .auditOutputNotAFolder: [[]], .auditOutputLocked: [[]], .auditInputMissing: [[]], .auditInputInsideOutput: [["output"]], .auditBaselineInsideOutput: [["output"]],
        .auditNothingRead: [[]],
        .workbookUnknownFileKind: [[]], .workbookCompoundFile: [[]], .workbookNotZip: [[]], .workbookZipInvalid: [[], ["part"]],
        .workbookZipTooManyEntries: [["count", "limit"]], .workbookZipTooLarge: [["part", "limit"]], .workbookPartMissing: [["part"]],
        .workbookPartInvalid: [["part", "message"]], .workbookPartDoctype: [["part"]],
        .workbookPartEncoding: [["part", "encoding", "accepted"], ["part", "encoding", "declared", "accepted"]],
        .workbookPartNotWorksheet: [["part", "element"]], .workbookExternalReference: [["target"]], .workbookCSVEncoding: [[]],
        .workbookCSVUnterminatedQuote: [[]],
        .workbookCellUnknownType: [["value"]], .workbookCellNoSharedString: [["value", "count"]], .workbookCellBadReference: [["value"]],
        .workbookCellBadNumber: [["value"]], .workbookCellBadBoolean: [["value"]],
        .workbookSheetUnknown: [["sheet", "expected"]], .workbookSheetDuplicate: [["sheet", "first"]], .workbookSheetMissing: [[]],
        .workbookHeaderUnknown: [["header"]], .workbookHeaderBlank: [[]], .workbookHeaderDuplicate: [["column", "first"]],
        .workbookColumnMissing: [["column"]],
        .workbookCellRequired: [["column"]], .workbookCellNotNumber: [["column", "value", "unit", "example"]],
        .workbookCellWrongUnit: [["column", "value", "found", "unit"]], .workbookCellNegative: [["column", "value"]],
        .workbookCellNotWhole: [["column", "value"]], .workbookCellNotPositive: [["column", "value"]],
        .workbookCellDateNotNumber: [["column", "value"]], .workbookCellNotDate: [["column", "value"]],
        .workbookCellNoSuchDay: [["column", "value"]], .workbookCellNotBoolean: [["column", "value"]],
        .workbookCellNotHall: [["column", "value"]], .workbookCellNotPremises: [["column", "value", "allowed"]],
        .workbookCellUnknownRoom: [["column", "value", "allowed"]], .workbookCellTooLong: [["column", "length", "limit"]],
        .workbookCellErrorValue: [["column", "value"]], .workbookCellUncalculated: [["column", "value"]],
        .workbookCellExternalFormula: [["column", "value"]],
        .workbookRowUnknownSurvey: [["id"]], .workbookRowDuplicateID: [["id", "first"]], .workbookRowUnnamedRoom: [[]],
        .workbookSurveyNotFound: [["id", "allowed"]], .workbookSurveyAmbiguous: [["count", "allowed"]], .workbookNoSurvey: [[]],
        .workbookOutputNotOurs: [[]], .workbookTemplateExists: [[]],
        .outputCannotWrite: [["reason"]], .outputIsDirectory: [[]], .outputDanglingLink: [[]], .outputNotAFile: [[]],
        .outputIsInput: [["input"]], .outputNotOurs: [[]],
        .ledgerSchema: [["message"]], .ledgerRootWrong: [["element", "namespace"]], .ledgerChecklistMismatch: [["ledger", "checklist"]],
        .ledgerRequirementUnknown: [["requirement", "checklist"], ["requirement", "checklist", "suggestion"]],
        .ledgerTargetNone: [[]], .ledgerTargetBoth: [[]], .ledgerOverlap: [["kind", "requirement", "first"]],
        .ledgerExpiresBeforeApproved: [["expires", "approved"]], .ledgerTooMany: [["limit"]],
        .ledgerTextTooLong: [["field", "length", "limit"]], .ledgerUnmatched: [["count"]], .ledgerWorkbookSheetMissing: [[]],
        .ledgerWorkbookKind: [["value"]], .ledgerWorkbookKindMissing: [["column"]], .ledgerWorkbookOtherKind: [["kind", "column"]],
    ]

    /// The reasons a template diagnostic carries (``templateSyntax``), each worded.
    static let templateReasons = ["unfinished-tag", "section-not-closed", "close-without-open", "close-mismatch",
                                  "invalid-delimiters", "empty-name", "unsupported"]

    @Test("every code, with the arguments it is raised with, fills every placeholder and ends with its reason",
          arguments: DiagnosticCode.allCases)
    func everyCodeAsRaised(_ code: DiagnosticCode) throws {
        let raised = try #require(Self.raised[code], "add \(code) to DiagnosticTextTests.raised")
        for (index, names) in raised.enumerated() {
            var arguments = Dictionary(uniqueKeysWithValues: names.map { ($0, Self.arguments[$0]!) })
            if code == .templateInvalid { arguments["reason"] = .text(Self.templateReasons[index]) }
            let diagnostic = Diagnostic(code, at: .init(file: "普查.xlsx", cell: "调查表!B3"), arguments)
            for language in [ReportLanguage.zh, .en] {
                let message = DiagnosticText(language: language).message(for: diagnostic)
                #expect(!message.isEmpty)
                #expect(!message.contains("{") && !message.contains("}"), "unfilled placeholder (\(names)): \(message)")
                let end = message.trimmingCharacters(in: .whitespaces).last
                #expect(end != ":" && end != "：", "nothing after the colon (\(names)): \(message)")
            }
        }
    }

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
        let passedThrough: Set<DiagnosticCode> = [.xmlMalformed, .xmlResource, .surveySchema, .checklistSchema, .ledgerSchema]
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
            MistakeCase("a survey in EBCDIC",
                        bytes: Array(base.replacingOccurrences(of: "UTF-8", with: "IBM037").utf8),
                        zh: "s.xml:1:1: 文件的编码是 IBM037，无法读取：请另存为 UTF-8（可以读取的编码：UTF-8、UTF-16、GB18030、GBK、GB2312、US-ASCII、ISO-8859-1）",
                        en: "s.xml:1:1: the file is encoded in IBM037, which wuyou does not read: save it as UTF-8 (readable encodings: UTF-8, UTF-16, GB18030, GBK, GB2312, US-ASCII, ISO-8859-1)"),
            MistakeCase("a UTF-8 byte-order mark under a GBK declaration",
                        bytes: [0xEF, 0xBB, 0xBF] + Array(base.replacingOccurrences(of: "UTF-8", with: "GBK").utf8),
                        zh: "s.xml:1:1: 文件的字节是 UTF-8 编码，第一行却声明为 GBK：请改正声明，或另存为 UTF-8",
                        en: "s.xml:1:1: the file's bytes are UTF-8 but its declaration says GBK: correct the declaration or save the file as UTF-8"),
            MistakeCase("a Chinese word for a premises code", { $0.replacingOccurrences(of: #"premises="own""#, with: #"premises="改扩建""#) },
                        zh: "s.xml:4:3: 用房性质（premises）“改扩建”不在允许的取值中：是否应为 renovated？（可用的取值：own、new、renovated、purchased、allocated、rented、shared、none）",
                        en: "s.xml:4:3: the premises (premises) “改扩建” is not allowed: did you mean renovated? (it must be one of own, new, renovated, purchased, allocated, rented, shared, none)"),
            MistakeCase("a misspelt premises code", { $0.replacingOccurrences(of: #"premises="own""#, with: #"premises="renovatd""#) },
                        zh: "s.xml:4:3: 用房性质（premises）“renovatd”不在允许的取值中：是否应为 renovated？（可用的取值：own、new、renovated、purchased、allocated、rented、shared、none）",
                        en: "s.xml:4:3: the premises (premises) “renovatd” is not allowed: did you mean renovated? (it must be one of own, new, renovated, purchased, allocated, rented, shared, none)"),
            MistakeCase("wuyou init's placeholder left in an area", { $0.replacingOccurrences(of: #"area="20""#, with: #"area="（面积，平方米）""#) },
                        zh: "s.xml:4:37: 用房面积（area）还是 wuyou init 写的说明文字“（面积，平方米）”：请换成核实的数字，如 30；没有核实就删去这个属性",
                        en: "s.xml:4:37: the room's area (area) still holds the text wuyou init wrote, “（面积，平方米）”: write the number that was found, e.g. 30, or leave the attribute out when it was not checked"),
            MistakeCase("GBK with no declaration at all",
                        bytes: Array(gbk.drop { $0 != UInt8(ascii: "\n") }.dropFirst()),
                        zh: "s.xml:2:20: 文件没有声明编码（第一行没有 encoding=），按 UTF-8 读取，但内容看起来是 GBK/GB18030 编码（记事本“ANSI”保存时常见）：请另存为 UTF-8，或在第一行写上 <?xml version=\"1.0\" encoding=\"GB18030\"?>",
                        en: "s.xml:2:20: the file declares no encoding (no encoding= on its first line), so it is read as UTF-8, but it looks like GBK/GB18030 (what Notepad saves as “ANSI”): save it as UTF-8, or start it with <?xml version=\"1.0\" encoding=\"GB18030\"?>"),
            MistakeCase("a truncated file", { String($0[..<$0.range(of: "<governance")!.upperBound]) },
                        zh: "s.xml:5:14: 文件在这里意外结束，第 2 行的 <survey> 没有结束：文件可能没有保存完整或复制不全",
                        en: "s.xml:5:14: the file ends too early, before <survey> of line 2 is closed: it was probably not saved or copied whole"),
            MistakeCase("a closing tag left out", { $0.replacingOccurrences(of: #"<governance elections="true"/>"#, with: #"<governance elections="true">"#) },
                        zh: "s.xml:6:10: 结束标签 </survey> 与第 5 行的开始标签 <governance> 不对应：检查是否漏写或写错了结束标签",
                        en: "s.xml:6:10: the closing tag </survey> does not match the opening tag <governance> of line 5: a closing tag is missing or misspelt"),
            MistakeCase("an ampersand in a name", { $0.replacingOccurrences(of: "友谊路社区", with: "友谊路&新村社区") },
                        zh: "s.xml:3:28: “&”后面不是字符引用：文字中的 & 请写成 &amp;",
                        en: "s.xml:3:28: “&” does not start a character reference: write & in text as &amp;"),
            MistakeCase("an HTML entity", { $0.replacingOccurrences(of: "友谊路社区", with: "友谊路&nbsp;社区") },
                        zh: "s.xml:3:29: “&nbsp;”不是 XML 认识的字符引用（XML 只认识 &amp; &lt; &gt; &quot; &apos;）：请直接写出这个字符",
                        en: "s.xml:3:29: “&nbsp;” is not a reference XML knows (only &amp; &lt; &gt; &quot; &apos;): write the character itself"),
            MistakeCase("an attribute twice", { $0.replacingOccurrences(of: #"households="1800""#, with: #"households="1800" households="1900""#) },
                        zh: "s.xml:3:62: 同一个元素上写了两次属性 households：请删去一个",
                        en: "s.xml:3:62: the attribute households is written twice on one element: delete one"),
            MistakeCase("a blank line before the declaration", { "\n" + $0 },
                        zh: "s.xml:2:6: <?xml …?> 声明必须写在文件的最开头，前面不能有空格、空行或其他字符",
                        en: "s.xml:2:6: the <?xml …?> declaration must be the very start of the file, with no space, blank line or anything before it"),
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
