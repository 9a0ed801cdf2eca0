import ArgumentParser
import Foundation
import WuyouCore
import WuyouReports
import WuyouWorkbook

extension ReportFormat: ExpressibleByArgument {}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit one survey and print its gaps.",
        discussion: """
            Exit status: 0 passes, 1 a mandatory requirement is a gap or partial (with --strict,
            unknown too), 2 the survey could not be read or validated, 64 usage error.

            Examples:
              wuyou check examples/youyilu.xml
              wuyou check examples/daqiaolu.xml --format json > daqiaolu.json
              wuyou check examples/hangkonglu.xml --html hangkonglu.html --lang en
              wuyou check 普查.xlsx --survey youyilu-2024-05-14
            """)

    @Argument(help: "The survey XML file, or a survey workbook (one .xlsx, or its .csv sheets).")
    var inputs: [String]

    @Option(help: "The id of the survey to check, when the workbook holds more than one.")
    var survey: String?

    @Option(help: "Terminal output: text (compiler-style lines) or json (wuyou-report/1).")
    var format: ReportFormat = .text

    @Option(help: "Also write the HTML gap report to this file (a regular file is replaced atomically; a link is followed).")
    var html: String?

    @OptionGroup var options: ReportOptions

    func validate() throws {
        guard let first = inputs.first else { throw ValidationError("Name the survey to check.") }
        if inputs.count == 1 && !WorkbookFiles.isWorkbook(first) {
            guard survey == nil else { throw ValidationError("--survey picks a survey from a workbook (.xlsx or .csv).") }
            return
        }
        let workbooks = inputs.filter(WorkbookFiles.isWorkbook)
        let xlsx = inputs.filter(WorkbookFiles.isXLSX)
        guard workbooks.count == inputs.count, xlsx.isEmpty || inputs.count == 1 else {
            throw ValidationError("Check one survey XML file, or one workbook: an .xlsx file or its .csv sheets.")
        }
    }

    func run() async throws {
        let checklist = try options.loadChecklist()
        let loaded: SurveyLoader.Loaded
        do {
            if let only = inputs.first, inputs.count == 1, !WorkbookFiles.isWorkbook(only) {
                loaded = try SurveyLoader.load(path: only)
            } else {
                let result = WorkbookImporter(checklist: checklist).importSurveys(from: try WorkbookFiles.read(inputs))
                loaded = try result.survey(id: survey)
                StandardError.print(result.diagnostics, language: options.lang)
            }
        } catch {
            StandardError.print(error.items, language: options.lang)
            throw ExitCode(ExitStatus.badInput)
        }
        let report = Evaluator(checklist: checklist).evaluate(loaded.survey, document: loaded.document)
        let renderer = format.renderer(language: options.lang, colour: StandardOutput.wantsColour)
        try StandardOutput.write(renderer.render(report), language: options.lang)
        if let html {
            do {
                let renderer = try HTMLReportRenderer(language: options.lang, templateDirectory: options.template)
                try OutputFile.write(renderer.render(report), to: html)
            } catch {
                StandardError.print(error.items, language: options.lang)
                throw ExitCode(ExitStatus.badInput)
            }
        }
        throw ExitCode(report.fails(strict: options.strict) ? ExitStatus.fails : ExitStatus.passes)
    }
}
