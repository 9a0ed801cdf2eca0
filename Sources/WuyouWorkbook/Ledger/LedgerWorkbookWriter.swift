import WuyouCore
import WuyouLedger

/// Writes `ledger.xlsx` (`wuyou audit --formats …,ledger`): sheet 整改台账 with a row per
/// open mandatory finding or ledger entry, prefilled where an entry exists, a dropdown for 类型
/// and for 要求编号, and a 说明 sheet with the instructions, the checklist and its requirements.
///
/// The same file, filled in, is read back by ``LedgerWorkbookReader``.
public struct LedgerWorkbookWriter: LedgerWorkbookWriting {
    /// The 说明 sheet's title and lines, in the audit's language.
    public var title: String
    public var lines: [String]
    /// The input message of the 类型 column.
    public var kindPrompt: String

    public init(title: String, lines: [String], kindPrompt: String) {
        self.title = title
        self.lines = lines
        self.kindPrompt = kindPrompt
    }

    public func bytes(items: [RectificationItem], checklist: Checklist) throws(Diagnostics) -> [UInt8] {
        do {
            return try XLSXWriter.bytes(document(items: items, checklist: checklist))
        } catch {
            throw Diagnostics(Diagnostic(.outputCannotWrite, at: .init(file: "ledger.xlsx"), ["reason": .text("\(error)")]))
        }
    }

    func document(items: [RectificationItem], checklist: Checklist) -> XLSXDocument {
        let notes = notesSheet(checklist: checklist)
        let columns = LedgerColumn.all
        var rows: [[XLSXDocument.Cell?]] = [columns.map { .text($0.label, .header) }]
        for item in items { rows.append(row(item)) }
        func range(_ key: String) -> String {
            let letters = CellReference.letters(ofColumn: LedgerColumn.position(of: key))
            return "\(letters)2:\(letters)\(CellReference.maximumRow)"
        }
        var validations = [
            XLSXDocument.Validation(
                range: range("kind"), list: .items([LedgerColumn.commitmentWord, LedgerColumn.waiverWord]),
                promptTitle: "类型（kind）", prompt: kindPrompt),
        ]
        if let requirements = notes.requirementRange {
            validations.append(XLSXDocument.Validation(
                range: range("requirement"), list: .formula(requirements), promptTitle: "要求编号（requirement）",
                prompt: checklist.id))
        }
        let sheet = XLSXDocument.Sheet(
            name: LedgerColumn.sheetName, columns: columns.map { XLSXDocument.Column(width: $0.width, style: $0.style) },
            rows: rows, freezesHeader: true, validations: validations, printsToPageWidth: true)
        return XLSXDocument(sheets: [sheet, notes.sheet])
    }

    /// One row: the keyed columns as the entry gives them (or, for a row to fill in, the
    /// finding's community code, survey and requirement), the others for reading.
    private func row(_ item: RectificationItem) -> [XLSXDocument.Cell?] {
        var cells = [XLSXDocument.Cell?](repeating: nil, count: LedgerColumn.all.count)
        func set(_ key: String, _ cell: XLSXDocument.Cell?) { cells[LedgerColumn.position(of: key) - 1] = cell }
        func text(_ value: String?, _ style: XLSXDocument.Style = .text) -> XLSXDocument.Cell? {
            guard let value, !value.isEmpty else { return nil }
            return .text(value, style)
        }
        func date(_ value: SurveyDate?) -> XLSXDocument.Cell? {
            value.flatMap { CalendarDay(year: $0.year, month: $0.month, day: $0.day) }.map { .date($0) }
        }
        cells[2] = text(item.community)
        cells[3] = text(item.subdistrict)
        cells[5] = text(item.requirementTitle, .wrappedText)
        cells[6] = text(item.observed, .wrappedText)
        cells[7] = text(item.shortfall, .wrappedText)
        set("requirement", text(item.requirement))
        guard let entry = item.entry else {
            set("community", text(item.communityCode))
            set("survey", text(item.surveyID))
            return cells
        }
        switch entry.target {
        case .community(let code):
            set("community", text(code))
            // For reading: a row naming a community counts for every survey of it.
            set("survey", text(item.surveyID))
        case .survey(let id):
            set("survey", text(id))
        }
        set("text", text(entry.text, .wrappedText))
        switch entry.kind {
        case .commitment(let commitment):
            set("kind", text(LedgerColumn.commitmentWord))
            set("owner", text(commitment.owner))
            set("due", date(commitment.due))
        case .waiver(let waiver):
            set("kind", text(LedgerColumn.waiverWord))
            set("approved-by", text(waiver.approvedBy))
            set("approved", date(waiver.approved))
            set("expires", date(waiver.expires))
        }
        return cells
    }

    private func notesSheet(checklist: Checklist) -> (sheet: XLSXDocument.Sheet, requirementRange: String?) {
        var rows: [[XLSXDocument.Cell?]] = [[.text(title, .title)]]
        for line in lines { rows.append([.text(line)]) }
        rows.append([])
        rows.append([.text(LedgerColumn.checklistKey, .bold), .text(checklist.id, .text), .text(checklist.version, .text)])
        rows.append([])
        rows.append([.text("要求编号", .header), .text("要求", .header), .text("条款", .header)])
        let first = rows.count + 1
        for requirement in checklist.requirements {
            rows.append([.text(requirement.id, .text), .text(requirement.title.text("zh")), .text(requirement.clause)])
        }
        let range = checklist.requirements.isEmpty
            ? nil : "'\(LedgerColumn.notesSheetName)'!$A$\(first):$A$\(rows.count)"
        let sheet = XLSXDocument.Sheet(
            name: LedgerColumn.notesSheetName, columns: [26, 40, 12].map { XLSXDocument.Column(width: $0) }, rows: rows,
            printsToPageWidth: true)
        return (sheet, range)
    }
}
