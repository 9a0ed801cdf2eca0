import ArgumentParser
import Foundation
import WuyouCore

struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a blank survey with every element and attribute, ready to fill in.",
        discussion: """
            The blank survey validates as it is; each field carries a short Chinese comment.

            Examples:
              wuyou init > survey.xml
              wuyou init --community 友谊路社区 > youyilu.xml
            """)

    @Option(help: "The community's name, filled into <community name=…>.")
    var community: String?

    @Option(help: "The survey date (YYYY-MM-DD); today when left out.")
    var date: String?

    func validate() throws {
        // The printed survey must validate, so the date is checked by the survey schema itself.
        if let date, (try? SurveyLoader.load(bytes: Array(BlankSurvey.text(community: "", date: date).utf8), path: "")) == nil {
            throw ValidationError("--date must be a real day written like 2024-05-14.")
        }
    }

    func run() async throws {
        let day = date ?? Self.today()
        print(BlankSurvey.text(community: community ?? "", date: day), terminator: "")
    }

    private static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
