import ArgumentParser
import Foundation
import WuyouWords
import WuyouCore
import WuyouReports
import WuyouWorkbook

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn a survey workbook (.xlsx, or .csv sheets) into survey XML files, or write a blank workbook.",
        discussion: """
            Writes DIR/<survey id>.xml for every survey row (the id made safe as page names are).
            A survey with a bad cell is not written, the others are; each bad cell is reported as
            FILE:SHEET!CELL: message. A file in DIR is replaced only when wuyou import wrote it.
            CSV sheets are named by key or Chinese name: surveys.csv or 调查表.csv, rooms.csv or
            用房.csv, departments.csv or 进驻部门.csv, developments.csv or 开发项目.csv.

            Exit status: 0 every survey row became a survey, 2 a row, cell or file could not be
            used (the other surveys are still written), 64 usage error.

            Examples:
              wuyou import --template 普查.xlsx
              wuyou import 普查.xlsx --out surveys
              wuyou import 调查表.csv 用房.csv --out surveys --lang en
            """)

    @Argument(help: "One .xlsx workbook, or its sheets as .csv files.")
    var inputs: [String] = []

    @Option(name: .customLong("out"), help: "The folder to write the surveys in (created if missing).")
    var out: String?

    @Option(name: .customLong("template"), help: "Write a blank workbook to this .xlsx file instead of importing.")
    var template: String?

    @Option(name: .customLong("checklist"), help: "A bundled checklist id or a checklist file, whose rooms a workbook names.")
    var checklist = ChecklistReader.defaultID

    @Option(help: "Language of error messages: zh or en.")
    var lang: ReportLanguage = .zh

    func validate() throws {
        if template != nil {
            guard inputs.isEmpty, out == nil else { throw ValidationError("--template writes a blank workbook; give no inputs and no --out.") }
            return
        }
        guard !inputs.isEmpty else { throw ValidationError("Name a workbook (.xlsx) or its sheets (.csv), or use --template FILE.xlsx.") }
        guard out != nil else { throw ValidationError("Name the folder to write surveys in with --out DIR.") }
        let workbooks = inputs.filter(WorkbookFiles.isXLSX)
        guard workbooks.isEmpty || inputs.count == 1 else {
            throw ValidationError("Import one .xlsx workbook at a time, or a set of .csv sheets.")
        }
    }

    func run() async throws {
        let loaded = try ChecklistLoading.load(checklist, language: lang)
        if let template {
            try writeTemplate(to: template, checklist: loaded)
        } else if let out {
            try importWorkbook(into: out, checklist: loaded)
        }
    }

    private func writeTemplate(to path: String, checklist: Checklist) throws {
        do {
            try SurveyWorkbookTemplate.write(checklist: checklist, to: path)
        } catch {
            StandardError.print(error.items, language: lang)
            throw ExitCode(ExitStatus.badInput)
        }
        print(path)
    }

    private func importWorkbook(into folder: String, checklist: Checklist) throws {
        let workbook: Workbook
        do {
            workbook = try WorkbookFiles.read(inputs)
        } catch {
            StandardError.print(error.items, language: lang)
            throw ExitCode(ExitStatus.badInput)
        }
        let result = WorkbookImporter(checklist: checklist).importSurveys(from: workbook)
        StandardError.print(result.diagnostics, language: lang)
        let (written, problems) = SurveyFolder.write(result.surveys, to: folder)
        StandardError.print(problems, language: lang)
        for path in written { print(path) }
        print("\(folder): \(written.count) of \(result.surveyRows) surveys written")
        throw ExitCode(result.hasErrors || !problems.isEmpty ? ExitStatus.badInput : ExitStatus.passes)
    }
}
