import Testing
@testable import WuyouMustache

/// A small page model: a title, labels read from inside lists, rows, an optional note.
struct Page: TemplateModel {
    struct Labels: TemplateModel {
        var title: String
        static let templateFields = TemplateFields<Labels>([.text("title") { $0.title }])
    }

    struct Row: TemplateModel {
        var name: String
        var count: Int
        var done: Bool
        var tags: [String]
        static let templateFields = TemplateFields<Row>([
            .text("name") { $0.name },
            .number("count") { $0.count },
            .flag("done") { $0.done },
            .list("tags") { $0.tags },
        ])
    }

    var heading: String
    var css: String = "\"x\""
    var labels = Labels(title: "Title")
    var rows: [Row] = []
    var note: Labels?

    static let templateFields = TemplateFields<Page>([
        .text("heading") { $0.heading },
        .trustedText("css") { $0.css },
        .object("labels") { $0.labels },
        .list("rows") { $0.rows },
        .flag("hasRows") { !$0.rows.isEmpty },
        .optional("note") { $0.note },
    ])
}

private func render(_ templates: [String: String], _ page: Page, root: String = "page") throws -> String {
    var set = TemplateSet()
    for (name, source) in templates { try set.add(Array(source.utf8), named: name) }
    return try set.compile(root, as: Page.self).renderText(page)
}

private func compileError(_ templates: [String: String], root: String = "page") -> TemplateError? {
    do {
        var set = TemplateSet()
        for (name, source) in templates.sorted(by: { $0.key < $1.key }) { try set.add(Array(source.utf8), named: name) }
        _ = try set.compile(root, as: Page.self)
        return nil
    } catch {
        return error
    }
}

private let rows = [
    Page.Row(name: "a", count: 1, done: true, tags: ["x", "y"]),
    Page.Row(name: "b", count: 0, done: false, tags: []),
]

@Suite("Mustache rendering")
struct TemplateRenderingTests {
    @Test("text is escaped byte by byte, a quote before a combining mark included")
    func escaping() throws {
        let html = try render(["page": #"<p title="{{heading}}">{{heading}}</p>"#], Page(heading: "<b>\"\u{0338}'&"))
        #expect(html == #"<p title="&lt;b&gt;&quot;̸&#39;&amp;">&lt;b&gt;&quot;̸&#39;&amp;</p>"#)
    }

    @Test("lists repeat with each element on the stack; outer names stay visible; {{.}} prints a string")
    func lists() throws {
        let template = "{{#rows}}[{{name}} {{count}} {{labels.title}}{{#done}} done{{/done}}{{^done}} open{{/done}}:{{#tags}}{{.}},{{/tags}}{{^tags}}none{{/tags}}]{{/rows}}"
        let html = try render(["page": template], Page(heading: "h", rows: rows))
        #expect(html == "[a 1 Title done:x,y,][b 0 Title open:none]")
    }

    @Test("an empty list renders its inverted section; flags print true or false")
    func emptyList() throws {
        #expect(try render(["page": "{{^rows}}no rows{{/rows}}{{hasRows}}"], Page(heading: "h")) == "no rowsfalse")
    }

    @Test("an optional model renders when present, its inverted section when absent; dotted names through it")
    func optionals() throws {
        let template = "{{#note}}<{{title}}>{{/note}}{{^note}}none{{/note}}|{{note.title}}"
        #expect(try render(["page": template], Page(heading: "h")) == "none|")
        #expect(try render(["page": template], Page(heading: "h", note: .init(title: "n"))) == "<n>|n")
    }

    @Test("a tag alone on its line takes the line; variables do not")
    func standaloneLines() throws {
        let template = "<ul>\n  {{#rows}}\n  <li>{{name}}</li>\n  {{/rows}}\n  {{! a comment }}\n</ul>\n"
        #expect(try render(["page": template], Page(heading: "h", rows: rows)) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }

    @Test("partials, set delimiters and parents with blocks")
    func partialsAndBlocks() throws {
        let templates = [
            "page": "{{>head}}{{=<% %>=}}<%heading%><%={{ }}=%>{{<frame}}{{$body}}B:{{heading}}{{/body}}{{/frame}}",
            "head": "<h1>{{labels.title}}</h1>",
            "frame": "[{{$top}}default top{{/top}}|{{$body}}default body{{/body}}]",
        ]
        #expect(try render(templates, Page(heading: "h")) == "<h1>Title</h1>h[default top|B:h]")
    }

    @Test("trusted text may be printed raw; plain text may not")
    func trustedText() throws {
        #expect(try render(["page": "{{{css}}}{{&css}}{{css}}"], Page(heading: "h")) == "\"x\"\"x\"&quot;x&quot;")
        #expect(compileError(["page": "{{{heading}}}"])?.problem == .unescapedText("heading"))
    }
}

/// A template error and where it is expected.
struct ErrorCase: CustomTestStringConvertible, Sendable {
    let name: String
    let templates: [String: String]
    let problem: TemplateError.Problem
    var template = "page"
    var line = 1
    var testDescription: String { name }
}

@Suite("Mustache errors")
struct TemplateErrorTests {
    static let cases: [ErrorCase] = [
        ErrorCase(name: "a misspelt label names itself and its fix", templates: ["page": "<h1>\n{{labels.titel}}</h1>"],
                  problem: .unknownName("labels.titel", suggestion: "labels.title"), line: 2),
        ErrorCase(name: "an unknown name", templates: ["page": "{{headng}}"], problem: .unknownName("headng", suggestion: "heading")),
        ErrorCase(name: "a partial that includes itself", templates: ["page": "{{>page}}"], problem: .recursion(["page", "page"])),
        ErrorCase(name: "partials that include each other", templates: ["page": "{{>a}}", "a": "x{{>b}}", "b": "{{>a}}"],
                  problem: .recursion(["page", "a", "b", "a"]), template: "b"),
        ErrorCase(name: "5,000 nested sections", templates: ["page": String(repeating: "{{#hasRows}}", count: 5000)],
                  problem: .tooDeep(limit: TemplateParser.maximumNesting)),
        ErrorCase(name: "a section never closed", templates: ["page": "x\n{{#rows}}"], problem: .sectionNotClosed("rows"), line: 2),
        ErrorCase(name: "a section closed by another name", templates: ["page": "{{#rows}}{{/row}}"],
                  problem: .closeMismatch(expected: "rows", found: "row")),
        ErrorCase(name: "a tag never finished", templates: ["page": "{{heading"], problem: .unfinishedTag),
        ErrorCase(name: "a list printed as text", templates: ["page": "{{rows}}"], problem: .notPrintable("rows")),
        ErrorCase(name: "a partial that does not exist", templates: ["page": "{{>header}}"], problem: .missingPartial("header")),
        ErrorCase(name: "a transform", templates: ["page": "{{#first(rows)}}{{/first(rows)}}"],
                  problem: .unsupported("transform first(rows)")),
        ErrorCase(name: "a dynamic partial", templates: ["page": "{{>*heading}}"], problem: .unsupported("dynamic partial {{>*heading}}")),
        ErrorCase(name: "a name inside a list element that the element lacks", templates: ["page": "{{#rows}}{{nme}}{{/rows}}"],
                  problem: .unknownName("nme", suggestion: "name")),
        ErrorCase(name: "a partial doubling 30 times over", templates: (0..<30).reduce(into: ["page": "{{>p0}}", "p30": "x"]) {
            $0["p\($1)"] = "{{>p\($1 + 1)}}{{>p\($1 + 1)}}{{heading}}"
        }, problem: .tooLarge(limit: TemplateCompiler.maximumNodes), template: "p27"),
    ]

    @Test("each broken template is one error with its place", arguments: cases)
    func broken(_ errorCase: ErrorCase) throws {
        let error = try #require(compileError(errorCase.templates))
        #expect(error.problem == errorCase.problem)
        #expect(error.template == errorCase.template)
        #expect(error.line == errorCase.line)
    }

    @Test("the schema of a model answers the kinds of its names")
    func schema() {
        #expect(Page.templateFields.kind(of: "heading") == .text)
        #expect(Page.templateFields.kind(of: "hasRows") == .flag)
        guard case .list(let names, _)? = Page.templateFields.kind(of: "rows") else {
            Issue.record("rows is not a list")
            return
        }
        #expect(names == ["name", "count", "done", "tags"])
        #expect(Page.templateFields.kind(of: "nothing") == nil)
    }
}
