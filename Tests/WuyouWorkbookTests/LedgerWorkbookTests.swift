import Foundation
import Testing
import WuyouCore
import WuyouLedger
import WuyouReports
import WuyouTestSupport
@testable import WuyouWorkbook

/// The ledger workbook: written from an audit's findings and entries, filled in, read back —
/// giving what the same entries give as XML, and every problem at its cell.
@Suite("The ledger workbook")
struct LedgerWorkbookTests {
    typealias L = LedgerSamples
    let scratch = ScratchFolder("wuyou-ledger-workbook")

    static let writer = LedgerWorkbookWriter(title: "说明", lines: ["一", "二"], kindPrompt: "选 整改 或 例外")

    /// The examples' reports, their judgements under `ledger`, and the workbook an audit writes.
    func workbook(_ ledger: Ledger) throws -> (reports: [SurveyReport], bytes: [UInt8]) {
        let reports = try ["daqiaolu", "hangkonglu", "youyilu"].map { try HTMLFixtures.example($0) }
        var items: [RectificationItem] = []
        var matched: Set<Int> = []
        for report in reports {
            let judgement = LedgerJudgement(report: report, ledger: ledger)
            matched.formUnion(judgement.matchedEntries)
            items += RectificationItems.items(report: report, ledger: ledger, judgement: judgement, language: .zh)
        }
        let unmatched = ledger.entries.indices.filter { !matched.contains($0) }.map { ledger.entries[$0] }
        let listed = RectificationItem.listed(items)
            + RectificationItems.unmatched(unmatched, checklist: HTMLFixtures.checklist, language: .zh)
        return (reports, try Self.writer.bytes(items: listed, checklist: HTMLFixtures.checklist))
    }

    func readBack(_ bytes: [UInt8], name: String = "ledger.xlsx") throws -> LedgerFile {
        let url = try scratch.folder().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return try LedgerWorkbookReader.load(path: url.path)
    }

    @Test("round trip: XML entries → ledger.xlsx → read back gives the same entries and the same judgement of every survey")
    func roundTrip() throws {
        let entries = L.youyilu + [
            L.waiver("room.police", community: nil, survey: "zanyang-daqiaolu-2024-05", approved: "2025-01-01", expires: nil,
                     reason: "第一行\n第二行"),
            L.commitment("premises.exists", survey: "zanyang-daqiaolu-2024-05", due: "2025-06-30", measure: "申请调剂办公用房"),
            L.waiver("room.office", approved: "2020-01-01", expires: "2021-06-30"),
        ]
        let ledger = try L.ledger(entries)
        let (reports, bytes) = try workbook(ledger)
        let file = try readBack(bytes)
        #expect(file.checklist == "laohekou-2023")
        let back = try LedgerAssembly.ledger([file], checklist: HTMLFixtures.checklist)
        #expect(back.entries.count == ledger.entries.count)
        #expect(Set(back.entries.map(\.contents)) == Set(ledger.entries.map(\.contents)))
        let renderer = JSONReportRenderer(language: .zh)
        for report in reports {
            let fromXML = renderer.render(report, ledger: LedgerJudgement(report: report, ledger: ledger))
            let fromWorkbook = renderer.render(report, ledger: LedgerJudgement(report: report, ledger: back))
            #expect(fromXML == fromWorkbook, "\(report.survey.id)")
        }
        // Entries are found at their cells.
        for entry in back.entries {
            #expect(entry.location.cell?.hasPrefix("整改台账!I") == true)
            #expect(entry.requirementLocation.cell?.hasPrefix("整改台账!E") == true)
        }
    }

    @Test("the sheet: one row per open mandatory finding or entry, mandatory first, prefilled where an entry exists, dropdowns")
    func layout() throws {
        let ledger = try L.ledger([L.commitment()])
        let (reports, bytes) = try workbook(ledger)
        let contents = try XLSXReader.read(bytes: bytes, path: "ledger.xlsx")
        #expect(contents.sheets.map(\.name) == ["整改台账", "说明"])
        let sheet = contents.sheets[0]
        #expect(sheet.rows[0].cells.count == 15)
        #expect(sheet.rows[0].value(at: 9) == .text("类型"))
        let open = reports.flatMap { report in
            report.findings.filter { $0.requirement.severity == .mandatory && ($0.status.isShortfall || $0.status == .unknown) }
        }.count
        #expect(sheet.rows.count == 1 + open)
        let filled = try #require(sheet.rows.first { $0.value(at: 9) == .text("整改") })
        #expect(filled.value(at: 2) == .text("zanyang-youyilu-2024-05"))
        #expect(filled.value(at: 1) == nil)
        #expect(filled.value(at: 5) == .text("five.regulations"))
        #expect(filled.value(at: 10) == .text("补充制定财务管理制度并上墙"))
        #expect(filled.value(at: 11) == .text("友谊路社区居委会"))
        #expect(filled.value(at: 12).map { if case .number(_, true) = $0 { true } else { false } } == true)
        // A line to fill in targets the community when the survey has a code.
        let police = try #require(sheet.rows.first { $0.value(at: 5) == .text("room.police") && $0.value(at: 2) == .text("zanyang-youyilu-2024-05") })
        #expect(police.value(at: 1) == .text("420682001003"))
        #expect(police.value(at: 9) == nil)
        // Mandatory lines first: 友谊路's regulations row comes before its access-system… which is not open mandatory at all.
        #expect(!sheet.rows.contains { $0.value(at: 5) == .text("admin.access-system") })
        let xml = String(decoding: try TestWorkbook.parts(of: bytes).first { $0.0 == "xl/worksheets/sheet1.xml" }!.1, as: UTF8.self)
        #expect(xml.contains(#"<formula1>&quot;整改,例外&quot;</formula1>"#))
        #expect(xml.contains("<formula1>&apos;说明&apos;!$A$") || xml.contains("<formula1>'说明'!$A$"))
        // Untouched, it reads back as the ledger it was written from.
        let back = try LedgerAssembly.ledger([try readBack(bytes)], checklist: HTMLFixtures.checklist)
        #expect(back.entries.map(\.contents) == ledger.entries.map(\.contents))
    }

    @Test("the same workbook gives the same bytes")
    func deterministic() throws {
        let ledger = try L.ledger(L.youyilu)
        #expect(try workbook(ledger).bytes == workbook(ledger).bytes)
    }

    /// A ledger sheet with the workbook's header and `rows` below it (cells by column letter).
    func sheet(_ rows: [[String: XLSXDocument.Cell]], extraHeader: String? = nil, notes: [[XLSXDocument.Cell?]]? = nil) throws -> [UInt8] {
        var header: [XLSXDocument.Cell?] = LedgerColumn.all.map { .text($0.label) }
        if let extraHeader { header.append(.text(extraHeader)) }
        var table = [header]
        for row in rows {
            var cells = [XLSXDocument.Cell?](repeating: nil, count: 16)
            for (letter, cell) in row { cells[CellReference.parse(letter)!.column - 1] = cell }
            table.append(cells)
        }
        var sheets = [(name: "整改台账", rows: table)]
        if let notes { sheets.append((name: "说明", rows: notes)) }
        return try TestWorkbook(sheets: sheets).bytes()
    }

    static let commitmentRow: [String: XLSXDocument.Cell] = [
        "B": .text("zanyang-youyilu-2024-05"), "E": .text("five.regulations"), "I": .text("整改"), "J": .text("补充制度"),
        "K": .text("友谊路社区居委会"), "L": .text("2024年9月30日"),
    ]
    static let waiverRow: [String: XLSXDocument.Cell] = [
        "A": .text("420682001003"), "E": .text("room.police"), "I": .text("例外"), "J": .text("合署"),
        "M": .text("老河口市公安局"), "N": .date(CalendarDay(year: 2024, month: 3, day: 1)!),
    ]

    struct BadCell: CustomTestStringConvertible, Sendable {
        let name: String
        let rows: [[String: XLSXDocument.Cell]]
        let code: DiagnosticCode
        let cell: String
        var extraHeader: String? = nil
        var testDescription: String { name }
    }

    static func changed(_ row: [String: XLSXDocument.Cell], _ changes: [String: XLSXDocument.Cell?]) -> [String: XLSXDocument.Cell] {
        var row = row
        for (key, value) in changes { row[key] = value }
        return row
    }

    static let badCells: [BadCell] = [
        BadCell(name: "a kind that is neither", rows: [changed(commitmentRow, ["I": .text("整顿")])], code: .ledgerWorkbookKind, cell: "整改台账!I2"),
        BadCell(name: "a commitment without owner", rows: [changed(commitmentRow, ["K": nil])], code: .workbookCellRequired, cell: "整改台账!K2"),
        BadCell(name: "a commitment without measure", rows: [changed(commitmentRow, ["J": .text("  ")])], code: .workbookCellRequired,
                cell: "整改台账!J2"),
        BadCell(name: "a due date that is not a date", rows: [changed(commitmentRow, ["L": .text("明年")])], code: .workbookCellNotDate,
                cell: "整改台账!L2"),
        BadCell(name: "no such day", rows: [changed(commitmentRow, ["L": .text("2024-02-30")])], code: .workbookCellNoSuchDay,
                cell: "整改台账!L2"),
        BadCell(name: "a waiver's row with an owner", rows: [changed(waiverRow, ["K": .text("某人")])], code: .ledgerWorkbookOtherKind,
                cell: "整改台账!K2"),
        BadCell(name: "a waiver without its approval date", rows: [changed(waiverRow, ["N": nil])], code: .workbookCellRequired,
                cell: "整改台账!N2"),
        BadCell(name: "a waiver expiring before approval", rows: [changed(waiverRow, ["O": .text("2024-01-01")])],
                code: .ledgerExpiresBeforeApproved, cell: "整改台账!O2"),
        BadCell(name: "a measure without a kind", rows: [changed(commitmentRow, ["I": nil])], code: .ledgerWorkbookKindMissing,
                cell: "整改台账!I2"),
        BadCell(name: "no target", rows: [changed(commitmentRow, ["B": nil])], code: .ledgerTargetNone, cell: "整改台账!I2"),
        BadCell(name: "an unknown header", rows: [commitmentRow], code: .workbookHeaderUnknown, cell: "整改台账!P1", extraHeader: "备注"),
        BadCell(name: "an unknown requirement", rows: [changed(commitmentRow, ["E": .text("five.regulation")])],
                code: .ledgerRequirementUnknown, cell: "整改台账!E2"),
        BadCell(name: "two commitments for one gap", rows: [commitmentRow, changed(commitmentRow, ["L": .text("2025-01-01")])],
                code: .ledgerOverlap, cell: "整改台账!I3"),
    ]

    @Test("bad cells are errors at their cell", arguments: badCells)
    func badCell(_ bad: BadCell) throws {
        let bytes = try sheet(bad.rows, extraHeader: bad.extraHeader)
        do {
            let file = try readBack(bytes, name: "台账.xlsx")
            _ = try LedgerAssembly.ledger([file], checklist: HTMLFixtures.checklist)
            Issue.record("accepted")
        } catch let error as Diagnostics {
            let first = try #require(error.items.first)
            #expect(first.code == bad.code, "\(error.items)")
            #expect(first.location.cell == bad.cell, "\(error.items)")
            #expect(first.location.file.hasSuffix("台账.xlsx"))
        }
    }

    @Test("good rows read: both kinds, dates as text or cells, a blank kind with only the reading columns is no entry")
    func goodRows() throws {
        let prefilled: [String: XLSXDocument.Cell] = ["A": .text("420682001003"), "E": .text("hall.one-door"), "F": .text("设立一门式大厅")]
        let file = try readBack(try sheet([Self.commitmentRow, Self.waiverRow, prefilled]))
        let ledger = try LedgerAssembly.ledger([file], checklist: HTMLFixtures.checklist)
        #expect(ledger.entries.count == 2)
        #expect(ledger.entries[0].commitment?.due.text == "2024-09-30")
        #expect(ledger.entries[0].target == .survey("zanyang-youyilu-2024-05"))
        #expect(ledger.entries[1].waiver?.approved.text == "2024-03-01")
        #expect(ledger.entries[1].waiver?.expires == nil)
        #expect(ledger.entries[1].target == .community("420682001003"))
    }

    @Test("a workbook for another checklist is refused at the cell that says so")
    func otherChecklist() throws {
        let bytes = try sheet([Self.commitmentRow], notes: [[.text("checklist"), .text("wuhan-2025")]])
        let file = try readBack(bytes)
        #expect(file.checklist == "wuhan-2025")
        do {
            _ = try LedgerAssembly.ledger([file], checklist: HTMLFixtures.checklist)
            Issue.record("accepted")
        } catch {
            #expect(error.items.first?.code == .ledgerChecklistMismatch)
            #expect(error.items.first?.location.cell == "说明!B1")
        }
    }

    @Test("a workbook without the ledger sheet, and a file that is no workbook, are refused")
    func notALedger() throws {
        let survey = try TestWorkbook.standard.bytes()
        #expect(throws: Diagnostics.self) { try readBack(survey) }
        do {
            _ = try readBack(survey)
        } catch let error as Diagnostics {
            #expect(error.items.first?.code == .ledgerWorkbookSheetMissing)
        }
        #expect(throws: Diagnostics.self) { try readBack(Array("not a zip".utf8)) }
    }

    @Test("a ledger sheet saved as CSV reads the same")
    func csv() throws {
        let header = LedgerColumn.all.map(\.label).joined(separator: ",")
        let row = ",zanyang-youyilu-2024-05,,,five.regulations,,,,整改,\"补充制度\n并上墙\",友谊路社区居委会,2024/9/30,,,"
        let url = try scratch.folder().appendingPathComponent("整改台账.csv")
        try Data((header + "\r\n" + row + "\r\n").utf8).write(to: url)
        let file = try LedgerWorkbookReader.load(path: url.path)
        #expect(file.entries.count == 1)
        #expect(file.entries.first?.text == "补充制度\n并上墙")
        #expect(file.entries.first?.location.cell == "整改台账!I2")
    }
}
