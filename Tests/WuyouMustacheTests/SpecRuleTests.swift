import Testing
@testable import WuyouMustache

/// A view model with a field of every kind, for the rules of the mustache spec the engine keeps.
struct Sample: TemplateModel {
    struct Address: TemplateModel {
        var city = "Wuhan"
        static let templateFields = TemplateFields<Address>([.text("city") { $0.city }])
    }

    struct Person: TemplateModel {
        var name: String
        var address = Address()
        static let templateFields = TemplateFields<Person>([
            .text("name") { $0.name },
            .object("address") { $0.address },
        ])
    }

    struct Item: TemplateModel {
        var name: String
        var done: Bool
        var tags: [String]
        static let templateFields = TemplateFields<Item>([
            .text("name") { $0.name },
            .flag("done") { $0.done },
            .list("tags") { $0.tags },
        ])
    }

    var name = "Sample"
    var text = "world"
    var html = #"<b> & "q" 's'"#
    var braces = "{{text}}"
    var css = "a > b"
    var count = 42
    var below = -7
    var yes = true
    var no = false
    var person = Person(name: "Joe")
    var present: Person? = Person(name: "Ann")
    var absent: Person?
    var items = [Item(name: "a", done: true, tags: ["x", "y"]), Item(name: "b", done: false, tags: [])]
    var words = ["one", "<two>", "three"]
    var none: [Item] = []

    static let templateFields = TemplateFields<Sample>([
        .text("name") { $0.name },
        .text("text") { $0.text },
        .text("html") { $0.html },
        .text("braces") { $0.braces },
        .trustedText("css") { $0.css },
        .number("count") { $0.count },
        .number("below") { $0.below },
        .flag("yes") { $0.yes },
        .flag("no") { $0.no },
        .object("person") { $0.person },
        .optional("present") { $0.present },
        .optional("absent") { $0.absent },
        .list("items") { $0.items },
        .list("words") { $0.words },
        .list("none") { $0.none },
    ])
}

/// A template, the partials it may use, and what it renders from ``Sample``.
struct RuleCase: CustomTestStringConvertible, Sendable {
    let name: String
    let template: String
    var partials: [String: String] = [:]
    let expected: String
    var testDescription: String { name }

    init(_ name: String, _ template: String, _ expected: String) {
        self.name = name
        self.template = template
        self.expected = expected
    }

    init(_ name: String, _ template: String, _ partials: [String: String], _ expected: String) {
        self.name = name
        self.template = template
        self.partials = partials
        self.expected = expected
    }
}

private func compileSample(_ template: String, _ partials: [String: String]) throws(TemplateError) -> CompiledTemplate<Sample> {
    var set = TemplateSet()
    for (name, source) in partials.sorted(by: { $0.key < $1.key }) { try set.add(Array(source.utf8), named: name) }
    try set.add(Array(template.utf8), named: "page")
    return try set.compile("page", as: Sample.self)
}

private func check(_ rule: RuleCase, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let output = try compileSample(rule.template, rule.partials).renderText(Sample())
    #expect(output == rule.expected, sourceLocation: sourceLocation)
}

/// Shared partials and parents.
private let frame = ["frame": "[{{$body}}default{{/body}}]"]

@Suite("Mustache spec rules")
struct SpecRuleTests {
    static let interpolationCases: [RuleCase] = [
        RuleCase("text without tags passes through, lone braces included", "Hello {world} }}{ !\n", "Hello {world} }}{ !\n"),
        RuleCase("a variable prints its text", "Hello, {{text}}!", "Hello, world!"),
        RuleCase("text is HTML-escaped, & < > \" ' each", "{{html}}", "&lt;b&gt; &amp; &quot;q&quot; &#39;s&#39;"),
        RuleCase("trusted text prints raw in a triple mustache", "{{{css}}}", "a > b"),
        RuleCase("trusted text prints raw after an ampersand", "{{&css}}", "a > b"),
        RuleCase("trusted text is escaped by a plain tag", "{{css}}", "a &gt; b"),
        RuleCase("a number prints in decimal digits, however tagged", "{{count}} {{{count}}} {{&count}} {{below}}", "42 42 42 -7"),
        RuleCase("a printed value is not read as a template", "{{braces}}: {{text}}", "{{text}}: world"),
        RuleCase("blanks inside a tag are ignored", "|{{ text }}|{{{ css }}}|{{& css }}|", "|world|a > b|a > b|"),
        RuleCase("blanks around a variable are kept", "| {{text}} | {{{css}}} |", "| world | a > b |"),
        RuleCase("a variable alone on its line keeps the line", "  {{text}}\n  {{&css}}\n", "  world\n  a > b\n"),
    ]

    static let sectionsCases: [RuleCase] = [
        RuleCase("a true flag renders its section", "[{{#yes}}shown{{/yes}}]", "[shown]"),
        RuleCase("a false flag does not", "[{{#no}}hidden{{/no}}]", "[]"),
        RuleCase("an object is pushed as the context", "{{#person}}{{name}} of {{address.city}}{{/person}}", "Joe of Wuhan"),
        RuleCase("outer names stay visible inside a section", "{{#person}}{{name}} says {{text}}{{/person}}", "Joe says world"),
        RuleCase("the innermost context answers first", "{{#person}}{{name}}{{/person}} {{name}}", "Joe Sample"),
        RuleCase("a list repeats its section per element", "{{#items}}({{name}}){{/items}}", "(a)(b)"),
        RuleCase("an empty list renders nothing", "[{{#none}}x{{/none}}]", "[]"),
        RuleCase("lists and flags nest", "{{#items}}{{name}}:{{#done}}done{{/done}}{{#tags}}<{{.}}>{{/tags}};{{/items}}", "a:done<x><y>;b:;"),
        RuleCase("a section may open twice", "{{#yes}}1{{/yes}}-{{#yes}}2{{/yes}}", "1-2"),
        RuleCase("a section nests inside itself", "<{{#yes}}a{{#yes}}b{{/yes}}c{{/yes}}>|<{{#no}}a{{#no}}b{{/no}}c{{/no}}>", "<abc>|<>"),
        RuleCase("a present optional is pushed", "{{#present}}{{name}}{{/present}}", "Ann"),
        RuleCase("an absent optional renders nothing", "[{{#absent}}{{name}}{{/absent}}]", "[]"),
        RuleCase("a section over text pushes the text", "{{#text}}<{{.}}> {{text}}{{/text}}", "<world> world"),
        RuleCase("blanks inside a section are kept", " | {{#yes}}\t|\t{{/yes}} | \n", " | \t|\t | \n"),
        RuleCase("blanks inside section tags are ignored", "[{{# yes }}x{{/ yes }}]", "[x]"),
    ]

    static let invertedCases: [RuleCase] = [
        RuleCase("a false flag renders its inverted section", "[{{^no}}shown{{/no}}]", "[shown]"),
        RuleCase("a true flag does not", "[{{^yes}}hidden{{/yes}}]", "[]"),
        RuleCase("an empty list renders its inverted section", "{{^none}}nothing{{/none}}", "nothing"),
        RuleCase("a list with elements does not", "[{{^items}}nothing{{/items}}]", "[]"),
        RuleCase("an absent optional renders its inverted section, a present one not", "{{^absent}}none{{/absent}}|{{^present}}none{{/present}}", "none|"),
        RuleCase("an object is always there", "[{{^person}}x{{/person}}]", "[]"),
        RuleCase("a section and its inverse are either-or", "{{#yes}}y{{/yes}}{{^yes}}n{{/yes}} {{#no}}y{{/no}}{{^no}}n{{/no}}", "y n"),
        RuleCase("inverted sections nest", "<{{^no}}a{{^no}}b{{/no}}c{{/no}}>", "<abc>"),
        RuleCase("a dotted name through an absent optional is absent", "{{^absent.address}}none{{/absent.address}}", "none"),
    ]

    static let commentsCases: [RuleCase] = [
        RuleCase("a comment renders nothing", "12{{! comment }}34", "1234"),
        RuleCase("a comment may span lines", "12{{!\n  two\n  lines\n}}34\n", "1234\n"),
        RuleCase("a comment alone on its line takes the line", "a\n{{! comment }}\nb\n", "a\nb\n"),
        RuleCase("an indented comment alone on its line takes the line", "a\n  {{! comment }}\nb\n", "a\nb\n"),
        RuleCase("a comment over several lines, alone on them, takes them", "a\n  {{!\n  x\n  }}\nb\n", "a\nb\n"),
        RuleCase("a comment after text keeps the line", "  12 {{! 34 }}\n", "  12 \n"),
        RuleCase("a standalone comment takes a CRLF line end", "|\r\n{{! comment }}\r\n|", "|\r\n|"),
        RuleCase("a standalone comment on the first line", "  {{! comment }}\n!", "!"),
        RuleCase("a standalone comment on the last line, without a line break", "!\n  {{! comment }}", "!\n"),
        RuleCase("blanks around an inline comment are kept", "1 {{! c }} 2", "1  2"),
    ]

    static let delimitersCases: [RuleCase] = [
        RuleCase("new delimiters take over", "{{=<% %>=}}(<%text%>)", "(world)"),
        RuleCase("delimiters may be any characters but =", "({{=[ ]=}}[text])", "(world)"),
        RuleCase("sections use the new delimiters", "{{=| |=}}|#yes||text||/yes|", "world"),
        RuleCase("the old delimiters are text until set again", "{{=<% %>=}}<%text%> {{text}} <%={{ }}=%>{{text}}", "world {{text}} world"),
        RuleCase("a partial starts with the default delimiters", "{{=<% %>=}}<%>part%>", ["part": "{{text}}"], "world"),
        RuleCase("a partial's delimiters stay in the partial", "{{>part}}|{{text}}", ["part": "{{=<% %>=}}<%text%>"], "world|world"),
        RuleCase("a delimiter tag alone on its line takes the line", "a\n  {{=@ @=}}\nb @text@\n", "a\nb world\n"),
        RuleCase("a delimiter tag among text keeps the blanks around it", "| {{=@ @=}} |", "|  |"),
        RuleCase("blanks inside a delimiter tag are ignored", "|{{= @   @ =}}|@text@", "||world"),
    ]

    static let partialsCases: [RuleCase] = [
        RuleCase("a partial renders in place", "[{{>part}}]", ["part": "x"], "[x]"),
        RuleCase("a partial renders in the current context", "{{#person}}{{>who}}{{/person}}", ["who": "{{name}}"], "Joe"),
        RuleCase("partials nest", "{{>outer}}", ["outer": "<{{text}}{{>inner}}>", "inner": "({{count}})"], "<world(42)>"),
        RuleCase("a partial may be used twice", "{{>part}}{{#items}}{{>part}}{{/items}}", ["part": "x"], "xxx"),
        RuleCase("blanks around an inline partial are kept", "| {{>part}} |", ["part": "x"], "| x |"),
        RuleCase("an indented partial after text is not standalone", "  {{text}}  {{>part}}\n", ["part": "<\n>"], "  world  <\n>\n"),
        RuleCase("a partial alone on its line takes the line", "a\n{{>part}}\nb", ["part": "x\n"], "a\nx\nb"),
        RuleCase("a standalone partial takes a CRLF line end", "|\r\n{{>part}}\r\n|", ["part": ">"], "|\r\n>|"),
        RuleCase("blanks inside a partial tag are ignored", "|{{> part }}|", ["part": "x"], "|x|"),
    ]

    static let inheritanceCases: [RuleCase] = [
        RuleCase("a block renders its own content", "{{$title}}Default{{/title}}\n", "Default\n"),
        RuleCase("a block's content renders variables and sections", "{{$b}}hi {{text}}{{#yes}}!{{/yes}}{{^yes}}?{{/yes}}{{/b}}", "hi world!"),
        RuleCase("a parent without blocks renders like a partial", "{{<frame}}{{/frame}}|{{>frame}}", frame, "[default]|[default]"),
        RuleCase("a block passed to a parent replaces the parent's", "{{<frame}}{{$body}}new {{text}}{{/body}}{{/frame}}", frame, "[new world]"),
        RuleCase("only the blocks passed are replaced", "{{<two}}{{$b}}B{{/b}}{{/two}}", ["two": "{{$a}}a{{/a}},{{$b}}b{{/b}}"], "a,B"),
        RuleCase("a block's name is not a field's", "{{<p}}{{/p}}|{{<p}}{{$text}}passed{{/text}}{{/p}}", ["p": "{{$text}}own{{/text}}"], "own|passed"),
        RuleCase("text in a parent outside its blocks renders nothing", "{{<frame}} junk {{$body}}x{{/body}} {{text}} {{/frame}}", frame, "[x]"),
        RuleCase("each use of a parent takes its own blocks", "{{<frame}}{{$body}}1{{/body}}{{/frame}} {{<frame}}{{$body}}2{{/body}}{{/frame}}", frame, "[1] [2]"),
        RuleCase(
            "the outermost parent's block wins",
            "{{<child}}{{$a}}top{{/a}}{{/child}}|{{<child}}{{/child}}",
            ["child": "{{<base}}{{$a}}child{{/a}}{{/base}}", "base": "<{{$a}}base{{/a}}>"],
            "<top>|<child>"
        ),
        RuleCase(
            "a passed block renders in the context where the parent puts it",
            "{{<inside}}{{$b}}{{name}}{{/b}}{{/inside}}",
            ["inside": "{{#person}}{{$b}}{{/b}}{{/person}}"],
            "Joe"
        ),
        RuleCase(
            "a parent may include itself when the blocks it passes end the recursion",
            "{{>again}}",
            ["again": "<{{$x}}{{<again}}{{$x}}end{{/x}}{{/again}}{{/x}}>"],
            "<<end>>"
        ),
    ]

    static let standaloneCases: [RuleCase] = [
        RuleCase("section tags alone on their lines take their lines", "a\n{{#yes}}\nb\n{{/yes}}\nc\n", "a\nb\nc\n"),
        RuleCase("indented section tags alone on their lines take their lines", "a\n  {{#yes}}\nb\n  {{/yes}}\nc\n", "a\nb\nc\n"),
        RuleCase("inverted section tags alone on their lines take their lines", "a\n  {{^no}}\nb\n  {{/no}}\nc\n", "a\nb\nc\n"),
        RuleCase("a standalone tag takes a CRLF line end", "|\r\n{{#yes}}\r\n{{/yes}}\r\n|", "|\r\n|"),
        RuleCase("a standalone tag on the first line", "  {{#yes}}\n#{{/yes}}\n/", "#\n/"),
        RuleCase("a standalone tag on the last line, without a line break", "#{{#yes}}\n/\n  {{/yes}}", "#\n/\n"),
        RuleCase("two tags on one line are not standalone", "{{#yes}}{{/yes}}\n{{^no}}{{/no}}\n", "\n\n"),
        RuleCase("a section among text keeps its line", " {{#yes}}Y{{/yes}}\n {{#no}}N{{/no}}\n", " Y\n \n"),
        RuleCase("a line kept by text keeps its blanks", " | {{#yes}} {{! c }}\n {{/yes}} | \n", " |  \n  | \n"),
        RuleCase("a line with a variable is never standalone", "{{#yes}}{{text}}\n{{/yes}}", "world\n"),
        RuleCase("a parent's tags starting and ending a line take it", "{{<frame}}{{/frame}}\nafter", frame, "[default]after"),
        RuleCase(
            "a parent over several lines takes its first and last lines",
            "{{<frame}}\n  {{$body}}\nnew\n  {{/body}}\n{{/frame}}\nafter",
            frame,
            "[new\n]after"
        ),
        RuleCase("an indented standalone parent loses its indentation, not re-indented", "a\n  {{<two}}{{/two}}\nb", ["two": "1\n2\n"], "a\n1\n2\nb"),
        RuleCase("a parent after text keeps the line break", "x {{<frame}}{{/frame}}\n", frame, "x [default]\n"),
        RuleCase("a parent before text keeps its indentation", "  {{<frame}}{{/frame}} y\n", frame, "  [default] y\n"),
        RuleCase("a passed block loses the line break after its opening tag", "{{<frame}}{{$body}}\nnew{{/body}}{{/frame}}", frame, "[new]"),
        RuleCase(
            "a passed block loses the blanks before its closing tag, not the line break before them",
            "{{<frame}}{{$body}}\nnew\n   {{/body}}{{/frame}}",
            frame,
            "[new\n]"
        ),
        RuleCase("a passed block keeps the line break after text", "{{<frame}}{{$body}}new\n{{/body}}{{/frame}}", frame, "[new\n]"),
        RuleCase(
            "block tags alone on their lines in a parent take their lines",
            "{{>lines}}|{{<lines}}{{$b}}x{{/b}}{{/lines}}",
            ["lines": "<\n  {{$b}}\nd\n  {{/b}}\n>"],
            "<\nd\n>|<\nx>"
        ),
        RuleCase(
            "a block's two tags on one line keep the line",
            "{{<inline}}{{$b}}x{{/b}}{{/inline}}",
            ["inline": "<\n  {{$b}}{{/b}}\n>"],
            "<\n  x\n>"
        ),
    ]

    static let dottedNamesCases: [RuleCase] = [
        RuleCase("a dotted name reads inside an object", "{{person.name}} == {{#person}}{{name}}{{/person}}", "Joe == Joe"),
        RuleCase("a dotted name reads at any depth", "{{person.address.city}}", "Wuhan"),
        RuleCase("a section may open on a dotted name", "{{#person.address}}{{city}}{{/person.address}}", "Wuhan"),
        RuleCase("a dotted name's first part is looked up outwards", "{{#items}}{{person.name}}{{/items}}", "JoeJoe"),
        RuleCase("a dotted name through an absent optional prints nothing", "[{{absent.name}}|{{present.name}}]", "[|Ann]"),
        RuleCase("a dotted flag opens a section", "{{#items}}{{#done}}{{name}}{{/done}}{{/items}}", "a"),
    ]

    static let implicitIteratorCases: [RuleCase] = [
        RuleCase("{{.}} prints each string of a list, escaped", "{{#words}}({{.}}){{/words}}", "(one)(&lt;two&gt;)(three)"),
        RuleCase("{{.}} prints the text a section pushed", "{{#text}}{{.}}{{/text}}", "world"),
        RuleCase("{{.}} in a nested list prints the inner element", "{{#items}}{{#tags}}{{.}}{{name}}{{/tags}}{{/items}}", "xaya"),
    ]

    @Test("interpolation and escaping", arguments: interpolationCases)
    func interpolation(_ rule: RuleCase) throws { try check(rule) }

    @Test("sections: flags, objects, optionals, lists", arguments: sectionsCases)
    func sections(_ rule: RuleCase) throws { try check(rule) }

    @Test("inverted sections", arguments: invertedCases)
    func inverted(_ rule: RuleCase) throws { try check(rule) }

    @Test("comments", arguments: commentsCases)
    func comments(_ rule: RuleCase) throws { try check(rule) }

    @Test("set delimiters", arguments: delimitersCases)
    func delimiters(_ rule: RuleCase) throws { try check(rule) }

    @Test("partials", arguments: partialsCases)
    func partials(_ rule: RuleCase) throws { try check(rule) }

    @Test("parents and blocks", arguments: inheritanceCases)
    func inheritance(_ rule: RuleCase) throws { try check(rule) }

    @Test("standalone lines", arguments: standaloneCases)
    func standalone(_ rule: RuleCase) throws { try check(rule) }

    @Test("dotted names", arguments: dottedNamesCases)
    func dottedNames(_ rule: RuleCase) throws { try check(rule) }

    @Test("the implicit iterator {{.}}", arguments: implicitIteratorCases)
    func implicitIterator(_ rule: RuleCase) throws { try check(rule) }
}

/// A template the engine refuses on purpose, with the error it gives.
struct RefusalCase: CustomTestStringConvertible, Sendable {
    let name: String
    let template: String
    var partials: [String: String] = [:]
    let problem: TemplateError.Problem
    /// The template the error names.
    var at = "page"
    var testDescription: String { name }
}

@Suite("Mustache refusals by design")
struct SpecRefusalTests {
    static let refusals: [RefusalCase] = [
        // Names checked when compiled: a name no model answers is an error, not an empty string.
        RefusalCase(name: "names: a name nothing answers", template: "I ({{cannot}}) see", problem: .unknownName("cannot", suggestion: nil)),
        RefusalCase(name: "names: a section over a name nothing answers", template: "[{{#missing}}x{{/missing}}]", problem: .unknownName("missing", suggestion: nil)),
        RefusalCase(name: "names: an inverted section over a name nothing answers", template: "[{{^missing}}x{{/missing}}]", problem: .unknownName("missing", suggestion: nil)),
        RefusalCase(name: "names: a broken dotted name, with the fix", template: "{{person.nmae}}", problem: .unknownName("person.nmae", suggestion: "person.name")),
        RefusalCase(name: "names: a dotted name that does not go on outwards", template: "{{#person}}{{address.name}}{{/person}}", problem: .unknownName("address.name", suggestion: nil)),
        RefusalCase(
            name: "names: an inverted list's body reads no element",
            template: "{{^items}}{{tags}}{{/items}}",
            problem: .unknownName("tags", suggestion: nil)
        ),
        RefusalCase(name: "names: a partial that does not exist", template: "[{{>nowhere}}]", problem: .missingPartial("nowhere")),
        RefusalCase(name: "names: a parent that does not exist", template: "{{<nowhere}}{{/nowhere}}", problem: .missingPartial("nowhere")),
        // Typed view models: a list or object has no text; the root model is not printable.
        RefusalCase(name: "typed: a list printed", template: "{{items}}", problem: .notPrintable("items")),
        RefusalCase(name: "typed: an object printed", template: "{{person.address}}", problem: .notPrintable("person.address")),
        RefusalCase(name: "typed: {{.}} on a model that does not print itself", template: "{{.}}", problem: .unknownName(".", suggestion: nil)),
        // Partials are expanded when compiled, so none may include itself forever.
        RefusalCase(name: "expanded: a partial that includes itself", template: "{{>self}}", partials: ["self": "x{{>self}}"], problem: .recursion(["page", "self", "self"]), at: "self"),
        RefusalCase(
            name: "expanded: a parent that passes itself the same blocks again",
            template: "{{<loop}}{{$b}}x{{/b}}{{/loop}}",
            partials: ["loop": "{{$b}}{{/b}}{{<loop}}{{/loop}}"],
            problem: .recursion(["page", "loop", "loop"]),
            at: "loop"
        ),
        // No lambdas: a value is data, never code run on the template; swift-mustache's
        // transforms, the nearest thing, are refused by name.
        RefusalCase(name: "lambdas: a transform", template: "{{#upper(text)}}x{{/upper(text)}}", problem: .unsupported("transform upper(text)")),
        // No dynamic partials: every partial is named in the template.
        RefusalCase(name: "dynamic: a dynamic partial", template: "{{>*text}}", problem: .unsupported("dynamic partial {{>*text}}")),
        RefusalCase(name: "dynamic: a dynamic partial with blanks", template: "{{> *text }}", problem: .unsupported("dynamic partial {{>*text}}")),
        // No raw output of survey text.
        RefusalCase(name: "raw: text in a triple mustache", template: "{{{text}}}", problem: .unescapedText("text")),
        RefusalCase(name: "raw: text after an ampersand", template: "{{&text}}", problem: .unescapedText("text")),
        RefusalCase(name: "raw: a dotted name to text", template: "{{{person.name}}}", problem: .unescapedText("person.name")),
        RefusalCase(name: "raw: {{{.}}} on a list's strings", template: "{{#words}}{{{.}}}{{/words}}", problem: .unescapedText(".")),
        RefusalCase(name: "raw: {{&.}} on pushed text", template: "{{#text}}{{&.}}{{/text}}", problem: .unescapedText(".")),
        // Pragmas are swift-mustache's, not the spec's.
        RefusalCase(name: "pragmas: a pragma", template: "{{%ANCHORED-DOT}}", problem: .unsupported("pragma {{%ANCHORED-DOT}}")),
    ]

    @Test("each refusal is an error when the template is compiled", arguments: refusals)
    func refused(_ refusal: RefusalCase) throws {
        var thrown: TemplateError?
        do {
            _ = try compileSample(refusal.template, refusal.partials)
        } catch {
            thrown = error
        }
        let error = try #require(thrown)
        #expect(error.problem == refusal.problem)
        #expect(error.template == refusal.at)
    }

    /// Re-indentation is refused by rendering, not by an error: a standalone partial, parent or
    /// block loses its indentation and is not indented line by line.
    static let unindented: [RuleCase] = [
        RuleCase("an indented standalone partial", "<\n  {{>two}}\n>", ["two": "1\n2\n"], "<\n1\n2\n>"),
        RuleCase("an indented standalone parent", "<\n  {{<two}}{{/two}}\n>", ["two": "1\n2\n"], "<\n1\n2\n>"),
        RuleCase(
            "an indented block keeps the indentation of what it is given",
            "{{<indented}}{{$b}}\n1\n2\n{{/b}}{{/indented}}",
            ["indented": "<\n  {{$b}}\n  {{/b}}\n>"],
            "<\n1\n2\n>"
        ),
    ]

    @Test("nothing is re-indented", arguments: unindented)
    func notReindented(_ rule: RuleCase) throws { try check(rule) }
}
