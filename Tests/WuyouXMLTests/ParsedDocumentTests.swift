import Foundation
import CLibXML2
import Testing
import WuyouXML

@Suite("Parsing well-formed documents")
struct ParsedDocumentTests {
    @Test("well-formed bytes become a tree with names, namespaces, attributes, text and lines")
    func parsesWellFormedBytes() throws {
        let source = """
            <?xml version="1.0" encoding="UTF-8"?>
            <s:survey xmlns:s="urn:test:1" xmlns:x="urn:other" id="a-1">
              <s:item n="1" x:note="foreign">first</s:item>
              <s:item n="2"><![CDATA[<second>]]></s:item>
              <plain>tail &amp; &#x4E2D;</plain>
            </s:survey>
            """
        let document = try ParsedDocument.parse(bytes: Support.utf8(source), path: "mem/good.xml")
        #expect(document.path == "mem/good.xml")
        let root = document.root
        #expect(root.name == "survey")
        #expect(root.namespace == "urn:test:1")
        #expect(root.attribute("id") == "a-1")
        #expect(root.line == 2)
        #expect(root.children.map(\.name) == ["item", "item", "plain"])
        #expect(root.children.map(\.line) == [3, 4, 5])

        let items = root.children(named: "item", in: "urn:test:1")
        #expect(items.count == 2)
        #expect(items[0].text == "first")
        #expect(items[0].attribute("n") == "1")
        // A namespaced attribute is not returned by the unqualified lookup.
        #expect(items[0].attribute("note") == nil)
        #expect(items[0].attributes.contains { $0.name == "note" && $0.namespace == "urn:other" && $0.value == "foreign" })
        #expect(items[1].text == "<second>")

        let plain = try #require(root.child(named: "plain", in: nil))
        #expect(plain.namespace == nil)
        #expect(plain.text == "tail & 中")
        #expect(root.child(named: "plain", in: "urn:test:1") == nil)
    }

    @Test("column(ofStartTag:line:) finds the start tag, with or without a prefix")
    func startTagColumns() throws {
        let source = "<r xmlns:p=\"urn:p\">\n  <a/>\n\t<p:b/>   <c/>\n</r>\n"
        let document = try ParsedDocument.parse(bytes: Support.utf8(source), path: "cols.xml")
        #expect(document.column(ofStartTag: "r", line: 1) == 1)
        #expect(document.column(ofStartTag: "a", line: 2) == 3)
        #expect(document.column(ofStartTag: "b", line: 3) == 2)
        #expect(document.column(ofStartTag: "c", line: 3) == 11)
        // Not on that line: falls back to column 1.
        #expect(document.column(ofStartTag: "a", line: 3) == 1)
    }

    @Test("element lines stay exact beyond line 65535 (XML_PARSE_BIG_LINES)")
    func bigLineNumbers() throws {
        // Line 1 is <r>; line k + 1 holds the element whose text is k.
        let count = 70_000
        var source = "<r>\n"
        source.reserveCapacity(count * 16)
        for k in 1...count {
            source += "<i>\(k)</i>\n"
        }
        source += "<last/></r>\n"
        let document = try ParsedDocument.parse(bytes: Support.utf8(source), path: "big.xml")
        let items = document.root.children(named: "i", in: nil)
        #expect(items.count == count)
        let wrong = items.filter { $0.line != Int($0.text)! + 1 }
        #expect(wrong.isEmpty, "first wrong lines: \(wrong.prefix(5).map { "\($0.text)→\($0.line)" })")
        #expect(items.last?.line == count + 1)

        let last = try #require(document.root.child(named: "last", in: nil))
        #expect(last.line == count + 2)

        guard case .nodes(let nodes) = try document.evaluate("/r/i[. = '69999']") else {
            Issue.record("expected a node set")
            return
        }
        #expect(nodes.map(\.line) == [70_000])
    }

    @Test("an empty element after line 65535 keeps its own line")
    func bigLineEmptyElement() throws {
        let padding = String(repeating: "\n", count: 70_000)
        let source = "<r>\(padding)<e/>\n\n\n<f a=\"1\"/></r>"
        let document = try ParsedDocument.parse(bytes: Support.utf8(source), path: "big-empty.xml")
        #expect(document.root.children.map(\.name) == ["e", "f"])
        #expect(document.root.children.map(\.line) == [70_001, 70_004])
        guard case .nodes(let nodes) = try document.evaluate("//f/@a") else {
            Issue.record("expected a node set")
            return
        }
        #expect(nodes.map(\.line) == [70_004])
    }

    @Test("a document nested 250 deep (below libxml2's limit of 256) parses")
    func deepButAllowedNesting() throws {
        let depth = 250
        let source = String(repeating: "<d>", count: depth) + "core" + String(repeating: "</d>", count: depth)
        let document = try ParsedDocument.parse(bytes: Support.utf8(source), path: "deep-ok.xml")
        var element = document.root
        var levels = 1
        while let child = element.children.first {
            element = child
            levels += 1
        }
        #expect(levels == depth)
        #expect(element.text == "core")
    }

    @Test("an XInclude element is kept as a plain element and never processed")
    func xincludeIsNotProcessed() throws {
        let source = """
            <?xml version="1.0"?>
            <r xmlns:xi="http://www.w3.org/2001/XInclude">
              <xi:include href="file:///etc/passwd" parse="text">
                <xi:fallback>fallback-text</xi:fallback>
              </xi:include>
              <xi:include href="http://127.0.0.1:9/x.xml"/>
            </r>
            """
        let before = LibXML2.externalLoadRequests
        let document = try ParsedDocument.parse(bytes: Support.utf8(source), path: "xinclude.xml")
        #expect(LibXML2.externalLoadRequests == before, "libxml2 asked to load something")
        let includes = document.root.children(named: "include", in: "http://www.w3.org/2001/XInclude")
        #expect(includes.count == 2)
        #expect(includes.map(\.line) == [3, 6])
        #expect(includes.first?.attribute("href") == "file:///etc/passwd")
        #expect(includes.first?.child(named: "fallback", in: "http://www.w3.org/2001/XInclude")?.text == "fallback-text")
        #expect(!Support.allText(of: document.root).contains("root:"))
        let whole = try document.evaluate("string(/)")
        guard case .string(let text) = whole else {
            Issue.record("expected a string, got \(whole)")
            return
        }
        #expect(!text.contains("root:"))
        #expect(text.contains("fallback-text"))
    }
}

@Suite("Encodings named by the XML declaration or a byte-order mark")
struct EncodingTests {
    static let chinese = "中文社区航空路"

    @Test("GB18030 bytes decode to the right Chinese text and attribute values")
    func gb18030() throws {
        // 中 文 社 区 in GB18030 (= GBK for these), written out by hand so the test does not
        // depend on the platform's converters; 😀 is a four-byte GB18030 sequence.
        let zhong: [UInt8] = [0xD6, 0xD0], wen: [UInt8] = [0xCE, 0xC4]
        let she: [UInt8] = [0xC9, 0xE7], qu: [UInt8] = [0xC7, 0xF8]
        let grin: [UInt8] = [0x94, 0x39, 0xFC, 0x36]
        var bytes = Support.utf8("<?xml version=\"1.0\" encoding=\"GB18030\"?>\n<r name=\"")
        bytes += she + qu + Support.utf8("\">\n  <t>")
        bytes += zhong + wen + grin + Support.utf8("</t>\n</r>\n")
        let document = try ParsedDocument.parse(bytes: bytes, path: "gb18030.xml")
        #expect(document.root.attribute("name") == "社区")
        #expect(document.root.child(named: "t", in: nil)?.text == "中文😀")
        #expect(document.root.child(named: "t", in: nil)?.line == 3)
    }

    @Test("a GBK declaration reads the same bytes")
    func gbk() throws {
        var bytes = Support.utf8("<?xml version=\"1.0\" encoding=\"GBK\"?><r>")
        bytes += [0xD6, 0xD0, 0xCE, 0xC4]
        bytes += Support.utf8("</r>")
        let document = try ParsedDocument.parse(bytes: bytes, path: "gbk.xml")
        #expect(document.root.text == "中文")
    }

    struct UTF16Case: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let bigEndian: Bool
        let declaration: String
    }

    @Test("UTF-16 with a byte-order mark round-trips Chinese text", arguments: [
        UTF16Case(testDescription: "UTF-16LE with BOM, declared UTF-16", bigEndian: false, declaration: "UTF-16"),
        UTF16Case(testDescription: "UTF-16BE with BOM, declared UTF-16", bigEndian: true, declaration: "UTF-16"),
        UTF16Case(testDescription: "UTF-16LE with BOM, no encoding declared", bigEndian: false, declaration: ""),
    ])
    func utf16(_ testCase: UTF16Case) throws {
        let declaration = testCase.declaration.isEmpty ? "" : " encoding=\"\(testCase.declaration)\""
        let text = "<?xml version=\"1.0\"\(declaration)?>\n<r name=\"\(Self.chinese)\">\n  <t>\(Self.chinese) 😀</t>\n</r>\n"
        var bytes: [UInt8] = testCase.bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            bytes += testCase.bigEndian ? [high, low] : [low, high]
        }
        let document = try ParsedDocument.parse(bytes: bytes, path: "utf16.xml")
        #expect(document.root.attribute("name") == Self.chinese)
        let t = try #require(document.root.child(named: "t", in: nil))
        #expect(t.text == "\(Self.chinese) 😀")
        #expect(t.line == 3)
    }

    @Test("a UTF-8 byte-order mark is accepted")
    func utf8BOM() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Support.utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><r>\(Self.chinese)</r>")
        let document = try ParsedDocument.parse(bytes: bytes, path: "bom.xml")
        #expect(document.root.text == Self.chinese)
    }
}

@Suite("External loads")
struct ExternalLoadTests {
    @Test("every load libxml2 asks for is refused and counted, so tests can show none was asked")
    func loaderRefusesAndCounts() throws {
        LibXML2.ensureInitialised()
        let before = LibXML2.externalLoadRequests
        let loaded = xmlLoadExternalEntity("http://127.0.0.1:9/evil.dtd", nil, nil)
        #expect(loaded == nil, "the load was not refused")
        #expect(LibXML2.externalLoadRequests == before + 1)
    }
}
