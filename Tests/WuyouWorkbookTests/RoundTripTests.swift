import Foundation
import Testing
import WuyouCore
@testable import WuyouWorkbook

/// Every example and test survey, written into a workbook and imported again, gives the same
/// findings (the `wuyou-report/1` JSON, apart from paths and lines).
@Suite("Round trip: survey → workbook → survey")
struct RoundTripTests {
    @Test(arguments: SurveyCorpus.all)
    func xlsxGivesTheSameFindings(_ survey: CorpusSurvey) throws {
        var export = SurveyExport()
        try export.add(survey.bytes, path: survey.name)
        let bytes = try XLSXWriter.bytes(export.document())
        let result = try WorkbookFixtures.importXLSX(bytes)
        #expect(result.diagnostics.isEmpty, "\(WorkbookFixtures.lines(result.diagnostics))")
        let imported = try #require(result.surveys.first)
        #expect(result.surveys.count == 1)
        let expected = try WorkbookFixtures.findings(of: survey.bytes, path: survey.name)
        let actual = try WorkbookFixtures.findings(of: imported.bytes, path: imported.fileStem + ".xml")
        #expect(actual == expected, "\(String(decoding: imported.bytes, as: UTF8.self))")
    }

    @Test(arguments: SurveyCorpus.all)
    func csvGivesTheSameFindings(_ survey: CorpusSurvey) throws {
        var export = SurveyExport(asText: true)
        try export.add(survey.bytes, path: survey.name)
        let result = try WorkbookFixtures.importCSV(export.csvFiles())
        #expect(result.diagnostics.isEmpty, "\(WorkbookFixtures.lines(result.diagnostics))")
        let imported = try #require(result.surveys.first)
        let expected = try WorkbookFixtures.findings(of: survey.bytes, path: survey.name)
        let actual = try WorkbookFixtures.findings(of: imported.bytes, path: imported.fileStem + ".xml")
        #expect(actual == expected, "\(String(decoding: imported.bytes, as: UTF8.self))")
    }

    /// All surveys in one workbook, in the 1904 date system: each comes back, in row order.
    @Test func manySurveysInOneWorkbook() throws {
        var export = SurveyExport()
        for survey in SurveyCorpus.examples {
            try export.add(survey.bytes, path: survey.name)
        }
        let result = try WorkbookFixtures.importXLSX(XLSXWriter.bytes(export.document(dateSystem: .from1904)))
        #expect(result.diagnostics.isEmpty, "\(WorkbookFixtures.lines(result.diagnostics))")
        #expect(result.surveys.map(\.id) == ["zanyang-daqiaolu-2024-05", "zanyang-hangkonglu-2023-11", "zanyang-youyilu-2024-05"])
        for (survey, imported) in zip(SurveyCorpus.examples, result.surveys) {
            #expect(try WorkbookFixtures.findings(of: imported.bytes, path: "x.xml")
                == WorkbookFixtures.findings(of: survey.bytes, path: survey.name), "\(survey.name)")
        }
    }

    /// The same workbook always gives the same survey bytes.
    @Test func importIsDeterministic() throws {
        var export = SurveyExport()
        for survey in SurveyCorpus.examples { try export.add(survey.bytes, path: survey.name) }
        let workbook = try XLSXWriter.bytes(export.document())
        #expect(try XLSXWriter.bytes(export.document()) == workbook)
        let first = try WorkbookFixtures.importXLSX(workbook)
        let second = try WorkbookFixtures.importXLSX(workbook)
        #expect(first.surveys.map(\.bytes) == second.surveys.map(\.bytes))
        #expect(first.surveys.map(\.fileStem) == second.surveys.map(\.fileStem))
    }
}
