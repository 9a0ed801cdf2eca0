import WuyouWords
import ArgumentParser
import WuyouCore
import WuyouForm
import WuyouReports

struct Form: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandWords.words["cli.form.abstract"], discussion: CommandWords.words["cli.form.discussion"])

    @OptionGroup var options: ChecklistOptions

    var lang: ReportLanguage { options.lang }

    func run() async throws {
        let loaded = try options.loadChecklist()
        let renderer: FormRenderer
        do {
            renderer = try FormRenderer(checklist: loaded, language: lang)
        } catch {
            StandardError.print(error.items, language: lang)
            throw ExitCode(ExitStatus.badInput)
        }
        print(renderer.render(), terminator: "")
    }
}
