import Foundation
import Testing
import WuyouCore
@testable import WuyouWorkbook

@Suite("Writing imported surveys")
struct SurveyFolderTests {
    func imported(_ ids: [String]) throws -> [ImportedSurvey] {
        var workbook = TestWorkbook.standard
        workbook.sheets = [workbook.sheets[0]]
        workbook.sheets[0].rows = [workbook.sheets[0].rows[0]] + ids.map { id in
            [.text(id), .text("2024-05-14"), .text("甲社区")]
        }
        let result = try WorkbookFixtures.importXLSX(workbook.bytes())
        #expect(result.diagnostics.isEmpty)
        return result.surveys
    }

    @Test func filesAreNamedLikeAuditPages() throws {
        let surveys = try imported(["zanyang-youyilu-2024-05", "../../etc/x", "A", "a", "社区/1"])
        #expect(surveys.map(\.fileStem) == [
            "zanyang-youyilu-2024-05", SurveyFileName.stem(forSurveyID: "../../etc/x"), SurveyFileName.stem(forSurveyID: "A"), "a",
            SurveyFileName.stem(forSurveyID: "社区/1"),
        ])
        #expect(surveys.allSatisfy { !$0.fileStem.contains("/") && !$0.fileStem.hasPrefix(".") })
    }

    /// Two ids whose names would meet (the literal spelling of another's escaped name) get numbers.
    @Test func namesThatMeetAreNumbered() throws {
        let escaped = SurveyFileName.stem(forSurveyID: "A")
        let surveys = try imported(["A", escaped])
        #expect(surveys.map(\.fileStem) == [escaped, escaped + "-2"])
    }

    @Test func writesReplacesItsOwnAndLeavesOthersAlone() throws {
        try WorkbookFixtures.withTemporaryDirectory { folder in
            let out = folder + "/out/surveys"
            let surveys = try imported(["one", "two", "three"])
            let first = SurveyFolder.write(surveys, to: out, inputs: [])
            #expect(first.problems.isEmpty)
            #expect(first.written == ["one", "two", "three"].map { "\(out)/\($0).xml" })
            // Each file is a survey that loads, and says where it came from.
            let text = try String(contentsOfFile: "\(out)/one.xml", encoding: .utf8)
            #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- wuyou import: 由 普查.xlsx 的调查表第 2 行生成"))
            _ = try SurveyLoader.load(path: "\(out)/one.xml")

            // Written by hand, and a link: neither is replaced; the survey of its own is.
            try Data("<survey/>".utf8).write(to: URL(fileURLWithPath: "\(out)/two.xml"))
            try FileManager.default.removeItem(atPath: "\(out)/three.xml")
            try FileManager.default.createSymbolicLink(atPath: "\(out)/three.xml", withDestinationPath: "\(folder)/elsewhere.xml")
            try Data("mine".utf8).write(to: URL(fileURLWithPath: "\(folder)/elsewhere.xml"))
            let second = SurveyFolder.write(surveys, to: out, inputs: [])
            #expect(second.written == ["\(out)/one.xml"])
            #expect(WorkbookFixtures.lines(second.problems) == [
                "\(out)/two.xml:1:1: 已存在且不是 wuyou import 生成的文件，不予覆盖",
                "\(out)/three.xml:1:1: 已存在且不是 wuyou import 生成的文件，不予覆盖",
            ])
            #expect(try String(contentsOfFile: "\(out)/two.xml", encoding: .utf8) == "<survey/>")
            #expect(try String(contentsOfFile: "\(folder)/elsewhere.xml", encoding: .utf8) == "mine")
        }
    }

    @Test func aFileWhereTheFolderShouldBe() throws {
        try WorkbookFixtures.withTemporaryDirectory { folder in
            try Data().write(to: URL(fileURLWithPath: folder + "/out"))
            let result = SurveyFolder.write(try imported(["one"]), to: folder + "/out", inputs: [])
            #expect(result.written.isEmpty)
            #expect(result.problems.map(\.code) == [.outputCannotWrite])
        }
    }
}
