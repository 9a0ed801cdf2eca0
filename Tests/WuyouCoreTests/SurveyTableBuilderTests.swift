import Foundation
import Testing
@testable import WuyouCore

/// A survey built from elements handed over one by one (a workbook's rows) is the survey its XML
/// would give, its places the cells it came from; what the schema refuses is refused at its cell.
@Suite("Surveys built without XML")
struct SurveyTableBuilderTests {
    static let row = SourceCell(file: "普查.xlsx", name: "调查表!A2")
    static let room = SourceCell(file: "普查.xlsx", name: "用房!A5")

    /// `<survey>` with a community and, inside a centre, one room from another row.
    static func build(_ edit: (inout SurveyTableBuilder) -> Void = { _ in }, date: String = "2024-05-14") -> SurveyTableBuilder {
        typealias B = SurveyTableBuilder
        var builder = SurveyTableBuilder(path: "普查.xlsx:调查表!A2")
        builder.start(B.element("survey"), at: row)
        builder.attribute(B.attribute("id"), "s-1")
        builder.attribute(B.attribute("date"), date)
        builder.start(B.element("community"), at: row)
        builder.attribute(B.attribute("name"), "甲社区")
        builder.attribute(B.attribute("households"), "1500")
        builder.end()
        builder.start(B.element("centre"), at: row)
        builder.attribute(B.attribute("area"), "300")
        builder.start(B.element("room"), at: room)
        builder.attribute(B.attribute("area"), "20")
        builder.text("警务室")
        builder.end()
        edit(&builder)
        builder.end()
        builder.end()
        return builder
    }

    static let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <survey xmlns="urn:wuyou:survey:1" id="s-1" date="2024-05-14">
          <community name="甲社区" households="1500"/>
          <centre area="300"><room area="20">警务室</room></centre>
        </survey>
        """

    @Test func theSurveyItsXMLWouldGiveWithCellsForLines() throws {
        let built = try Self.build().survey()
        let parsed = try SurveyLoader.load(bytes: Array(Self.xml.utf8), path: "s.xml").survey
        #expect(built.id == parsed.id && built.date == parsed.date)
        #expect(built.community.name == parsed.community.name && built.community.households == parsed.community.households)
        #expect(built.community.central == parsed.community.central, "the format's default applies")
        #expect(built.centre?.area == parsed.centre?.area)
        #expect(built.centre?.rooms.map(\.name) == parsed.centre?.rooms.map(\.name))
        #expect(built.cells == [Self.row, Self.room])
        #expect(built.location(of: built.place) == Diagnostic.Location(file: "普查.xlsx", cell: "调查表!A2"))
        let room = try #require(built.centre?.rooms.first)
        #expect(built.cell(of: room.place) == Self.room && built.line(of: room.place) == nil)
        #expect(parsed.line(of: try #require(parsed.centre?.rooms.first).place) == 4 && parsed.cells.isEmpty)
    }

    @Test(arguments: [
        ("date", "2024-02-30", DiagnosticCode.surveyDateFormat), ("area", "-1", .surveyValueNegative),
        ("area", "三十", .surveyValueNotNumber), ("type", "police", nil), ("color", "red", .surveyAttributeUnknown),
    ])
    func whatTheSchemaRefusesIsRefusedAtItsCell(_ attribute: String, _ value: String, _ code: DiagnosticCode?) throws {
        let builder = attribute == "date"
            ? Self.build(date: value)
            : Self.build { $0.start(SurveyTableBuilder.element("room"), at: Self.room); $0.attribute(SurveyTableBuilder.attribute(attribute), value); $0.text("x"); $0.end() }
        guard let code else {
            #expect(throws: Never.self) { try builder.survey() }
            return
        }
        let error = #expect(throws: Diagnostics.self) { try builder.survey() }
        #expect(error?.items.map(\.code) == [code])
        #expect(error?.items.first?.location.cell == (attribute == "date" ? "调查表!A2" : "用房!A5"))
    }

    @Test func aRequiredAttributeLeftOutIsMissing() throws {
        let builder = Self.build { builder in
            builder.start(SurveyTableBuilder.element("department-windows"), at: Self.row)
            builder.start(SurveyTableBuilder.element("department"), at: SourceCell(file: "普查.xlsx", name: "进驻部门!A3"))
            builder.attribute(SurveyTableBuilder.attribute("name"), "民政局")
            builder.end()
            builder.end()
        }
        let error = #expect(throws: Diagnostics.self) { try builder.survey() }
        #expect(error?.items.map(\.code) == [.surveyAttributeMissing])
        #expect(error?.items.first?.arguments["attribute"] == .text("window"))
        #expect(error?.items.first?.location.cell == "进驻部门!A3")
    }

    /// The format's limits hold too, reported at the cell of the element concerned.
    @Test func limitsHoldAtTheirCell() throws {
        let builder = Self.build { builder in
            for _ in 0..<InputLimits.roomsPerCentre {
                builder.start(SurveyTableBuilder.element("room"), at: Self.room)
                builder.text("储藏室")
                builder.end()
            }
        }
        let error = #expect(throws: Diagnostics.self) { try builder.survey() }
        #expect(error?.items.map(\.code) == [.surveyTooMany])
        #expect(error?.items.first?.location.cell == "调查表!A2", "the centre is the survey's row")
    }
}
