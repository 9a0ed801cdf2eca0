import ArgumentParser
import Foundation
import WuyouWords
import WuyouCore
import WuyouReports
import WuyouWorkbook

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandWords.words["cli.import.abstract"], discussion: CommandWords.words["cli.import.discussion"])

    @Argument(help: help("cli.import.inputs"))
    var inputs: [String] = []

    @Option(name: .customLong("out"), help: help("cli.import.out"))
    var out: String?

    @Option(name: .customLong("template"), help: help("cli.import.template"))
    var template: String?

    @OptionGroup var options: ChecklistOptions

    var lang: ReportLanguage { options.lang }

    func validate() throws {
        if template != nil {
            guard inputs.isEmpty, out == nil else { throw ValidationError(CommandWords.words["cli.usage.template-alone"]) }
            return
        }
        guard !inputs.isEmpty else { throw ValidationError(CommandWords.words["cli.usage.name-workbook"]) }
        guard out != nil else { throw ValidationError(CommandWords.words["cli.usage.import-out"]) }
        let workbooks = inputs.filter(WorkbookFiles.isXLSX)
        guard workbooks.isEmpty || inputs.count == 1 else {
            throw ValidationError(CommandWords.words["cli.usage.one-workbook"])
        }
    }

    func run() async throws {
        let loaded = try options.loadChecklist()
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

    /// Reads the workbook a row at a time and writes each survey as soon as its rows are read,
    /// so that memory stays flat however many surveys the workbook holds.
    private func importWorkbook(into folder: String, checklist: Checklist) throws {
        let workbook: WorkbookSource
        do {
            workbook = try WorkbookFiles.open(inputs)
        } catch {
            StandardError.print(error.items, language: lang)
            throw ExitCode(ExitStatus.badInput)
        }
        var problems: [Diagnostic] = []
        let folderProblem = SurveyFolder.create(folder)
        var written = 0
        let result = WorkbookImporter(checklist: checklist).importSurveys(from: workbook, writingXML: folderProblem == nil) { survey in
            guard folderProblem == nil else { return }
            do throws(Diagnostics) {
                print(try SurveyFolder.write(survey, to: folder, inputs: inputs))
                written += 1
            } catch {
                problems += error.items
            }
        }
        StandardError.print(result.diagnostics, language: lang)
        StandardError.print((folderProblem.map { [$0] } ?? []) + problems, language: lang)
        print(Words(lang)("cli.import.closing", ["folder": folder, "written": "\(written)", "rows": "\(result.surveyRows)"]))
        throw ExitCode(result.hasErrors || folderProblem != nil || !problems.isEmpty ? ExitStatus.badInput : ExitStatus.passes)
    }
}
