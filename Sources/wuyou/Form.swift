import WuyouWords
import ArgumentParser
import WuyouCore
import WuyouForm
import WuyouReports

struct Form: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print an offline HTML form that opens, fills in, checks and saves surveys.",
        discussion: """
            The page is self-contained: it works opened from a file with no network, keeps what
            was typed in the browser, and saves <id>.xml, which wuyou validate accepts. Opening a
            survey and saving it again keeps everything the form does not show. The room types
            offered are the checklist's rooms; the list of what is still blank follows its
            requirements.

            Examples:
              wuyou form > 调查表.html
              wuyou form --lang en > survey-form.html
              wuyou form --checklist my-city.xml > 调查表.html
            """)

    @Option(name: .customLong("checklist"), help: "A bundled checklist id or a checklist file.")
    var checklist = ChecklistReader.defaultID

    @Option(help: "Language of the form: zh or en.")
    var lang: ReportLanguage = .zh

    func run() async throws {
        let loaded = try ChecklistLoading.load(checklist, language: lang)
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
