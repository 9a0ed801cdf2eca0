import Foundation
import Testing
import WuyouCore
import WuyouXML
@testable import WuyouWorkbook

@Suite("Template workbook")
struct TemplateTests {
    let bytes: [UInt8]

    init() throws {
        bytes = try SurveyWorkbookTemplate.bytes(checklist: WorkbookFixtures.checklist)
    }

    func part(_ name: String) throws -> SourceElement {
        let parts = try TestWorkbook.parts(of: bytes)
        let data = try #require(parts.first { $0.0 == name }?.1, "no \(name)")
        return try ParsedDocument.parse(bytes: data, path: name).root
    }

    @Test func importingTheUntouchedTemplateGivesNothingAndNoError() throws {
        let result = try WorkbookFixtures.importXLSX(bytes, path: "模板.xlsx")
        #expect(result.surveys.isEmpty)
        #expect(result.surveyRows == 0)
        #expect(result.diagnostics.isEmpty, "\(WorkbookFixtures.lines(result.diagnostics))")
    }

    @Test func sameChecklistSameBytes() throws {
        #expect(try SurveyWorkbookTemplate.bytes(checklist: WorkbookFixtures.checklist) == bytes)
    }

    @Test func fourSheetsWithChineseLabelsThenInstructions() throws {
        let contents = try XLSXReader.read(bytes: bytes, path: "t.xlsx")
        #expect(contents.sheets.map(\.name) == ["调查表", "用房", "进驻部门", "开发项目", "说明"])
        for (sheet, kind) in zip(contents.sheets, SheetKind.allCases) {
            #expect(sheet.rows.count == 1)
            #expect(sheet.rows[0].cells.map(\.value) == kind.columns.map { .text($0.label) })
        }
    }

    /// Labels are unique in each sheet and never another column's key.
    @Test(arguments: SheetKind.allCases)
    func labelsAreUnambiguous(_ kind: SheetKind) {
        let labels = kind.columns.map(\.label)
        #expect(Set(labels).count == labels.count)
        #expect(Set(labels).isDisjoint(with: kind.columns.map(\.key)))
        for column in kind.columns {
            #expect(SheetTable.column(named: column.label, in: kind)?.key == column.key)
            #expect(SheetTable.column(named: column.key.uppercased(), in: kind)?.key == column.key)
        }
    }

    @Test(arguments: Array(SheetKind.allCases.enumerated()))
    func everyColumnHasWidthFrozenHeaderAndInputMessage(_ index: Int, _ kind: SheetKind) throws {
        let sheet = try part("xl/worksheets/sheet\(index + 1).xml")
        let pane = try #require(sheet.element("sheetViews")?.element("sheetView")?.element("pane"))
        #expect(pane.attribute("state") == "frozen" && pane.attribute("ySplit") == "1")
        let columns = sheet.element("cols")?.elements("col") ?? []
        #expect(columns.count == kind.columns.count)
        #expect(columns.allSatisfy { (Double($0.attribute("width") ?? "") ?? 0) >= 8 })
        let validations = sheet.element("dataValidations")?.elements("dataValidation") ?? []
        #expect(validations.count == kind.columns.count)
        for (validation, column) in zip(validations, kind.columns) {
            let prompt = validation.attribute("prompt") ?? ""
            let title = validation.attribute("promptTitle") ?? ""
            #expect(validation.attribute("showInputMessage") == "1")
            #expect(prompt.contains(column.meaning), "\(column.key)")
            #expect((1...255).contains(prompt.count) && (1...32).contains(title.count), "\(column.key)")
            if let unit = column.unit { #expect(prompt.contains(unit.symbol), "\(column.key)") }
        }
    }

    @Test func dropdowns() throws {
        let surveys = try part("xl/worksheets/sheet1.xml")
        let lists = Dictionary(uniqueKeysWithValues: (surveys.element("dataValidations")?.elements("dataValidation") ?? [])
            .filter { $0.attribute("type") == "list" }
            .map { ($0.attribute("sqref") ?? "", $0.element("formula1")?.text ?? "") })
        func range(_ key: String) -> String {
            SurveyWorkbookTemplate.range(ofColumn: SheetKind.surveys.columns.firstIndex { $0.key == key }! + 1)
        }
        #expect(lists[range("central")] == "\"是,否\"")
        #expect(lists[range("hall-one-door")] == "\"是,否,无大厅\"")
        #expect(lists[range("premises")] == "\"自有,新建,改扩建,购置,调剂,租用,共用,无办公用房\"")
        #expect(lists.count == SheetKind.surveys.columns.filter {
            if case .boolean = $0.kind { true } else { $0.key == "premises" || $0.key == "hall-one-door" }
        }.count)

        // Room names come from the 说明 sheet, where the checklist's rooms are listed.
        let rooms = try part("xl/worksheets/sheet2.xml")
        let formulas = (rooms.element("dataValidations")?.elements("dataValidation") ?? []).compactMap { $0.element("formula1")?.text }
        #expect(formulas.count == 2 && Set(formulas).count == 1)
        // `'说明'!$A$67:$A$74`: the cells holding the checklist's room names.
        let bounds = try #require(formulas.first).split(separator: "!")[1].split(separator: ":")
            .compactMap { CellReference.parse(String($0))?.row }
        let contents = try XLSXReader.read(bytes: bytes, path: "t.xlsx")
        let instructions = try #require(contents.sheets.last)
        let names = instructions.rows.filter { (bounds[0]...bounds[1]).contains($0.number) }.map { $0.value(at: 1) }
        #expect(names == WorkbookFixtures.checklist.rooms.map { .text($0.label.text("zh")) })
    }

    @Test func instructionsListEveryColumn() throws {
        let contents = try XLSXReader.read(bytes: bytes, path: "t.xlsx")
        let instructions = try #require(contents.sheets.last)
        let keys = Set(instructions.rows.compactMap { row -> String? in
            if case .text(let key)? = row.value(at: 3) { key } else { nil }
        })
        for kind in SheetKind.allCases {
            for column in kind.columns { #expect(keys.contains(column.key), "\(column.key)") }
        }
    }

    @Test func anExistingWorkbookIsNotOverwritten() throws {
        try WorkbookFixtures.withTemporaryDirectory { folder in
            let path = folder + "/普查.xlsx"
            try SurveyWorkbookTemplate.write(checklist: WorkbookFixtures.checklist, to: path)
            // Writing the same template again is harmless.
            try SurveyWorkbookTemplate.write(checklist: WorkbookFixtures.checklist, to: path)
            try Data("filled in".utf8).write(to: URL(fileURLWithPath: path))
            let error = #expect(throws: Diagnostics.self) {
                try SurveyWorkbookTemplate.write(checklist: WorkbookFixtures.checklist, to: path)
            }
            #expect(error?.items.map(\.code) == [.workbookTemplateExists])
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "filled in")
        }
    }
}
