import ArgumentParser
import Foundation
import WuyouCore
import WuyouLedger
import WuyouReports
import WuyouWorkbook

extension ReportFormat: ExpressibleByArgument {}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandWords.words["cli.check.abstract"], discussion: CommandWords.words["cli.check.discussion"])

    @Argument(help: help("cli.check.inputs"))
    var inputs: [String]

    @Option(help: help("cli.check.survey"))
    var survey: String?

    @Option(help: help("cli.check.format"))
    var format: ReportFormat = .text

    @Option(help: help("cli.check.html"))
    var html: String?

    @OptionGroup var options: ReportOptions

    @OptionGroup var ledger: LedgerOptions

    func validate() throws {
        guard let first = inputs.first else { throw ValidationError(CommandWords.words["cli.usage.name-survey"]) }
        if inputs.count == 1 && !WorkbookFiles.isWorkbook(first) {
            guard survey == nil else { throw ValidationError(CommandWords.words["cli.usage.survey-needs-workbook"]) }
            return
        }
        let workbooks = inputs.filter(WorkbookFiles.isWorkbook)
        let xlsx = inputs.filter(WorkbookFiles.isXLSX)
        guard workbooks.count == inputs.count, xlsx.isEmpty || inputs.count == 1 else {
            throw ValidationError(CommandWords.words["cli.usage.one-survey-or-workbook"])
        }
    }

    func run() async throws {
        let checklist = try options.loadChecklist()
        let ledger = try self.ledger.load(checklist: checklist, language: options.lang)
        let loaded: SurveyLoader.Loaded
        do {
            if let only = inputs.first, inputs.count == 1, !WorkbookFiles.isWorkbook(only) {
                loaded = try SurveyLoader.load(path: only)
            } else {
                let result = WorkbookImporter(checklist: checklist).importSurveys(from: try WorkbookFiles.open(inputs), keeping: survey)
                loaded = try result.survey(id: survey)
                StandardError.print(result.diagnostics, language: options.lang)
            }
        } catch {
            StandardError.print(error.items, language: options.lang)
            throw ExitCode(ExitStatus.badInput)
        }
        let report = Evaluator(checklist: checklist).evaluate(loaded.survey, document: loaded.document)
        let judgement = ledger.map { LedgerJudgement(report: report, ledger: $0) }
        let renderer = format.renderer(language: options.lang, colour: StandardOutput.wantsColour)
        try StandardOutput.write(renderer.render(report, ledger: judgement), language: options.lang)
        if let html {
            do {
                let renderer = try HTMLReportRenderer(language: options.lang, templateDirectory: options.templates)
                try OutputFile.write(renderer.render(report, ledger: judgement), to: html, ownership: .endingWith(
                    HTMLReportRenderer.mark, inputs: inputs + [options.checklistOptions.checklist] + self.ledger.files))
            } catch {
                StandardError.print(error.items, language: options.lang)
                throw ExitCode(ExitStatus.badInput)
            }
        }
        let fails = judgement?.fails(strict: options.strict) ?? report.fails(strict: options.strict)
        throw ExitCode(fails ? ExitStatus.fails : ExitStatus.passes)
    }
}
