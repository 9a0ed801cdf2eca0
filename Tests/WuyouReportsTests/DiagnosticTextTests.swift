import Foundation
import Testing
import WuyouCore
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
        "detail": "missing .reports", "file": "thesis.txt", "output": "site", "what": "<room>", "length": .count(300), "field": "summary.passRate",
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

    @Test("a room label is worded in the report's language")
    func localizedArguments() {
        let alias = Diagnostic(.roomAlias, at: .init(file: "s.xml", line: 4), severity: .warning, Self.arguments)
        #expect(DiagnosticText(language: .zh).message(for: alias) == "用房“图书室”按别名计为图书阅览室")
        #expect(DiagnosticText(language: .en).message(for: alias) == "room “图书室” was counted as Library by an alias")
    }
}
