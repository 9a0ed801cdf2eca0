import ArgumentParser
import WuyouCore

struct Validate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check surveys against the survey schema only.",
        discussion: """
            Prints file:line:col: message for every error. Exit status 0 when every file is
            valid, 2 otherwise.

            Examples:
              wuyou validate examples/youyilu.xml
              wuyou validate examples/*.xml
            """)

    @Argument(help: "Survey XML files.")
    var surveys: [String]

    func validate() throws {
        guard !surveys.isEmpty else { throw ValidationError("Name at least one survey file.") }
    }

    func run() async throws {
        var anyInvalid = false
        for path in surveys {
            do {
                _ = try SurveyLoader.load(path: path)
            } catch {
                Diagnostics.print(error.items)
                anyInvalid = true
            }
        }
        throw ExitCode(anyInvalid ? ExitStatus.badInput : ExitStatus.passes)
    }
}
