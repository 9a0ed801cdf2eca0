import Foundation
import Testing
import WuyouCore
@testable import WuyouWorkbook

/// A workbook saved by LibreOffice Calc imports as the one wuyou wrote.
///
/// `Fixtures/examples.xlsx` is the three example surveys as ``SurveyExport`` writes them;
/// `Fixtures/examples.libreoffice.xlsx` is that file opened and saved again by LibreOffice
/// (`scripts/check-libreoffice.sh` redoes the conversion and compares the imports). Both are
/// committed, as CI need not have LibreOffice. `WUYOU_RECORD_FIXTURES=1` rewrites examples.xlsx.
@Suite("LibreOffice")
struct LibreOfficeTests {
    static let source = WorkbookFixtures.fixtures.appendingPathComponent("examples.xlsx")
    static let converted = WorkbookFixtures.fixtures.appendingPathComponent("examples.libreoffice.xlsx")

    static func examplesWorkbook() throws -> [UInt8] {
        var export = SurveyExport()
        for survey in SurveyCorpus.examples { try export.add(survey.bytes, path: survey.name) }
        return try XLSXWriter.bytes(export.document())
    }

    @Test func theSourceFixtureIsWhatTheWriterWrites() throws {
        let bytes = try Self.examplesWorkbook()
        if ProcessInfo.processInfo.environment["WUYOU_RECORD_FIXTURES"] != nil {
            try Data(bytes).write(to: Self.source)
        }
        #expect(Array(try Data(contentsOf: Self.source)) == bytes, "re-record with WUYOU_RECORD_FIXTURES=1")
    }

    @Test func aWorkbookSavedByLibreOfficeImportsTheSame() throws {
        let bytes = Array(try Data(contentsOf: Self.converted))
        let result = try WorkbookFixtures.importXLSX(bytes, path: "examples.libreoffice.xlsx")
        #expect(result.diagnostics.isEmpty, "\(WorkbookFixtures.lines(result.diagnostics))")
        let ours = try WorkbookFixtures.importXLSX(Array(try Data(contentsOf: Self.source)), path: "examples.libreoffice.xlsx")
        #expect(result.surveys.map(\.id) == ours.surveys.map(\.id))
        #expect(result.surveys.map(\.bytes) == ours.surveys.map(\.bytes))
        for (survey, example) in zip(result.surveys, SurveyCorpus.examples) {
            #expect(try WorkbookFixtures.findings(of: survey.bytes, path: "x.xml") == WorkbookFixtures.findings(of: example.bytes, path: "y.xml"))
        }
    }
}
