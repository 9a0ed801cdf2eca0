import Foundation
import Testing
@testable import WuyouXML

/// Documents written in a given encoding, spelled out byte by byte so that the tests do not
/// depend on the platform's converters (and EBCDIC, which Foundation cannot write).
enum Encoded {
    /// ASCII text in EBCDIC (IBM037); only the characters these tests use.
    static func ebcdic(_ text: String) -> [UInt8] {
        let rows: [(String, UInt8)] = [
            ("abcdefghi", 0x81), ("jklmnopqr", 0x91), ("stuvwxyz", 0xA2),
            ("ABCDEFGHI", 0xC1), ("JKLMNOPQR", 0xD1), ("STUVWXYZ", 0xE2), ("0123456789", 0xF0),
        ]
        let single: [Character: UInt8] = [
            " ": 0x40, "\n": 0x25, ".": 0x4B, "<": 0x4C, "-": 0x60, "/": 0x61, "_": 0x6D, ">": 0x6E, "?": 0x6F,
            "'": 0x7D, "=": 0x7E, "\"": 0x7F,
        ]
        return text.map { character in
            if let byte = single[character] { return byte }
            for (letters, first) in rows {
                if let offset = letters.firstIndex(of: character) { return first + UInt8(letters.distance(from: letters.startIndex, to: offset)) }
            }
            fatalError("no EBCDIC byte for \(character) in this test")
        }
    }

    static func utf16(_ text: String, bigEndian: Bool, bom: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }

    /// UCS-4 with the bytes of each character in `order` (`[3, 2, 1, 0]` is big-endian).
    static func ucs4(_ text: String, order: [Int], bom: Bool = false) -> [UInt8] {
        let scalars = (bom ? [0xFEFF] : []) + text.unicodeScalars.map(\.value)
        return scalars.flatMap { value in
            let littleEndian = (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
            return order.map { littleEndian[$0] }
        }
    }

    static func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// A root element with `count` attributes: what makes libxml2 quadratic.
    static func manyAttributes(_ count: Int) -> String {
        "<r" + (0..<count).map { " a\($0)=\"1\"" }.joined() + "/>"
    }
}

@Suite("Encodings: every limit holds in every encoding libxml2 reads")
struct SourceEncodingTests {
    struct Refused: CustomTestStringConvertible, Sendable {
        let testDescription: String
        let bytes: [UInt8]
        let reason: XMLDiagnostic.Reason
    }

    static let attributes = Encoded.manyAttributes(60_000)

    /// Each would take libxml2 tens of seconds (60,000 attributes on one element) if the scan
    /// let it through; each is refused at 1:1 before libxml2 sees it.
    static let refused: [Refused] = [
        Refused(testDescription: "EBCDIC (IBM037), declared",
                bytes: Encoded.ebcdic("<?xml version=\"1.0\" encoding=\"IBM037\"?>\n" + attributes),
                reason: .unsupportedEncoding("IBM037")),
        Refused(testDescription: "EBCDIC with no encoding declared",
                bytes: Encoded.ebcdic("<?xml version=\"1.0\"?>\n" + attributes), reason: .unsupportedEncoding("EBCDIC")),
        Refused(testDescription: "an ASCII declaration switching to EBCDIC",
                bytes: Encoded.ascii("<?xml version=\"1.0\" encoding=\"IBM037\"?>") + Encoded.ebcdic(attributes),
                reason: .unsupportedEncoding("IBM037")),
        Refused(testDescription: "an alias in lower case, in single quotes, with blanks around =",
                bytes: Encoded.ascii("<?xml version=\"1.0\" encoding \n= 'ebcdic-cp-us' ?>") + Encoded.ebcdic(attributes),
                reason: .unsupportedEncoding("ebcdic-cp-us")),
        Refused(testDescription: "no version, which libxml2 reports and then switches anyway",
                bytes: Encoded.ebcdic("<?xml encoding=\"cp037\"?>" + attributes), reason: .unsupportedEncoding("cp037")),
        Refused(testDescription: "an encoding inside a broken version, which libxml2 still reads",
                bytes: Encoded.ascii("<?xml version='encoding=\"IBM-037\"'?>") + Encoded.ebcdic(attributes),
                reason: .unsupportedEncoding("IBM-037")),
        Refused(testDescription: "UCS-4 big-endian",
                bytes: Encoded.ucs4("<?xml version=\"1.0\" encoding=\"UCS-4\"?>" + attributes, order: [3, 2, 1, 0]),
                reason: .unsupportedEncoding("UCS-4")),
        Refused(testDescription: "UCS-4 little-endian, declared UTF-32",
                bytes: Encoded.ucs4("<?xml version=\"1.0\" encoding=\"UTF-32\"?>" + attributes, order: [0, 1, 2, 3]),
                reason: .unsupportedEncoding("UTF-32")),
        Refused(testDescription: "UCS-4 in the unusual order 2143, no declaration",
                bytes: Encoded.ucs4(attributes, order: [2, 3, 0, 1]), reason: .unsupportedEncoding("UCS-4")),
        Refused(testDescription: "UCS-4 in the unusual order 3412, no declaration",
                bytes: Encoded.ucs4(attributes, order: [1, 0, 3, 2]), reason: .unsupportedEncoding("UCS-4")),
        Refused(testDescription: "UTF-32LE with a byte-order mark (libxml2 takes it for UTF-16)",
                bytes: Encoded.ucs4(attributes, order: [0, 1, 2, 3], bom: true), reason: .unsupportedEncoding("UTF-32")),
        Refused(testDescription: "UTF-32BE with a byte-order mark",
                bytes: Encoded.ucs4(attributes, order: [3, 2, 1, 0], bom: true), reason: .unsupportedEncoding("UTF-32")),
        Refused(testDescription: "Shift_JIS, whose second bytes may be [ and ]",
                bytes: Encoded.ascii("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>" + attributes),
                reason: .unsupportedEncoding("Shift_JIS")),
        Refused(testDescription: "ISO-2022-CN, whose double bytes are ASCII",
                bytes: Encoded.ascii("<?xml version=\"1.0\" encoding=\"ISO-2022-CN\"?>" + attributes),
                reason: .unsupportedEncoding("ISO-2022-CN")),
        Refused(testDescription: "UTF-7, which writes < as +ADw-",
                bytes: Encoded.ascii("<?xml version=\"1.0\" encoding=\"UTF-7\"?>" + attributes), reason: .unsupportedEncoding("UTF-7")),
        Refused(testDescription: "a UTF-16 byte-order mark under a GB18030 declaration",
                bytes: Encoded.utf16("<?xml version=\"1.0\" encoding=\"GB18030\"?>", bigEndian: false) + Encoded.ascii(attributes),
                reason: .conflictingEncoding(bytes: "UTF-16LE", declared: "GB18030")),
        Refused(testDescription: "a UTF-8 byte-order mark under a GB2312 declaration",
                bytes: [0xEF, 0xBB, 0xBF] + Encoded.ascii("<?xml version=\"1.0\" encoding=\"gb2312\"?>" + attributes),
                reason: .conflictingEncoding(bytes: "UTF-8", declared: "gb2312")),
        Refused(testDescription: "ASCII bytes declaring UTF-16LE, UTF-16 after the declaration",
                bytes: Encoded.ascii("<?xml version=\"1.0\" encoding=\"UTF-16LE\"?>") + Encoded.utf16(attributes, bigEndian: false, bom: false),
                reason: .conflictingEncoding(bytes: "UTF-8", declared: "UTF-16LE")),
        Refused(testDescription: "UTF-16LE declaring UTF-16BE",
                bytes: Encoded.utf16("<?xml version=\"1.0\" encoding=\"UTF-16BE\"?>", bigEndian: false)
                    + Encoded.utf16(attributes, bigEndian: true, bom: false),
                reason: .conflictingEncoding(bytes: "UTF-16LE", declared: "UTF-16BE")),
        Refused(testDescription: "UTF-16BE declaring UTF-8",
                bytes: Encoded.utf16("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + attributes, bigEndian: true),
                reason: .conflictingEncoding(bytes: "UTF-16BE", declared: "UTF-8")),
        Refused(testDescription: "two encodings in one declaration",
                bytes: Encoded.ascii("<?xml version=\"1.0\" encoding=\"UTF-8\" encoding=\"GB18030\"?>" + attributes),
                reason: .unsupportedEncoding("UTF-8 / GB18030")),
    ]

    @Test("a document in an encoding the scan cannot read exactly is refused at once, at 1:1", arguments: refused)
    func refusedAtOnce(_ refused: Refused) throws {
        let start = ContinuousClock.now
        let diagnostics = try #require(Support.failure { () throws(XMLDiagnostics) in
            try ParsedDocument.parse(bytes: refused.bytes, path: "e.xml")
        })
        // Unbounded, libxml2 takes 20 s to 40 s on these; refusing reads a few dozen bytes.
        #expect(ContinuousClock.now - start < .seconds(2))
        let only = try #require(diagnostics.items.first)
        #expect(diagnostics.items.count == 1)
        #expect(only.reason == refused.reason)
        #expect(only.location == .init(file: "e.xml", line: 1, column: 1))
        switch refused.reason {
        case .unsupportedEncoding(let name):
            #expect(only.message == "the encoding \(name) is not read (only UTF-8, UTF-16, GB18030, GBK, GB2312, US-ASCII, ISO-8859-1)")
        case .conflictingEncoding(let found, let declared):
            #expect(only.message == "the bytes are \(found) but the declaration says \(declared)")
        default:
            Issue.record("not an encoding: \(refused.reason)")
        }
    }

    @Test("the one-pass reader refuses them too", arguments: refused)
    func streamedRefused(_ refused: Refused) throws {
        let schema = try XMLSchema(source: #"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="r"/></xs:schema>"#, name: "r.xsd")
        let vocabulary = XMLVocabulary(namespace: "", elements: ["r"], attributes: [])
        #expect(schema.validTable(of: refused.bytes, limits: .standard, vocabulary: vocabulary) == nil)
    }

    struct Accepted: CustomTestStringConvertible, Sendable {
        let testDescription: String
        let bytes: [UInt8]
        let encoding: SourceEncoding
    }

    /// 中文 is D6 D0 CE C4 in GB2312, GBK and GB18030 alike; é is E9 in ISO-8859-1.
    static let chinese: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4]

    static let accepted: [Accepted] = [
        Accepted(testDescription: "UTF-8 with no declaration", bytes: Encoded.ascii("<r>中文</r>"), encoding: .utf8),
        Accepted(testDescription: "UTF-8 declared in lower case",
                 bytes: Encoded.ascii("<?xml version=\"1.0\" encoding=\"utf-8\"?><r>中文</r>"), encoding: .utf8),
        Accepted(testDescription: "UTF8, as libxml2 also spells it",
                 bytes: Encoded.ascii("<?xml version='1.0' encoding='UTF8'?><r>中文</r>"), encoding: .utf8),
        Accepted(testDescription: "UTF-8 with a byte-order mark and its declaration",
                 bytes: [0xEF, 0xBB, 0xBF] + Encoded.ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?><r>中文</r>"), encoding: .utf8),
        Accepted(testDescription: "GB18030", bytes: Encoded.ascii("<?xml version=\"1.0\" encoding=\"GB18030\"?><r>") + chinese + Encoded.ascii("</r>"),
                 encoding: .chinese("GB18030")),
        Accepted(testDescription: "gbk in lower case", bytes: Encoded.ascii("<?xml version=\"1.0\" encoding=\"gbk\"?><r>") + chinese + Encoded.ascii("</r>"),
                 encoding: .chinese("GBK")),
        Accepted(testDescription: "GB2312", bytes: Encoded.ascii("<?xml version=\"1.0\" encoding=\"GB2312\"?><r>") + chinese + Encoded.ascii("</r>"),
                 encoding: .chinese("GB2312")),
        Accepted(testDescription: "ISO-8859-1", bytes: Encoded.ascii("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r>caf") + [0xE9] + Encoded.ascii("</r>"),
                 encoding: .singleByte("ISO-8859-1")),
        Accepted(testDescription: "US-ASCII", bytes: Encoded.ascii("<?xml version=\"1.0\" encoding=\"US-ASCII\"?><r>cafe</r>"),
                 encoding: .singleByte("US-ASCII")),
        Accepted(testDescription: "UTF-16LE with a byte-order mark, declared UTF-16",
                 bytes: Encoded.utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?><r>中文</r>", bigEndian: false), encoding: .utf16(bigEndian: false)),
        Accepted(testDescription: "UTF-16BE with a byte-order mark, no declaration",
                 bytes: Encoded.utf16("<r>中文</r>", bigEndian: true), encoding: .utf16(bigEndian: true)),
        Accepted(testDescription: "UTF-16LE without a byte-order mark, declared utf-16le",
                 bytes: Encoded.utf16("<?xml version=\"1.0\" encoding=\"utf-16le\"?><r>中文</r>", bigEndian: false, bom: false),
                 encoding: .utf16(bigEndian: false)),
        Accepted(testDescription: "UTF-16BE without a byte-order mark, declared UTF-16BE",
                 bytes: Encoded.utf16("<?xml version=\"1.0\" encoding=\"UTF-16BE\"?><r>中文</r>", bigEndian: true, bom: false),
                 encoding: .utf16(bigEndian: true)),
    ]

    @Test("the accepted encodings still read", arguments: accepted)
    func reads(_ accepted: Accepted) throws {
        #expect(SourceEncoding.of(accepted.bytes) == .success(accepted.encoding))
        let document = try ParsedDocument.parse(bytes: accepted.bytes, path: "a.xml")
        #expect(["中文", "café", "cafe"].contains(document.root.text), "\(document.root.text)")
    }

    @Test("the encodings wuyou reads are the ones documented")
    func documentedList() {
        #expect(SourceEncoding.accepted == ["UTF-8", "UTF-16", "GB18030", "GBK", "GB2312", "US-ASCII", "ISO-8859-1"])
    }

    static let limits = XMLLimits(elements: 10, attributesPerElement: 64)

    /// U+2200 is 22 00 in UTF-16LE: a scan that dropped NUL bytes saw a quote there, stayed
    /// "in a value" to the end of the tag, and counted one attribute of 66.
    @Test("a UTF-16 character whose bytes hold a quote does not hide attributes", arguments: [false, true])
    func utf16QuoteInDisguise(_ bigEndian: Bool) throws {
        let tag = "<r x=\"\u{2200}\"" + (0..<65).map { " a\($0)='1'" }.joined() + "/>"
        let diagnostics = try #require(Support.failure { () throws(XMLDiagnostics) in
            try ParsedDocument.parse(bytes: Encoded.utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + tag, bigEndian: bigEndian),
                                     path: "q.xml", limits: Self.limits)
        })
        #expect(diagnostics.items.first?.reason == .tooManyAttributes(count: 66, limit: 64))
        #expect(diagnostics.items.first?.location == .init(file: "q.xml", line: 2, column: 1))
    }

    /// 81 5D is one GB18030 character whose second byte is `]`: a byte scan ended the CDATA
    /// section at 81 5D 5D 3E, took the rest for a comment and never saw the element.
    @Test("a GB18030 character ending in ] does not end a CDATA section early")
    func gb18030CDATA() throws {
        let bytes = Encoded.ascii("<?xml version=\"1.0\" encoding=\"GB18030\"?>\n<r><![CDATA[") + [0x81, 0x5D]
            + Encoded.ascii("]><!--]]>\n<x" + (0..<70).map { " a\($0)=\"1\"" }.joined() + "/>--></r>")
        let diagnostics = try #require(Support.failure { () throws(XMLDiagnostics) in
            try ParsedDocument.parse(bytes: bytes, path: "c.xml", limits: Self.limits)
        })
        #expect(diagnostics.items.first?.reason == .tooManyAttributes(count: 70, limit: 64))
        #expect(diagnostics.items.first?.location.line == 3)
    }

    @Test("UTF-16 over the limits is refused where it goes over", arguments: [false, true])
    func utf16OverTheLimits(_ bigEndian: Bool) throws {
        let elements = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<r>\n" + String(repeating: "<e/>", count: 10) + "</r>"
        let tooMany = try #require(Support.failure { () throws(XMLDiagnostics) in
            try ParsedDocument.parse(bytes: Encoded.utf16(elements, bigEndian: bigEndian), path: "u.xml", limits: Self.limits)
        })
        #expect(tooMany.items.first?.reason == .tooManyElements(limit: 10))
        #expect(tooMany.items.first?.location == .init(file: "u.xml", line: 3, column: 37))
        let attributes = "<r>\n  <中" + (0..<65).map { " a\($0)=\"中\"" }.joined() + "/></r>"
        let tooWide = try #require(Support.failure { () throws(XMLDiagnostics) in
            try ParsedDocument.parse(bytes: Encoded.utf16(attributes, bigEndian: bigEndian), path: "u.xml", limits: Self.limits)
        })
        #expect(tooWide.items.first?.reason == .tooManyAttributes(count: 65, limit: 64))
        #expect(tooWide.items.first?.location == .init(file: "u.xml", line: 2, column: 3))
    }

    @Test("the example GB18030 survey's encoding is found, and the one-pass reader leaves it to the parser")
    func exampleSurvey() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/hangkonglu.xml").path
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(SourceEncoding.of(bytes) == .success(.chinese("GB18030")))
        let document = try ParsedDocument.parse(bytes: bytes, path: path)
        #expect(document.root.name == "survey")
    }

    @Test("the GB18030 view keeps ASCII, and marks two- and four-byte characters whole")
    func chineseView() {
        let bytes: [UInt8] = [0x3C, 0xD6, 0xD0, 0x81, 0x5D, 0x94, 0x39, 0xFC, 0x36, 0x81, 0x3C, 0x80, 0xFF, 0x3E]
        #expect(SourceEncoding.chinese("GB18030").scanned(bytes)
            == [0x3C, 0xC2, 0x80, 0xC2, 0x80, 0xC2, 0x80, 0x80, 0x80, 0x81, 0x3C, 0x80, 0xFF, 0x3E])
    }
}
