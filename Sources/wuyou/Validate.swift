import WuyouWords
import ArgumentParser
import WuyouCore
import WuyouReports

struct Validate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check surveys against the survey schema only.",
        discussion: """
            Prints file:line:col: message for every error. Exit status 0 when every file is
            valid, 2 otherwise.

            Examples:
              wuyou validate examples/youyilu.xml
              wuyou validate examples/*.xml --lang en
            """)

    @Argument(help: "Survey XML files.")
    var surveys: [String]

    @Option(help: "Language of the messages: zh or en.")
    var lang: ReportLanguage = .zh

    func validate() throws {
        guard !surveys.isEmpty else { throw ValidationError("Name at least one survey file.") }
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
