import ArgumentParser
import Foundation
import WuyouWords
import WuyouCore
import WuyouReports

struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a survey to fill in: it judges nothing until rooms and facts are written.",
        discussion: """
            Rooms and facts are commented-out examples that say what to write; a fact left out
            is "not recorded", never a gap. Placeholders in （） mark a draft, which never passes.
            The survey id is the community's code (or name) and the date.

            Examples:
              wuyou init --community 友谊路社区 > youyilu.xml
              wuyou init --community 友谊路社区 --code 420682001001 --date 2024-05-14 > youyilu.xml
              wuyou init --checklist my-city.xml > survey.xml
            """)

    @Option(help: "The community's name, filled into <community name=…>.")
    var community: String?

    @Option(help: "The community's code, filled into <community code=…> and used for the survey id.")
    var code: String?

    @Option(help: "The survey date (YYYY-MM-DD); today when left out.")
    var date: String?

    @Option(name: .customLong("checklist"), help: "A bundled checklist id or a checklist file, whose rooms are listed.")
    var checklist = ChecklistReader.defaultID

    @Option(help: "Language of error messages: zh or en.")
    var lang: ReportLanguage = .zh

    func validate() throws {
        if let date, SurveyDate(date) == nil || date.count != 10 {
            throw ValidationError("--date must be a day written like 2024-05-14.")
        }
    }

    func run() async throws {
        let loaded = try ChecklistLoading.load(checklist, language: lang)
        let text = SurveyTemplate.text(checklist: loaded, community: community, code: code, date: date ?? Self.today())
        // The printed survey must validate; the schema also catches a day that does not exist.
        do {
            _ = try SurveyLoader.load(bytes: Array(text.utf8), path: "init")
        } catch {
            throw ValidationError("--date, --community and --code must make a valid survey (is \(date ?? "the date") a real day?).")
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
