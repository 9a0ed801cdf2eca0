import Foundation
import Testing
import WuyouXML

/// Documents read in pieces, as a zip entry inflates: the same events however the bytes are
/// cut, and every refusal of ``ParsedDocument`` (DTDs, the limits, damage) while reading.
@Suite("Parsing in pieces")
struct XMLStreamParserTests {
    /// Writes each event as a line: `+name a=… b=…` at a start, `-name "text"` at an end.
    final class Recorder: XMLStreamHandler {
        var events: [String] = []

        func startElement(_ name: Int, attributes: XMLStreamAttributes) {
            let values = (0..<2).map { attributes.string($0).map { "\"\($0)\"" } ?? "-" }
            events.append("+\(name) \(values.joined(separator: " "))")
        }

        func endElement(_ name: Int, text: String) {
            events.append("-\(name) \"\(text)\"")
        }
    }

    static let document = """
        <?xml version="1.0" encoding="UTF-8"?>
        <x:sheet xmlns:x="urn:a" xmlns:y="urn:b"><!-- a=1 b="2" c='3' --><row r="1" y:r="no" s='a&amp;b&#38;c'>
        <c r="A1"><v>12</v></c><c><is><t>甲<![CDATA[<乙>]]></t><r><t> 丙</t></r></is></c><other><v>x</v></other>
        </row><?pi r="x" ?></x:sheet>
        """

    func parse(_ text: String, pieces: Int, limits: XMLLimits = .standard) throws(XMLDiagnostics) -> [String] {
        let bytes = Array(text.utf8)
        let parser = XMLStreamParser(path: "s.xml", elements: ["sheet", "row", "c", "v", "t"], attributes: ["r", "s"],
                                     textOf: ["v", "t"], limits: limits)
        let recorder = Recorder()
        let size = max(1, (bytes.count + pieces - 1) / pieces)
        for start in stride(from: 0, to: bytes.count, by: size) {
            try bytes[start..<min(bytes.count, start + size)].withUnsafeBufferPointer { piece throws(XMLDiagnostics) in
                try parser.feed(piece, to: recorder)
            }
        }
        try parser.finish(to: recorder)
        return recorder.events
    }

    @Test func theSameEventsHoweverTheBytesAreCut() throws {
        let whole = try parse(Self.document, pieces: 1)
        #expect(whole == [
            "+0 - -", "+1 \"1\" \"a&b&c\"", "+2 \"A1\" -", "+3 - -", "-3 \"12\"", "-2 \"\"", "+2 - -", "+-1 - -",
            "+4 - -", "-4 \"甲<乙>\"", "+-1 - -", "+4 - -", "-4 \" 丙\"", "--1 \"\"", "--1 \"\"", "-2 \"\"",
            "+-1 - -", "+3 - -", "-3 \"x\"", "--1 \"\"", "-1 \"\"", "-0 \"\"",
        ])
        for pieces in [2, 7, 64, Self.document.utf8.count] {
            #expect(try parse(Self.document, pieces: pieces) == whole, "in \(pieces) pieces")
        }
    }

    @Test func aDTDIsRefusedBeforeItIsRead() {
        let text = #"<!DOCTYPE sheet [<!ENTITY e SYSTEM "file:///etc/passwd">]><sheet>&e;</sheet>"#
        for pieces in [1, 5, text.utf8.count] {
            let error = #expect(throws: XMLDiagnostics.self) { try parse(text, pieces: pieces) }
            #expect(error?.items.first?.reason == .doctype)
        }
    }

    @Test func tooManyElementsStopTheReading() throws {
        let text = "<sheet>" + String(repeating: "<c/>", count: 20) + "</sheet>"
        #expect(try parse(text, pieces: 3, limits: XMLLimits(elements: 21, attributesPerElement: 8)).count == 42)
        let error = #expect(throws: XMLDiagnostics.self) { try parse(text, pieces: 3, limits: XMLLimits(elements: 20, attributesPerElement: 8)) }
        #expect(error?.items.first?.reason == .tooManyElements(limit: 20))
    }

    /// Counted before libxml2 sees the tag, however it is cut; `=` in comments, CDATA,
    /// processing instructions and quoted values is no attribute.
    @Test func tooManyAttributesAreRefusedBeforeLibxml2ComparesThem() {
        let attributes = (0..<9).map { " a\($0)=\"x=y\"" }.joined()
        let noise = "<!-- a=1 b=2 c=3 d=4 e=5 f=6 g=7 h=8 i=9 --><![CDATA[a=1 b=2 c=3 d=4 e=5 f=6 g=7 h=8 i=9]]><?p a=1 b=2 c=3 d=4 e=5 f=6 g=7 h=8 i=9?>"
        let limits = XMLLimits(elements: 100, attributesPerElement: 8)
        #expect((try? parse("<sheet>\(noise)<c a='=' b=\"==\"/></sheet>", pieces: 9, limits: limits)) != nil)
        for pieces in [1, 4, 100] {
            let error = #expect(throws: XMLDiagnostics.self) { try parse("<sheet><c\(attributes)/></sheet>", pieces: pieces, limits: limits) }
            #expect(error?.items.first?.reason == .tooManyAttributes(count: 9, limit: 8))
        }
    }

    @Test(arguments: ["<sheet><c></sheet>", "<sheet>", "<sheet/><more/>", "\u{1}"])
    func damageIsNotWellFormed(_ text: String) {
        let error = #expect(throws: XMLDiagnostics.self) { try parse(text, pieces: 2) }
        #expect(error?.items.first?.reason == .notWellFormed)
    }

    @Test func nothingIsEmpty() {
        let error = #expect(throws: XMLDiagnostics.self) { try parse("", pieces: 1) }
        #expect(error?.items.first?.reason == .empty)
    }
}
