import Foundation
import Testing
import WuyouXML

/// One kind of input that must be refused with a located, readable diagnostic.
struct BadInput: Sendable, CustomTestStringConvertible {
    /// The bytes handed to the parser. Reading files (directories, pipes, size limits) is the
    /// core's `InputFile`, tested there.
    enum Source: Sendable {
        case bytes([UInt8])
    }

    let testDescription: String
    let source: Source
    /// Must appear (case-insensitively) in the first diagnostic's message.
    let phrase: String
    /// The line the first diagnostic must point at, when the input pins one down.
    var line: Int?
    /// Text that must appear nowhere in the diagnostics (e.g. expanded entity content).
    var forbidden: [String] = []
    init(_ description: String, _ source: Source, phrase: String, line: Int? = nil, forbidden: [String] = []) {
        self.testDescription = description
        self.source = source
        self.phrase = phrase
        self.line = line
        self.forbidden = forbidden
    }
}

extension BadInput {
    static func text(_ text: String) -> Source { .bytes(Array(text.utf8)) }

    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <lolz>&lol9;</lolz>
        """

    static let all: [BadInput] = [
        BadInput("not well-formed: unclosed tag",
                 text("<?xml version=\"1.0\"?>\n<r>\n  <a>\n</r>\n"),
                 phrase: "Opening and ending tag mismatch", line: 4),
        BadInput("truncated document",
                 text("<?xml version=\"1.0\"?>\n<r>\n  <a>some te"),
                 phrase: "Premature end of data", line: 3),
        BadInput("truncated inside a start tag",
                 text("<?xml version=\"1.0\"?>\n<r>\n  <a b=\"1"),
                 phrase: "AttValue", line: 3),
        BadInput("empty file", .bytes([]), phrase: "empty", line: 1),
        BadInput("whitespace-only file", text("  \n\t\r\n  \n"), phrase: "empty", line: 1),
        BadInput("byte-order mark only", .bytes([0xEF, 0xBB, 0xBF]), phrase: "Start tag expected", line: 1),
        BadInput("plain text, not XML", text("hello, world\n"), phrase: "Start tag expected", line: 1),
        BadInput("two root elements", text("<a/>\n<b/>\n"), phrase: "Extra content at the end", line: 2),
        BadInput("invalid UTF-8 bytes in a UTF-8 document",
                 .bytes(Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r>\ncaf".utf8) + [0xFF, 0xFE] + Array("</r>\n".utf8)),
                 phrase: "not proper UTF-8", line: 3),
        BadInput("Latin-1 bytes in a document declared UTF-8",
                 .bytes(Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r>caf".utf8) + [0xE9] + Array("</r>\n".utf8)),
                 phrase: "not proper UTF-8", line: 2),
        BadInput("a control character in text",
                 .bytes(Array("<r>\n\n".utf8) + [0x01] + Array("</r>".utf8)),
                 phrase: "invalid Char value", line: 3),
        BadInput("an encoding nobody knows",
                 text("<?xml version=\"1.0\" encoding=\"X-NO-SUCH-ENCODING\"?>\n<r/>\n"),
                 phrase: "encoding", line: 1),
        BadInput("an undeclared entity reference",
                 text("<r>\n  <a>&secret;</a>\n</r>\n"),
                 phrase: "Entity 'secret' not defined", line: 2),
        BadInput("external entity reading file:///etc/passwd",
                 text("""
                     <?xml version="1.0"?>
                     <!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                     <r>&xxe;</r>
                     """),
                 phrase: "DOCTYPE", line: 2, forbidden: ["root:"]),
        BadInput("external entity in an attribute default",
                 text("""
                     <?xml version="1.0"?>
                     <!DOCTYPE r [
                       <!ENTITY xxe SYSTEM "file:///etc/passwd">
                       <!ATTLIST r a CDATA "&xxe;">
                     ]>
                     <r/>
                     """),
                 phrase: "DOCTYPE", line: 2, forbidden: ["root:"]),
        BadInput("external DTD that is /etc/passwd",
                 text("<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"file:///etc/passwd\">\n<r/>\n"),
                 phrase: "DOCTYPE", line: 2, forbidden: ["root:"]),
        BadInput("parameter entity reading file:///etc/passwd",
                 text("""
                     <?xml version="1.0"?>
                     <!DOCTYPE r [
                       <!ENTITY % pe SYSTEM "file:///etc/passwd">
                       %pe;
                     ]>
                     <r/>
                     """),
                 phrase: "DOCTYPE", line: 2, forbidden: ["root:"]),
        BadInput("parameter entities building a declaration",
                 text("""
                     <?xml version="1.0"?>
                     <!DOCTYPE r [
                       <!ENTITY % start "<!ENTITY inner 'built'>">
                       %start;
                     ]>
                     <r>&inner;</r>
                     """),
                 phrase: "DOCTYPE", line: 2, forbidden: ["built"]),
        BadInput("billion-laughs DTD", text(billionLaughs),
                 phrase: "DOCTYPE", line: 2, forbidden: ["lollollol"]),
        BadInput("DTD URL on http://127.0.0.1:9/",
                 text("<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n<r/>\n"),
                 phrase: "DOCTYPE", line: 2),
        BadInput("public DTD identifier on http://127.0.0.1:9/",
                 text("<!DOCTYPE r PUBLIC \"-//EVIL//DTD X//EN\" \"http://127.0.0.1:9/evil.dtd\"><r/>"),
                 phrase: "DOCTYPE", line: 1),
        BadInput("harmless internal entity (any DOCTYPE is refused)",
                 text("<?xml version=\"1.0\"?>\n\n<!DOCTYPE r [<!ENTITY hi \"hello\">]>\n<r>&hi;</r>\n"),
                 phrase: "DOCTYPE", line: 3, forbidden: ["hello"]),
        BadInput("10,000 nested elements",
                 text(String(repeating: "<d>", count: 10_000) + String(repeating: "</d>", count: 10_000)),
                 phrase: "depth", line: 1),
        BadInput("gzip-compressed file (must not be gunzipped)",
                 .bytes(Support.gzip(Array("<?xml version=\"1.0\"?>\n<r>hello</r>\n".utf8))),
                 phrase: "Start tag expected", line: 1, forbidden: ["hello"]),
    ]
}

@Suite("Bad input is refused with file, line, column and message")
struct BadInputTests {
    @Test("bad input is refused", arguments: BadInput.all)
    func refused(_ input: BadInput) throws {
        switch input.source {
        case .bytes(let bytes):
            let path = "cases/input.xml"
            _ = try check(input, path: path) { () throws(XMLDiagnostics) in try ParsedDocument.parse(bytes: bytes, path: path) }
        }
    }

    /// Runs `parse`, which must throw, and checks the diagnostics against `input`.
    private func check(
        _ input: BadInput, path: String,
        _ parse: () throws(XMLDiagnostics) -> ParsedDocument
    ) throws -> XMLDiagnostics {
        // Nothing is fetched: libxml2 never even asks for a DTD, entity or include.
        let before = LibXML2.externalLoadRequests
        let failure = Support.failure(parse)
        #expect(LibXML2.externalLoadRequests == before, "libxml2 asked to load something")
        let diagnostics = try #require(failure)
        let first = try #require(diagnostics.items.first)
        #expect(first.location.file == path)
        #expect(first.location.line >= 1)
        #expect(first.location.column >= 1)
        if let line = input.line {
            #expect(first.location.line == line, "\(diagnostics)")
        }
        #expect(!first.message.isEmpty)
        if !input.phrase.isEmpty {
            #expect(first.message.lowercased().contains(input.phrase.lowercased()), "\(diagnostics)")
        }
        #expect(first.description.hasPrefix("\(path):\(first.location.line):\(first.location.column): "))
        for item in diagnostics.items {
            #expect(item.location.file == path)
            #expect(item.location.line >= 1 && item.location.column >= 1)
        }
        for text in input.forbidden + ["root:"] {
            #expect(!diagnostics.description.contains(text), "\(diagnostics)")
        }
        return diagnostics
    }

    @Test("the DOCTYPE diagnostic says what is wrong and where the DOCTYPE is")
    func doctypeMessage() throws {
        let source = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<r>&xxe;</r>\n"
        let diagnostics = try #require(Support.failure { () throws(XMLDiagnostics) in
            try ParsedDocument.parse(bytes: Support.utf8(source), path: "xxe.xml")
        })
        #expect(diagnostics.items.count == 1, "the parse stops at the DOCTYPE: \(diagnostics)")
        let only = try #require(diagnostics.items.first)
        #expect(only.message.contains("DOCTYPE is not allowed"))
        #expect(only.reason == .doctype)
        // The column of `<!DOCTYPE` itself, not where the parser stopped after reading it.
        #expect(only.location == .init(file: "xxe.xml", line: 2, column: 1))

        let indented = "<?xml version=\"1.0\"?>\n  <!DOCTYPE r SYSTEM \"http://127.0.0.1:9/x.dtd\">\n<r/>\n"
        let moved = try #require(Support.failure { () throws(XMLDiagnostics) in
            try ParsedDocument.parse(bytes: Support.utf8(indented), path: "indented.xml")
        })
        #expect(moved.items.first?.location == .init(file: "indented.xml", line: 2, column: 3))
    }

    @Test("libxml2 prints nothing to stderr, whatever the input")
    func nothingOnStandardError() throws {
        let schema = try XMLSchema(source: """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="r"><xs:complexType><xs:attribute name="n" type="xs:integer"/></xs:complexType></xs:element>
            </xs:schema>
            """, name: "tiny.xsd")
        let captured = try Support.capturingStandardError {
            // Proves the capture works: this line must come back.
            FileHandle.standardError.write(Data("(stderr capture check)\n".utf8))
            for input in BadInput.all {
                if case .bytes(let bytes) = input.source {
                    _ = try? ParsedDocument.parse(bytes: bytes, path: "quiet.xml")
                }
            }
            let document = try ParsedDocument.parse(bytes: Support.utf8("<r n=\"x\"/>"), path: "quiet.xml")
            #expect(!document.validate(against: schema).isEmpty)
            _ = try? document.evaluate("//[")
            _ = try? document.evaluate("unknown-function(1)")
            _ = try? document.evaluate("//p:x")
            #expect(XPathSyntax.error(in: "/a[") != nil)
            #expect(throws: XMLDiagnostics.self) { try XMLSchema(source: "<not-a-schema/>", name: "bad.xsd") }
            // The same from a thread libxml2 has never seen.
            let done = DispatchSemaphore(value: 0)
            let worker = Thread {
                _ = try? ParsedDocument.parse(bytes: Support.utf8("<a><b></a>"), path: "thread.xml")
                if let document = try? ParsedDocument.parse(bytes: Support.utf8("<r n=\"y\"/>"), path: "thread.xml") {
                    _ = document.validate(against: schema)
                    _ = try? document.evaluate("//[")
                }
                _ = XPathSyntax.error(in: "//[")
                done.signal()
            }
            worker.start()
            done.wait()
        }
        #expect(captured.contains("(stderr capture check)"))
        for marker in ["parser error", "validity error", "XPath error", "Schemas parser error", "I/O", "warning :"] {
            #expect(!captured.contains(marker), "libxml2 wrote to stderr:\n\(captured)")
        }
    }
}
