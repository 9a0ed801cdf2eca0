import Foundation
import Testing
import WuyouXML

/// A small schema in its own namespace: `<order id>` holding one or more `<qty>` (positive integers).
enum OrderSchema {
    static let source = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                   xmlns:t="urn:test:order" targetNamespace="urn:test:order"
                   elementFormDefault="qualified">
          <xs:element name="order">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="qty" type="xs:positiveInteger" maxOccurs="unbounded"/>
              </xs:sequence>
              <xs:attribute name="id" type="xs:token" use="required"/>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """

    static func compile() throws -> XMLSchema {
        try XMLSchema(source: source, name: "order.xsd")
    }

    static func validate(_ text: String, path: String = "order.xml", schema: XMLSchema) throws -> [XMLDiagnostic] {
        try ParsedDocument.parse(bytes: Array(text.utf8), path: path).validate(against: schema)
    }
}

@Suite("XSD validation")
struct SchemaValidationTests {
    @Test("a valid document has no diagnostics")
    func valid() throws {
        let schema = try OrderSchema.compile()
        let errors = try OrderSchema.validate("""
            <order xmlns="urn:test:order" id="A1">
              <qty>1</qty>
              <qty>20</qty>
            </order>
            """, schema: schema)
        #expect(errors.isEmpty)
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let document: String
        let line: Int
        let column: Int
        let phrase: String
    }

    @Test("schema errors carry the file, the element's line and the column of its start tag", arguments: [
        Invalid(testDescription: "bad element value",
                document: "<order xmlns=\"urn:test:order\" id=\"A1\">\n  <qty>1</qty>\n    <qty>abc</qty>\n</order>",
                line: 3, column: 5, phrase: "positiveInteger"),
        Invalid(testDescription: "zero where a positive integer is required",
                document: "<order xmlns=\"urn:test:order\" id=\"A1\">\n\n\t<qty>0</qty>\n</order>",
                line: 3, column: 2, phrase: "qty"),
        Invalid(testDescription: "missing required attribute",
                document: "\n\n<order xmlns=\"urn:test:order\">\n  <qty>1</qty>\n</order>",
                line: 3, column: 1, phrase: "'id' is required"),
        Invalid(testDescription: "unexpected element",
                document: "<order xmlns=\"urn:test:order\" id=\"A1\">\n  <qty>1</qty>\n  <extra/>\n</order>",
                line: 3, column: 3, phrase: "not expected"),
        Invalid(testDescription: "prefixed element",
                document: "<t:order xmlns:t=\"urn:test:order\" id=\"A1\">\n   <t:qty>-4</t:qty>\n</t:order>",
                line: 2, column: 4, phrase: "qty"),
        Invalid(testDescription: "column counts characters, not bytes",
                document: "<order xmlns=\"urn:test:order\" id=\"订单\"><qty>x</qty></order>",
                line: 1, column: 39, phrase: "qty"),
        Invalid(testDescription: "wrong root namespace",
                document: "<?xml version=\"1.0\"?>\n<order xmlns=\"urn:test:other\" id=\"A1\"><qty>1</qty></order>",
                line: 2, column: 1, phrase: "No matching global declaration"),
        Invalid(testDescription: "unknown attribute",
                document: "<order xmlns=\"urn:test:order\" id=\"A1\">\n  <qty colour=\"red\">1</qty>\n</order>",
                line: 2, column: 3, phrase: "colour"),
    ])
    func located(_ invalid: Invalid) throws {
        let schema = try OrderSchema.compile()
        let errors = try OrderSchema.validate(invalid.document, path: "dir/order.xml", schema: schema)
        let first = try #require(errors.first)
        #expect(first.location.file == "dir/order.xml")
        #expect(first.location.line == invalid.line, "\(errors)")
        #expect(first.location.column == invalid.column, "\(errors)")
        #expect(first.message.contains(invalid.phrase), "\(errors)")
        #expect(errors.allSatisfy { $0.location.file == "dir/order.xml" && $0.location.line >= 1 && $0.location.column >= 1 })
    }

    @Test("the expected column in the multi-byte case really is the tag's character column")
    func multiByteColumnIsCharacters() {
        let prefix = "<order xmlns=\"urn:test:order\" id=\"订单\">"
        #expect(prefix.count + 1 == 39)
        #expect(prefix.utf8.count + 1 == 43)
    }

    @Test("a UTF-16 document still gets its line and a column of at least 1")
    func utf16Located() throws {
        let schema = try OrderSchema.compile()
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<order xmlns=\"urn:test:order\" id=\"A1\">\n\n  <qty>nope</qty>\n</order>\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let errors = try ParsedDocument.parse(bytes: bytes, path: "u16.xml").validate(against: schema)
        let first = try #require(errors.first)
        #expect(first.location.line == 4)
        #expect(first.location.column >= 1)
        #expect(first.location.file == "u16.xml")
    }

    @Test("schema errors on empty elements past line 65535 carry the element's own line")
    func bigLineSchemaError() throws {
        let schema = try XMLSchema(source: """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="r"><xs:complexType><xs:sequence>
                <xs:element name="e" maxOccurs="unbounded"><xs:complexType>
                  <xs:attribute name="n" type="xs:integer"/>
                </xs:complexType></xs:element>
              </xs:sequence></xs:complexType></xs:element>
            </xs:schema>
            """, name: "big.xsd")
        // <r> on line 1, the bad <e/> on line 70,001, then three blank lines and a good <e/>.
        let source = "<r>" + String(repeating: "\n", count: 70_000) + "  <e n=\"x\"/>\n\n\n<e n=\"1\"/></r>"
        let document = try ParsedDocument.parse(bytes: Array(source.utf8), path: "big.xml")
        let errors = document.validate(against: schema)
        #expect(errors.map(\.location) == [.init(file: "big.xml", line: 70_001, column: 3)], "\(errors)")
        // Validation leaves the recorded lines intact for later queries.
        guard case .nodes(let nodes) = try document.evaluate("/r/e") else {
            Issue.record("expected nodes")
            return
        }
        #expect(nodes.map(\.line) == [70_001, 70_004])
    }

    @Test("xsi:schemaLocation hints are never followed")
    func schemaLocationIgnored() throws {
        let schema = try OrderSchema.compile()
        let before = LibXML2.externalLoadRequests
        let errors = try OrderSchema.validate("""
            <order xmlns="urn:test:order" id="A1"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xsi:schemaLocation="urn:test:order http://127.0.0.1:9/order.xsd urn:x file:///etc/passwd"
                   xsi:noNamespaceSchemaLocation="file:///etc/passwd">
              <qty>1</qty>
            </order>
            """, schema: schema)
        #expect(LibXML2.externalLoadRequests == before, "libxml2 asked to load a schema")
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test("a schema that does not compile throws diagnostics naming it")
    func badSchema() throws {
        let diagnostics = try #require(throws: XMLDiagnostics.self) {
            try XMLSchema(source: """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
                  <xs:element name="a" type="xs:noSuchType"/>
                </xs:schema>
                """, name: "broken.xsd")
        }
        let first = try #require(diagnostics.items.first)
        #expect(first.location.file == "broken.xsd")
        #expect(first.location.line >= 1 && first.location.column >= 1)
        #expect(first.message.contains("noSuchType"))
    }

    @Test("validation leaves the document unchanged (no defaults are added)")
    func validationDoesNotChangeDocument() throws {
        let schema = try XMLSchema(source: """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="r"><xs:complexType>
                <xs:attribute name="n" type="xs:integer" default="7"/>
              </xs:complexType></xs:element>
            </xs:schema>
            """, name: "defaults.xsd")
        let document = try ParsedDocument.parse(bytes: Array("<r/>".utf8), path: "r.xml")
        #expect(document.validate(against: schema).isEmpty)
        #expect(try document.evaluate("count(/r/@n)") == .number(0))
    }
}

@Suite("One compiled schema shared by many concurrent validations")
struct ParallelValidationTests {
    /// Document `index`: valid when `index % 3 != 0`; otherwise one bad `<qty>` whose line
    /// depends on the index, so a mixed-up result cannot pass by accident.
    static func document(_ index: Int) -> (text: String, expectedLine: Int?) {
        let padding = String(repeating: "\n", count: index % 11)
        if index % 3 == 0 {
            let text = "<order xmlns=\"urn:test:order\" id=\"o\(index)\">\n  <qty>\(index + 1)</qty>\(padding)\n  <qty>bad\(index)</qty>\n</order>\n"
            return (text, 3 + index % 11)
        }
        return ("<order xmlns=\"urn:test:order\" id=\"o\(index)\">\(padding)\n  <qty>\(index + 1)</qty>\n</order>\n", nil)
    }

    /// Parses, validates and queries document `index`; returns a description of any mismatch.
    static func check(_ index: Int, schema: XMLSchema) -> String? {
        let (text, expectedLine) = document(index)
        let path = "parallel/\(index).xml"
        let document: ParsedDocument
        do {
            document = try ParsedDocument.parse(bytes: Array(text.utf8), path: path)
        } catch {
            return "\(index): does not parse: \(error)"
        }
        let errors = document.validate(against: schema)
        guard let value = try? document.evaluate("string(/t:order/@id)", namespaces: ["t": "urn:test:order"]),
              value == .string("o\(index)") else {
            return "\(index): XPath saw the wrong document"
        }
        if let expectedLine {
            guard errors.count == 1, let only = errors.first,
                  only.location == .init(file: path, line: expectedLine, column: 3),
                  only.message.contains("bad\(index)") else {
                return "\(index): expected one error on line \(expectedLine), got \(errors)"
            }
        } else if !errors.isEmpty {
            return "\(index): expected valid, got \(errors)"
        }
        return nil
    }

    @Test("400 documents validated from a TaskGroup each get exactly their own result")
    func taskGroup() async throws {
        let schema = try OrderSchema.compile()
        let count = 400
        let results = await withTaskGroup(of: (Int, String?).self) { group in
            for index in 0..<count {
                group.addTask { (index, Self.check(index, schema: schema)) }
            }
            var results: [Int: String?] = [:]
            for await (index, problem) in group { results[index] = problem }
            return results
        }
        #expect(results.count == count)
        let problems = results.values.compactMap { $0 }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        // Sanity: the mix really contains both kinds.
        #expect((0..<count).filter { Self.document($0).expectedLine != nil }.count == 134)
    }

    @Test("8 OS threads validating at once with one schema agree with the serial result")
    func rawThreads() throws {
        let schema = try OrderSchema.compile()
        let threads = 8, perThread = 50
        let problems = Problems()
        let group = DispatchGroup()
        for thread in 0..<threads {
            group.enter()
            let worker = Thread {
                for step in 0..<perThread {
                    if let problem = Self.check(thread * perThread + step, schema: schema) {
                        problems.add(problem)
                    }
                }
                group.leave()
            }
            worker.stackSize = 4 << 20
            worker.start()
        }
        group.wait()
        #expect(problems.all.isEmpty, "\(problems.all.prefix(5))")
    }

    final class Problems: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ item: String) { lock.withLock { items.append(item) } }
        var all: [String] { lock.withLock { items } }
    }
}
