import Foundation
import Testing
import WuyouCore
@testable import WuyouWorkbook

/// A row that does not become a survey is named — its row, id and community — with its own
/// problems, in one pass and in two; what belongs to no row is the workbook's.
@Suite("Rows left out are named")
struct RejectedSurveyTests {
    static let surveys = """
        id,date,community,centre-area
        a-1,2024-05-14,甲社区,300
        b-1,2024-05-14,幸福里,三十
        c-1,2024-05-14,东风,300
        ,2024-05-14,无编号社区,300
        d-1,2024-05-14,丁社区,300
        d-1,2024-05-14,丁社区二,300

        """

    /// The rooms in the surveys' order (read in one pass), or c-1's before a-1's (read in two).
    static func rooms(inOrder: Bool) -> String {
        let a = "a-1,一楼,police,20\n", c = "c-1,二楼,警物室,20\n"
        return "survey,name,type,area\n" + (inOrder ? a + c : c + a) + "zz,三楼,police,10\n"
    }

    @Test(arguments: [true, false])
    func eachRowLeftOutHasItsOwnReasons(roomsInOrder: Bool) throws {
        let result = try WorkbookFixtures.importCSV([
            ("surveys.csv", Array(Self.surveys.utf8)), ("rooms.csv", Array(Self.rooms(inOrder: roomsInOrder).utf8)),
        ])
        #expect(result.surveys.map(\.id) == ["a-1"])
        let rejected = result.rejected.map { row in
            "\(row.path) \(row.identity.id ?? "-") \(row.identity.community ?? "-"): "
                + row.diagnostics.map { "\($0.location.cell ?? "") \($0.code.rawValue)" }.joined(separator: ", ")
        }
        #expect(rejected == [
            "surveys.csv:surveys!A3 b-1 幸福里: surveys!D3 workbook.cell.not-a-number",
            "surveys.csv:surveys!A4 c-1 东风: rooms!C\(roomsInOrder ? 3 : 2) workbook.cell.unknown-room",
            "surveys.csv:surveys!A5 - 无编号社区: surveys!A5 workbook.cell.required",
            "surveys.csv:surveys!A6 d-1 丁社区: surveys!A7 workbook.row.duplicate-id",
            "surveys.csv:surveys!A7 d-1 丁社区二: surveys!A7 workbook.row.duplicate-id",
        ])
        #expect(result.otherDiagnostics.map(\.code) == [.workbookRowUnknownSurvey], "the room of a survey that is not there")
    }

    /// An audit lists each row left out as a survey it could not use, named by its row, id and
    /// community; the rest under the workbook's name.
    @Test func anAuditGetsOneUnusableSourcePerRow() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wuyou-rejected-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let surveys = folder.appendingPathComponent("surveys.csv").path
        let rooms = folder.appendingPathComponent("rooms.csv").path
        try Data(Self.surveys.utf8).write(to: URL(fileURLWithPath: surveys))
        try Data(Self.rooms(inOrder: true).utf8).write(to: URL(fileURLWithPath: rooms))
        let sources = WorkbookSurveyImporter(checklist: WorkbookFixtures.checklist).surveys(in: [surveys, rooms])
        let unusable = sources.compactMap { source -> String? in
            guard case .unusable(let diagnostics) = source.content else { return nil }
            return "\(source.path) \(source.identity?.community ?? "-") \(diagnostics.count)"
        }
        #expect(unusable == [
            "\(surveys):surveys!A3 幸福里 1", "\(surveys):surveys!A4 东风 1", "\(surveys):surveys!A5 无编号社区 1",
            "\(surveys):surveys!A6 丁社区 1", "\(surveys):surveys!A7 丁社区二 1", "\(surveys) - 1",
        ])
        #expect(sources.count == 7, "a-1 and the six unusable")
    }
}
