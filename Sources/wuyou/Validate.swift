import WuyouWords
import ArgumentParser
import WuyouCore
import WuyouReports

struct Validate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandWords.words["cli.validate.abstract"], discussion: CommandWords.words["cli.validate.discussion"])

    @Argument(help: help("cli.validate.surveys"))
    var surveys: [String]

    @OptionGroup var language: LanguageOption

    var lang: ReportLanguage { language.lang }

    func validate() throws {
        guard !surveys.isEmpty else { throw ValidationError(CommandWords.words["cli.usage.name-surveys"]) }
    }

    func run() async throws {
        var anyInvalid = false
        for path in surveys {
            do {
                _ = try SurveyLoader.load(path: path)
            } catch {
                StandardError.print(error.items, language: lang)
                anyInvalid = true
            }
        }
        throw ExitCode(anyInvalid ? ExitStatus.badInput : ExitStatus.passes)
    }
}
