import Foundation
import Testing
import WuyouXML

@Suite("Validating while parsing")
struct StreamedTableTests {
    static let vocabulary = XMLVocabulary(namespace: "urn:test:order", elements: ["order", "qty"], attributes: ["id"])

    @Test("a valid document gives the table its tree gives")
    func validDocument() throws {
        let schema = try OrderSchema.compile()
        let bytes = Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <order xmlns="urn:test:order" id=" A&amp;&#38;1 ">
              <qty>1<!-- one --></qty>
              <qty><![CDATA[2]]>&#48;</qty>
            </order>
            """.utf8)
        let streamed = try #require(schema.validTable(of: bytes, limits: .standard, vocabulary: Self.vocabulary))
        let tree = try ParsedDocument.parse(bytes: bytes, path: "order.xml").elementTable(Self.vocabulary)
        #expect(Self.contents(streamed) == Self.contents(tree))
        #expect(Self.contents(streamed).count == 3)
    }

    @Test("what is not a valid document gives no table", arguments: [
        "<order xmlns=\"urn:test:order\" id=\"A\"><qty>0</qty></order>",             // not valid
        "<order xmlns=\"urn:test:order\" id=\"A\"><qty>1</qty>",                     // not well-formed
        "<order xmlns=\"urn:test:order\" id=\"A\"><p:qty>1</p:qty></order>",         // namespace error
        "<!DOCTYPE order []><order xmlns=\"urn:test:order\" id=\"A\"><qty>1</qty></order>",
        "",
    ])
    func notValid(_ text: String) throws {
        let schema = try OrderSchema.compile()
        #expect(schema.validTable(of: Array(text.utf8), limits: .standard, vocabulary: Self.vocabulary) == nil)
    }

    @Test("a document beyond the limits gives no table")
    func beyondLimits() throws {
        let schema = try OrderSchema.compile()
        let bytes = Array("<order xmlns=\"urn:test:order\" id=\"A\"><qty>1</qty><qty>2</qty></order>".utf8)
        #expect(schema.validTable(of: bytes, limits: .standard, vocabulary: Self.vocabulary) != nil)
        #expect(schema.validTable(of: bytes, limits: XMLLimits(elements: 2, attributesPerElement: 8), vocabulary: Self.vocabulary) == nil)
    }

    @Test("UTF-16 is read in one pass; GB18030, which libxml2 must be told, is left to the parse")
    func encodings() throws {
        let schema = try OrderSchema.compile()
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<order xmlns=\"urn:test:order\" id=\"中文\">\n<qty>1</qty></order>"
        let utf16 = Encoded.utf16(text, bigEndian: false)
        let streamed = try #require(schema.validTable(of: utf16, limits: .standard, vocabulary: Self.vocabulary))
        let tree = try ParsedDocument.parse(bytes: utf16, path: "order.xml").elementTable(Self.vocabulary)
        #expect(Self.contents(streamed) == Self.contents(tree))
        let gb = Encoded.ascii("<?xml version=\"1.0\" encoding=\"GB18030\"?>\n<order xmlns=\"urn:test:order\" id=\"")
            + [0xD6, 0xD0, 0xCE, 0xC4] + Encoded.ascii("\">\n<qty>1</qty></order>")
        #expect(schema.validTable(of: gb, limits: .standard, vocabulary: Self.vocabulary) == nil)
        let parsed = try ParsedDocument.parse(bytes: gb, path: "order.xml")
        #expect(parsed.validate(against: schema).isEmpty)
        #expect(Self.contents(parsed.elementTable(Self.vocabulary)) == Self.contents(tree))
    }

    /// Everything a table says, as text, whatever the order of its buffer.
    static func contents(_ table: ElementTable) -> [String] {
        table.elements.map { element in
            let attributes = element.attributes.map { "\(table.attributes[$0].name)=\(table.string(table.attributes[$0].value))" }
            return "\(element.name) p\(element.parent) c\(element.firstChild) n\(element.nextSibling) l\(element.line) "
                + attributes.joined(separator: ",") + " [\(table.string(element.text))]"
        }
    }
}
