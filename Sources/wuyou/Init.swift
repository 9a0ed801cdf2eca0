import ArgumentParser
import Foundation
import WuyouWords
import WuyouCore
import WuyouReports

struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandWords.words["cli.init.abstract"], discussion: CommandWords.words["cli.init.discussion"])

    @Option(help: help("cli.init.community"))
    var community: String?

    @Option(help: help("cli.init.code"))
    var code: String?

    @Option(help: help("cli.init.date"))
    var date: String?

    @OptionGroup var options: ChecklistOptions

    var lang: ReportLanguage { options.lang }

    func validate() throws {
        if let date, SurveyDate(date) == nil || date.count != 10 {
            throw ValidationError(CommandWords.words["cli.usage.init-date"])
        }
    }

    func run() async throws {
        let loaded = try options.loadChecklist()
        let text = SurveyTemplate.text(checklist: loaded, community: community, code: code, date: date ?? Self.today(), language: lang)
        // The printed survey must validate; the schema also catches a day that does not exist.
        do {
            _ = try SurveyLoader.load(bytes: Array(text.utf8), path: "init")
        } catch {
            throw ValidationError(CommandWords.words("cli.usage.init-invalid", ["date": date ?? ""]))
        }
        try StandardOutput.write(text, language: lang)
    }

    private static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
