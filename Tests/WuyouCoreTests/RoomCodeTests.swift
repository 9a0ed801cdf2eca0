import Testing
@testable import WuyouCore

/// Room codes in `@type` are compared after NFKC and without regard to case, names after NFKC
/// and trimming (docs/spec/survey-format.md, "Room codes"); reports write the checklist's own code.
@Suite("Room codes and names as surveys write them")
struct RoomCodeTests {
    @Test("a code in any case or width is the checklist's code", arguments: ["police", "Police", "POLICE", "ＰＯＬＩＣＥ", "ｐｏｌｉｃｅ"])
    func codeInAnyCase(_ written: String) throws {
        let report = try Fixtures.report(SurveyBuilder().removingRoom("police").with {
            $0.rooms.append(#"<room type="\#(written)" area="20">某室</room>"#)
        })
        #expect(report.finding("room.police")?.status == .met)
        let entry = try #require(report.rooms.entries.last)
        #expect(entry.codes == ["police"] && entry.unknownCodes.isEmpty && entry.recognition == .code)
        #expect(!report.warnings.contains { $0.code == .roomUnknownCode })
    }

    @Test("an unknown code is still a warning, quoted as written, and serves nothing", arguments: ["sauna", "Sauna", "ＳＡＵＮＡ"])
    func unknownCode(_ written: String) throws {
        let report = try Fixtures.report(SurveyBuilder().with {
            $0.rooms.append(#"<room type="\#(written)" area="20">桑拿房</room>"#)
        })
        let entry = try #require(report.rooms.entries.last)
        #expect(entry.codes.isEmpty && entry.unknownCodes == [written])
        #expect(report.warnings.contains { $0.code == .roomUnknownCode && $0.arguments["code"] == .quoted(written) })
    }

    @Test("a name is compared after NFKC and trimming", arguments: ["警务室", " 警务室\u{3000}", "社区警务室", "警务站\n"])
    func nameAfterNormalisation(_ written: String) throws {
        let report = try Fixtures.report(SurveyBuilder().removingRoom("police").with {
            $0.rooms.append("<room area=\"20\">\(written)</room>")
        })
        #expect(report.finding("room.police")?.status == .met)
        #expect(report.rooms.entries.last?.codes == ["police"])
    }

    @Test("the vocabulary's lookups: codes folded, names normalised, the checklist's code returned")
    func vocabulary() {
        let vocabulary = RoomVocabulary(Fixtures.checklist)
        #expect(vocabulary.code(forCode: "Health-Station") == "health-station")
        #expect(vocabulary.code(forCode: "警务室") == nil)
        #expect(vocabulary.code(named: "警务室") == "police")
        #expect(vocabulary.code(named: " 社区卫生效劳站 ") == "health-station")
        #expect(vocabulary.code(named: "police") == nil)
        #expect(vocabulary.standardNames.count == Fixtures.checklist.rooms.count)
        #expect(vocabulary.probableCode(ofCode: "Polise") == "police")
    }
}
