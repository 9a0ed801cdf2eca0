import Foundation
import Testing
import WuyouCore
@testable import WuyouWorkbook

/// Workbooks written by other programs than Excel, WPS and LibreOffice, from a conformance run
/// against openpyxl over public test suites: each reads, and says what it cannot read at the
/// cell it is about. `Fixtures/{base,empty_v,zero_bang,t_d_time}.xlsx` are the run's own
/// reproductions (openpyxl-written, one cell changed).
@Suite("Workbooks made by other programs")
struct OtherProgramsTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: WorkbookFixtures.fixtures.appendingPathComponent(name)))
    }

    /// Every sheet read, as the conformance run read them: nothing left out by name.
    static func cells(_ name: String) throws -> [SheetCell] {
        let contents = try XLSXReader.read(bytes: try fixture(name), path: name)
        return try #require(contents.sheets.first).rows.flatMap(\.cells)
    }

    @Test func theBaseFixtureReads() throws {
        #expect(try Self.cells("base.xlsx").first == SheetCell(column: 1, value: .number(1, isDate: false)))
    }

    /// `<f>NOW()</f><v/>` (PhpSpreadsheet): the formula's value is not in the file. Blank would
    /// drop it without a word; the cell says it was never calculated, and nothing else is lost.
    @Test func aFormulaWithAnEmptyCachedValueIsUncalculated() throws {
        #expect(try Self.cells("empty_v.xlsx") == [
            SheetCell(column: 1, value: .number(1, isDate: false)), SheetCell(column: 2, value: .uncalculatedFormula),
        ])
    }

    /// Excel 2011 writes `[0]!name` for a name in the workbook itself.
    @Test func zeroInBracketsIsThisWorkbook() throws {
        #expect(try Self.cells("zero_bang.xlsx").last == SheetCell(column: 2, value: .number(15, isDate: false)))
        #expect(!WorksheetReader.readsAnotherWorkbook("SUM([0]!col1_)"))
        #expect(!WorksheetReader.readsAnotherWorkbook("[00]Sheet1!A1"))
        #expect(WorksheetReader.readsAnotherWorkbook("[10]Sheet1!A1"))
    }

    @Test func aTimeOnlyDateCellKeepsItsWholeValue() throws {
        #expect(try Self.cells("t_d_time.xlsx") == [SheetCell(column: 1, value: .text("23:44:51.894"))])
    }

    /// What the cells above become in a survey workbook (the errors are in ``badCellCases``).
    @Test func isoDatesAndThisWorkbooksNamesImport() throws {
        var workbook = TestWorkbook.standard
        workbook.setRaw("调查表", "B3", #"<c r="B3" t="d"><v>2024-05-16T08:30:00+08:00</v></c>"#)
        workbook.setRaw("调查表", "C3", #"<c r="C3" t="d"><v>23:44:51.894</v></c>"#)
        workbook.setRaw("调查表", "F3", #"<c r="F3"><f>SUM([0]!area)</f><v>280</v></c>"#)
        let result = try WorkbookFixtures.importXLSX(workbook.bytes())
        #expect(result.diagnostics.isEmpty, "\(WorkbookFixtures.lines(result.diagnostics))")
        let survey = String(decoding: try #require(result.surveys.last).bytes, as: UTF8.self)
        #expect(survey.contains(#"date="2024-05-16""#))
        #expect(survey.contains(#"<community name="23:44:51.894""#))
        #expect(survey.contains(#"area="280""#))
    }

    // MARK: Chartsheets

    /// The standard survey workbook with a chartsheet `图表1` after its sheets, charting the
    /// surveys' areas as Excel lays it out (chartsheet → drawing → chart).
    static func withChartsheet(_ bytes: [UInt8]) throws -> [UInt8] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let office = "application/vnd.openxmlformats-officedocument"
        var parts = try TestWorkbook.parts(of: bytes)
        func edit(_ path: String, _ change: (String) -> String) {
            parts = parts.map { $0.0 == path ? ($0.0, Array(change(String(decoding: $0.1, as: UTF8.self)).utf8)) : $0 }
        }
        edit("xl/workbook.xml") {
            $0.replacingOccurrences(of: "</sheets>", with: #"<sheet name="图表1" sheetId="99" r:id="rIdChart1"/></sheets>"#)
        }
        edit("xl/_rels/workbook.xml.rels") {
            $0.replacingOccurrences(of: "</Relationships>", with:
                #"<Relationship Id="rIdChart1" Type="\#(relationships)/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>"#)
        }
        edit("[Content_Types].xml") {
            $0.replacingOccurrences(of: "</Types>", with: """
                <Override PartName="/xl/chartsheets/sheet1.xml" ContentType="\(office).spreadsheetml.chartsheet+xml"/>\
                <Override PartName="/xl/drawings/drawing1.xml" ContentType="\(office).drawing+xml"/>\
                <Override PartName="/xl/charts/chart1.xml" ContentType="\(office).drawingml.chart+xml"/></Types>
                """)
        }
        parts += [
            ("xl/chartsheets/sheet1.xml", Array("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <chartsheet xmlns="\(main)" xmlns:r="\(relationships)"><sheetPr/><sheetViews>\
                <sheetView zoomScale="86" workbookViewId="0" zoomToFit="1"/></sheetViews>\
                <pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>
                """.utf8)),
            ("xl/chartsheets/_rels/sheet1.xml.rels", Array("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(relationships)/drawing" Target="../drawings/drawing1.xml"/></Relationships>
                """.utf8)),
            ("xl/drawings/drawing1.xml", Array("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" \
                xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:absoluteAnchor>\
                <xdr:pos x="0" y="0"/><xdr:ext cx="8670000" cy="6300000"/><xdr:graphicFrame macro="">\
                <xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>\
                <xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic>\
                <a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">\
                <c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1" xmlns:r="\(relationships)"/>\
                </a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>
                """.utf8)),
            ("xl/drawings/_rels/drawing1.xml.rels", Array("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(relationships)/chart" Target="../charts/chart1.xml"/></Relationships>
                """.utf8)),
            ("xl/charts/chart1.xml", Array("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart>\
                <c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/>\
                <c:cat><c:strRef><c:f>调查表!$A$2:$A$3</c:f></c:strRef></c:cat>\
                <c:val><c:numRef><c:f>调查表!$F$2:$F$3</c:f></c:numRef></c:val></c:ser>\
                <c:axId val="1"/><c:axId val="2"/></c:barChart></c:plotArea></c:chart></c:chartSpace>
                """.utf8)),
        ]
        return try TestWorkbook.zip(parts)
    }

    @Test func aChartsheetIsListedNotRead() throws {
        let bytes = try Self.withChartsheet(TestWorkbook.standard.bytes())
        let contents = try XLSXReader.read(bytes: bytes, path: "图表.xlsx")
        #expect(contents.sheets.map(\.name) == ["调查表", "用房", "进驻部门", "开发项目"])
        #expect(contents.otherSheetNames == ["图表1"])
    }

    @Test func aSurveyWorkbookWithAChartImports() throws {
        let result = try WorkbookFixtures.importXLSX(Self.withChartsheet(TestWorkbook.standard.bytes()))
        #expect(result.surveys.map(\.id) == ["good-1", "bad-1"])
        #expect(!result.hasErrors)
        #expect(WorkbookFixtures.lines(result.diagnostics, language: .en).allSatisfy { $0.contains("\"图表1\"") })
    }
}
