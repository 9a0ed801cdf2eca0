import Testing
import WuyouXML

@Suite("XPath queries")
struct XPathTests {
    static let source = """
        <?xml version="1.0" encoding="UTF-8"?>
        <s:survey xmlns:s="urn:wuyou:survey:1" id="x-1">
          <s:centre area="380">
            <s:room type="office" area="45">办公室</s:room>

            <s:room type="police" area="30">警务室</s:room>
          </s:centre>
          <s:note>a <b>bold</b> word</s:note>
        </s:survey>
        """
    static let namespaces = ["s": "urn:wuyou:survey:1"]

    func document() throws -> ParsedDocument {
        try ParsedDocument.parse(bytes: Array(Self.source.utf8), path: "xpath.xml")
    }

    @Test("node sets come back in document order with names, lines and text")
    func nodes() throws {
        let value = try document().evaluate("//s:room", namespaces: Self.namespaces)
        guard case .nodes(let rooms) = value else {
            Issue.record("expected nodes, got \(value)")
            return
        }
        #expect(rooms.map(\.name) == ["room", "room"])
        #expect(rooms.map(\.line) == [4, 6])
        #expect(rooms.map(\.text) == ["办公室", "警务室"])
        #expect(value.truthValue)
    }

    @Test("an attribute node reports its element's line and its value as text")
    func attributeNodes() throws {
        let value = try document().evaluate("//s:room/@area", namespaces: Self.namespaces)
        guard case .nodes(let areas) = value else {
            Issue.record("expected nodes, got \(value)")
            return
        }
        #expect(areas.map(\.name) == ["area", "area"])
        #expect(areas.map(\.line) == [4, 6])
        #expect(areas.map(\.text) == ["45", "30"])
    }

    @Test("an element's text includes its descendants' text")
    func descendantText() throws {
        guard case .nodes(let notes) = try document().evaluate("/s:survey/s:note", namespaces: Self.namespaces) else {
            Issue.record("expected nodes")
            return
        }
        #expect(notes.first?.text == "a bold word")
        #expect(notes.first?.line == 8)
    }

    @Test("an empty node set is false")
    func emptyNodes() throws {
        let value = try document().evaluate("//s:hall", namespaces: Self.namespaces)
        #expect(value == .nodes([]))
        #expect(!value.truthValue)
    }

    struct Scalar: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let expression: String
        let expected: XPathValue
        let truth: Bool
    }

    @Test("booleans, numbers and strings", arguments: [
        Scalar(testDescription: "boolean true", expression: "count(//s:room) > 1", expected: .boolean(true), truth: true),
        Scalar(testDescription: "boolean false", expression: "boolean(//s:hall)", expected: .boolean(false), truth: false),
        Scalar(testDescription: "count", expression: "count(//s:room)", expected: .number(2), truth: true),
        Scalar(testDescription: "sum of attributes", expression: "sum(//s:room/@area)", expected: .number(75), truth: true),
        Scalar(testDescription: "number of an attribute", expression: "number(/s:survey/s:centre/@area) div 4",
               expected: .number(95), truth: true),
        Scalar(testDescription: "zero is false", expression: "count(//s:hall)", expected: .number(0), truth: false),
        Scalar(testDescription: "string", expression: "string(/s:survey/@id)", expected: .string("x-1"), truth: true),
        Scalar(testDescription: "empty string is false", expression: "string(/s:survey/@missing)", expected: .string(""), truth: false),
        Scalar(testDescription: "Chinese string", expression: "string(//s:room[@type='police'])",
               expected: .string("警务室"), truth: true),
    ])
    func scalars(_ scalar: Scalar) throws {
        let value = try document().evaluate(scalar.expression, namespaces: Self.namespaces)
        #expect(value == scalar.expected)
        #expect(value.truthValue == scalar.truth)
    }

    @Test("NaN is false")
    func notANumber() throws {
        let value = try document().evaluate("number('abc')")
        guard case .number(let number) = value else {
            Issue.record("expected a number, got \(value)")
            return
        }
        #expect(number.isNaN)
        #expect(!value.truthValue)
    }

    @Test("an expression that does not compile or evaluate throws a diagnostic naming it", arguments: [
        "//s:room[",
        "//undeclared:room",
        "no-such-function(1)",
        "///",
    ])
    func badExpression(_ expression: String) throws {
        let document = try document()
        let diagnostics = try #require(throws: XMLDiagnostics.self) {
            try document.evaluate(expression, namespaces: Self.namespaces)
        }
        let first = try #require(diagnostics.items.first)
        #expect(first.location.file == "xpath.xml")
        #expect(first.location.line >= 1 && first.location.column >= 1)
        #expect(first.message.contains(expression))
    }

    struct Syntax: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let expression: String
        let valid: Bool
    }

    @Test("XPathSyntax.error(in:) is nil for good expressions and a message for bad ones", arguments: [
        Syntax(testDescription: "path", expression: "/survey/centre/room", valid: true),
        Syntax(testDescription: "prefixed path (prefixes are checked at evaluation)", expression: "//s:room[@type='police']", valid: true),
        Syntax(testDescription: "arithmetic", expression: "sum(//room/@area) div count(//room) >= 20", valid: true),
        Syntax(testDescription: "functions", expression: "boolean(//hall[@one-door='true']) and not(//x)", valid: true),
        Syntax(testDescription: "unclosed predicate", expression: "//room[", valid: false),
        Syntax(testDescription: "empty", expression: "", valid: false),
        Syntax(testDescription: "dangling operator", expression: "1 +", valid: false),
        Syntax(testDescription: "unbalanced parenthesis", expression: "count(//room", valid: false),
        Syntax(testDescription: "bad axis", expression: "nowhere::room", valid: false),
        Syntax(testDescription: "unterminated string", expression: "//room[@type='police]", valid: false),
    ])
    func syntax(_ syntax: Syntax) {
        let error = XPathSyntax.error(in: syntax.expression)
        if syntax.valid {
            #expect(error == nil)
        } else {
            #expect(error?.isEmpty == false, "expected a message for \(syntax.expression)")
        }
    }
}

@Suite("XPath evaluation is bounded")
struct XPathLimitTests {
    @Test("a quadratic expression over a large document stops at the operation limit, quickly")
    func operationLimit() throws {
        let rooms = String(repeating: "<r/>", count: 3_000)
        let document = try ParsedDocument.parse(bytes: Array("<d>\(rooms)</d>".utf8), path: "big.xml")
        let start = ContinuousClock.now
        let error = try #require(throws: XMLDiagnostics.self) {
            try document.evaluate("count(//node()[count(//node()) > 0])")
        }
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(error.items.first?.reason == .xpath)
        #expect(error.items.first?.message.lowercased().contains("limit") == true, "message: \(error.items.map(\.message))")
        // The same expression under the limit works.
        let small = try ParsedDocument.parse(bytes: Array("<d><r/><r/></d>".utf8), path: "small.xml")
        #expect(try small.evaluate("count(//node()[count(//node()) > 0])") == .number(3))
    }

    @Test("an unbound prefix and an unknown function are errors, not false")
    func cannotRun() throws {
        let document = try ParsedDocument.parse(bytes: Array("<d/>".utf8), path: "d.xml")
        #expect(throws: XMLDiagnostics.self) { try document.evaluate("count(/p:d)") }
        #expect(throws: XMLDiagnostics.self) { try document.evaluate("document('file:///etc/passwd')") }
    }
}
