import Foundation
import Testing
@testable import WuyouCore

/// Surveys built to hurt: each is answered with one-line errors or a bounded report, quickly.
/// Time bounds here are safety properties (a hang must not pass), far above the real times.
@Suite("Hostile surveys are bounded")
struct HostileSurveyTests {
    static func survey(centre: String = "", extra: String = "", community: String = #"<community name="甲"/>"#) -> [UInt8] {
        Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <survey xmlns="urn:wuyou:survey:1" xmlns:x="urn:x" id="h" date="2024-05-14">\(community)\(centre)\(extra)</survey>
            """.utf8)
    }

    /// Loads `bytes`, which must fail within `seconds`, and returns the error codes.
    static func refusal(_ bytes: [UInt8], within seconds: Int = 5, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [DiagnosticCode] {
        let start = ContinuousClock.now
        let error = try #require(throws: Diagnostics.self, sourceLocation: sourceLocation) {
            try SurveyLoader.load(bytes: bytes, path: "hostile.xml")
        }
        #expect(ContinuousClock.now - start < .seconds(seconds), sourceLocation: sourceLocation)
        #expect(error.items.count <= InputLimits.diagnosticsPerFile + 1, sourceLocation: sourceLocation)
        return error.items.map(\.code)
    }

    @Test("a room with 10,000 unknown codes and a 100,000-character name is refused")
    func hugeRoom() throws {
        let codes = (0..<10_000).map { "c\($0)" }.joined(separator: " ")
        let name = String(repeating: "名", count: 100_000)
        let codesRoom = try Self.refusal(Self.survey(centre: #"<centre><room type="\#(codes)">库房</room></centre>"#))
        #expect(codesRoom == [.surveyTooMany])
        let longName = try Self.refusal(Self.survey(centre: #"<centre><room type="office">\#(name)</room></centre>"#))
        #expect(longName == [.surveyTextTooLong])
    }

    @Test("a million empty rooms are refused by size, twenty thousand and one by the element count")
    func manyRooms() throws {
        let million = Self.survey(centre: "<centre>" + String(repeating: "<room/>", count: 1_000_000) + "</centre>")
        #expect(try Self.refusal(million) == [.fileTooLarge])
        let many = Self.survey(centre: "<centre>" + String(repeating: "<room/>", count: 20_001) + "</centre>")
        #expect(try Self.refusal(many) == [.xmlTooManyElements])
        let justUnder = Self.survey(centre: "<centre>" + String(repeating: "<room/>", count: 501) + "</centre>")
        #expect(try Self.refusal(justUnder) == [.surveyTooMany])
    }

    @Test("repeated <community> elements: a bounded list of errors, in linear time")
    func repeatedCommunities() throws {
        let many = Self.survey(extra: String(repeating: #"<community name="乙"/>"#, count: 19_000))
        let codes = try Self.refusal(many)
        #expect(codes.count == InputLimits.diagnosticsPerFile + 1)
        #expect(codes.first == .surveyElementRepeated && codes.last == .moreErrors)
        #expect(try Self.refusal(Self.survey(extra: String(repeating: "<community/>", count: 380_000))) == [.fileTooLarge])
    }

    @Test("a foreign element with 700,000 attributes is refused before libxml2's quadratic check")
    func manyAttributes() throws {
        let attributes = (0..<700_000).map { " a\($0)=\"\"" }.joined()
        let huge = Array("<survey xmlns=\"urn:wuyou:survey:1\"><x:e xmlns:x=\"urn:x\"\(attributes)/></survey>".utf8)
        #expect(try Self.refusal(huge) == [.fileTooLarge])
        let justOver = (0..<65).map { " a\($0)=\"\"" }.joined()
        #expect(try Self.refusal(Self.survey(extra: "<x:e\(justOver)/>")) == [.xmlTooManyAttributes])
        // At the byte limit, the count still stops it at once.
        let packed = (0..<150_000).map { " a\($0)=''" }.joined()
        #expect(try Self.refusal(Array("<survey \(packed)/>".utf8)) == [.xmlTooManyAttributes])
    }

    /// ASCII text in EBCDIC (IBM037): letters, digits and the punctuation of a start tag.
    static func ebcdic(_ text: String) -> [UInt8] {
        let columns: [(String, UInt8)] = [
            ("abcdefghi", 0x81), ("jklmnopqr", 0x91), ("stuvwxyz", 0xA2), ("ABCDEFGHI", 0xC1), ("JKLMNOPQR", 0xD1),
            ("STUVWXYZ", 0xE2), ("0123456789", 0xF0), (" ", 0x40), ("\n", 0x25), (".", 0x4B), ("<", 0x4C), ("-", 0x60), ("/", 0x61),
            (":", 0x7A), (">", 0x6E), ("?", 0x6F), ("=", 0x7E), ("\"", 0x7F),
        ]
        return text.map { character in
            for (run, first) in columns {
                if let index = run.firstIndex(of: character) { return first + UInt8(run.distance(from: run.startIndex, to: index)) }
            }
            fatalError("no EBCDIC byte for \(character) in this test")
        }
    }

    @Test("a survey in EBCDIC with 60,000 attributes on one element is refused at once, not parsed for 40 s")
    func ebcdicSurvey() throws {
        let attributes = (0..<60_000).map { " a\($0)=\"1\"" }.joined()
        let survey = Self.ebcdic("""
            <?xml version="1.0" encoding="IBM037"?>
            <survey xmlns="urn:wuyou:survey:1" id="h" date="2024-05-14"\(attributes)/>
            """)
        #expect(try Self.refusal(survey, within: 2) == [.xmlEncodingUnsupported])
        // UTF-32 likewise, whatever its byte order (half the attributes: four bytes a character).
        let text = "<survey xmlns=\"urn:wuyou:survey:1\"\((0..<30_000).map { " a\($0)=\"1\"" }.joined())/>"
        let utf32 = text.unicodeScalars.flatMap { scalar in (0..<4).map { UInt8(truncatingIfNeeded: scalar.value >> (8 * $0)) } }
        #expect(try Self.refusal([0xFF, 0xFE, 0, 0] + utf32, within: 2) == [.xmlEncodingUnsupported])
        #expect(try Self.refusal(utf32, within: 2) == [.xmlEncodingUnsupported])
    }

    @Test("a UTF-16 survey keeps the limits as a UTF-8 one does", arguments: [false, true])
    func utf16Survey(_ bigEndian: Bool) throws {
        func utf16(_ bytes: [UInt8]) -> [UInt8] {
            let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "UTF-8", with: "UTF-16")
            return (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + text.utf16.flatMap { unit in
                bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            }
        }
        let many = Self.survey(centre: "<centre>" + String(repeating: "<room/>", count: 20_001) + "</centre>")
        #expect(try Self.refusal(utf16(many)) == [.xmlTooManyElements])
        let justOver = (0..<65).map { " a\($0)=\"\u{2200}\"" }.joined()
        #expect(try Self.refusal(utf16(Self.survey(extra: "<x:e\(justOver)/>"))) == [.xmlTooManyAttributes])
        let fine = try SurveyLoader.load(bytes: utf16(Self.survey()), path: "utf16.xml")
        #expect(fine.survey.community.name == "甲")
    }

    @Test("thousands of schema errors are cut to the first few and a count")
    func manySchemaErrors() throws {
        let bad = Self.survey(centre: "<centre>" + String(repeating: "\n" + #"<room area="x">库房</room>"#, count: 400) + "</centre>")
        let codes = try Self.refusal(bad)
        #expect(codes.count == InputLimits.diagnosticsPerFile + 1)
        #expect(codes.last == .moreErrors)
    }

    @Test("the largest legal survey evaluates with its warnings deduplicated and capped")
    func largestLegalSurvey() throws {
        let name = String(repeating: "房", count: InputLimits.nameLength - 3)
        let codes = (0..<InputLimits.codesPerRoom).map { "unknown-\($0)" }.joined(separator: " ")
        let rooms = (0..<InputLimits.roomsPerCentre).map { index in
            #"<room type="\#(codes)" area="0">\#(name)\#(index)</room>"#
        }.joined()
        let bytes = Self.survey(centre: #"<centre area="1" premises="own">\#(rooms)</centre>"#)
        let start = ContinuousClock.now
        let loaded = try SurveyLoader.load(bytes: bytes, path: "big.xml")
        let checklist = try ChecklistReader.load(idOrPath: ChecklistReader.defaultID)
        let report = Evaluator(checklist: checklist).evaluate(loaded.survey, document: loaded.document)
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(report.warnings.count <= InputLimits.warningsPerSurvey + 2)
        #expect(report.warnings.contains { $0.code == .moreWarnings })
        // Identical warnings appear once: one room repeated a thousand times warns once.
        let same = (0..<400).map { _ in #"<room area="3">库房</room>"# }.joined()
        let repeated = try SurveyLoader.load(bytes: Self.survey(centre: #"<centre area="9999" premises="own">\#(same)</centre>"#), path: "r.xml")
        let warnings = Evaluator(checklist: checklist).evaluate(repeated.survey).warnings
        #expect(warnings.filter { $0.code == .roomUnknownName }.count == 1)
    }
}
