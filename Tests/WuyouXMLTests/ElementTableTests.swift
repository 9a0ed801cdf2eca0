import Foundation
import Testing
import WuyouXML

@Suite("Element tables")
struct ElementTableTests {
    static let vocabulary = XMLVocabulary(namespace: "urn:test:1", elements: ["survey", "item", "list"], attributes: ["id", "n"])

    @Test("one namespace's elements, flat in document order, with names as vocabulary indices")
    func flatElements() throws {
        let source = """
            <?xml version="1.0" encoding="UTF-8"?>
            <s:survey xmlns:s="urn:test:1" xmlns:x="urn:other" id="a-1" x:id="foreign">
              <s:item n="1" x:note="foreign" odd="?">fir<x:b>not mine</x:b>st</s:item>
              <x:wrap><s:item n="hidden"/></x:wrap>
              <s:list>
                <s:item n="2"><![CDATA[<second>]]> &amp; &#x4E2D;</s:item>
                <s:unknown/>
              </s:list>
            </s:survey>
            """
        let document = try ParsedDocument.parse(bytes: Support.utf8(source), path: "mem/table.xml")
        let table = document.elementTable(Self.vocabulary)
        // The foreign <x:wrap> is left out with the item inside it.
        #expect(table.elements.map(\.name) == [0, 1, 2, 1, ElementTable.none])
        #expect(table.elements.map(\.line) == [2, 3, 5, 6, 7])
        #expect(table.elements.map(\.parent) == [ElementTable.none, 0, 0, 2, 2])
        #expect(Array(table.children(of: 0)) == [1, 2])
        #expect(Array(table.children(of: 2)) == [3, 4])
        #expect(Array(table.children(of: 1)).isEmpty)
        // Unqualified attributes only; one outside the vocabulary keeps its value.
        #expect(table.attribute(0, of: 0).map(table.string) == "a-1")
        #expect(table.elements[1].attributes.map { table.attributes[$0].name } == [1, ElementTable.none])
        #expect(table.attribute(1, of: 1).map(table.string) == "1")
        #expect(table.string(table.attributes[table.elements[1].attributes.last!].value) == "?")
        // Own text and CDATA only, entities resolved; a child's text is not its parent's.
        #expect(table.string(table.elements[1].text) == "first")
        #expect(table.string(table.elements[3].text) == "<second> & 中")
        #expect(table.string(table.elements[2].text).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    @Test("a root in another namespace gives an empty table")
    func foreignRoot() throws {
        let document = try ParsedDocument.parse(bytes: Support.utf8("<survey id=\"x\"><item/></survey>"), path: "mem/plain.xml")
        #expect(document.elementTable(Self.vocabulary).elements.isEmpty)
    }

    @Test("lines stay exact beyond line 65535")
    func bigLines() throws {
        let source = "<s:survey xmlns:s=\"urn:test:1\">" + String(repeating: "\n", count: 70_000) + "<s:item/>\n<s:item>x</s:item></s:survey>"
        let table = try ParsedDocument.parse(bytes: Support.utf8(source), path: "mem/long.xml").elementTable(Self.vocabulary)
        #expect(table.elements.map(\.line) == [1, 70_001, 70_002])
    }
}
