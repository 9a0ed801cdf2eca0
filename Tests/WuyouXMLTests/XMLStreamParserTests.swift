import Foundation
#if canImport(CoreFoundation)
import CoreFoundation
#endif
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
        try parse(bytes: Array(text.utf8), pieces: pieces, limits: limits)
    }

    func parse(bytes: [UInt8], pieces: Int, limits: XMLLimits = .standard) throws(XMLDiagnostics) -> [String] {
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

    // MARK: Encodings

    static func utf16(_ text: String, bigEndian: Bool = false) -> [UInt8] {
        (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + text.utf16.flatMap {
            bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)]
        }
    }

    /// UTF-16 and GB18030 are read, in pieces cut anywhere, even inside a character or the
    /// declaration, to the same events as UTF-8.
    @Test func utf16AndGB18030GiveTheSameEvents() throws {
        let whole = try parse(Self.document, pieces: 1)
        let body = Self.document.drop { $0 != "\n" }
        let gb18030 = try #require((#"<?xml version="1.0" encoding="GB18030"?>"# + body).data(using: Self.gb18030))
        for bytes in [Self.utf16(#"<?xml version="1.0" encoding="UTF-16"?>"# + body),
                      Self.utf16(#"<?xml version="1.0" encoding="UTF-16"?>"# + body, bigEndian: true), Array(gb18030)] {
            for pieces in [1, 3, 64, bytes.count] {
                #expect(try parse(bytes: bytes, pieces: pieces) == whole, "in \(pieces) pieces")
            }
        }
    }

    static let gb18030 = String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(CFStringEncoding(CFStringEncodings.GB_18030_2000.rawValue)))

    /// The limit on attributes counts characters, not bytes: in UTF-16 a tag with too many is
    /// refused however the pieces cut its 16-bit units, and a character whose bytes look like
    /// a quote (U+2200 is `00 22` in UTF-16LE) hides no `=` from the count.
    @Test func utf16AttributesAreCountedByCharacter() {
        let limits = XMLLimits(elements: 100, attributesPerElement: 8)
        let attributes = (0..<9).map { " a\($0)=\"\u{2200}x\"" }.joined()
        let bytes = Self.utf16("<sheet><c\(attributes)/></sheet>")
        for pieces in [1, 5, 17, bytes.count] {
            let error = #expect(throws: XMLDiagnostics.self) { try parse(bytes: bytes, pieces: pieces, limits: limits) }
            #expect(error?.items.first?.reason == .tooManyAttributes(count: 9, limit: 8), "in \(pieces) pieces")
        }
        let fewer = Self.utf16("<sheet><c" + (0..<8).map { " a\($0)=\"\u{2200}\"" }.joined() + "/></sheet>")
        #expect((try? parse(bytes: fewer, pieces: 7, limits: limits)) != nil)
    }

    /// EBCDIC (`<?xml` is `4C 6F A7 94`), UCS-4, and a declaration of an encoding wuyou does
    /// not read are refused before libxml2 decodes anything, wherever the pieces are cut.
    @Test(arguments: [
        ([0x4C, 0x6F, 0xA7, 0x94, 0x93, 0x40], "EBCDIC"),
        ([0x00, 0x00, 0x00, 0x3C, 0x00, 0x00, 0x00, 0x3F], "UCS-4"),
        (Array(#"<?xml version="1.0" encoding="Shift_JIS"?><sheet/>"#.utf8), "Shift_JIS"),
    ] as [([UInt8], String)])
    func anEncodingWuyouDoesNotReadIsRefused(_ bytes: [UInt8], _ name: String) {
        for pieces in [1, bytes.count] {
            let error = #expect(throws: XMLDiagnostics.self) { try parse(bytes: bytes, pieces: pieces) }
            #expect(error?.items.first?.reason == .unsupportedEncoding(name), "in \(pieces) pieces")
        }
    }

    /// A declaration that contradicts the bytes is refused; one longer than 4 KB is read in the
    /// encoding the bytes show, whatever it names, by the scan and libxml2 alike.
    @Test func aDeclarationCannotSwitchTheEncoding() throws {
        let conflicting = Self.utf16(#"<?xml version="1.0" encoding="UTF-8"?><sheet/>"#)
        let error = #expect(throws: XMLDiagnostics.self) { try parse(bytes: conflicting, pieces: 3) }
        #expect(error?.items.first?.reason == .conflictingEncoding(bytes: "UTF-16LE", declared: "UTF-8"))
        let limits = XMLLimits(elements: 100, attributesPerElement: 1)
        let many = #"<?xml version="1.0""# + String(repeating: " ", count: 5000) + #"encoding="IBM037"?><sheet><c a="1" b="2"/></sheet>"#
        // Handed over at once, the whole declaration is read, and its encoding refused.
        let whole = #expect(throws: XMLDiagnostics.self) { try parse(many, pieces: 1, limits: limits) }
        #expect(whole?.items.first?.reason == .unsupportedEncoding("IBM037"))
        // Byte by byte, the encoding is decided at 4 KB (UTF-8), and libxml2 keeps to it.
        let refused = #expect(throws: XMLDiagnostics.self) { try parse(many, pieces: many.utf8.count, limits: limits) }
        #expect(refused?.items.first?.reason == .tooManyAttributes(count: 2, limit: 1))
    }
}
