import ArgumentParser
import Foundation
import WuyouReports
import WuyouWords

struct WuyouCommand: AsyncParsableCommand {
    static let version = WuyouVersion.current

    static let configuration = CommandConfiguration(
        commandName: "wuyou",
        abstract: CommandWords.words["cli.wuyou.abstract"],
        discussion: CommandWords.words["cli.wuyou.discussion"],
        version: version,
        subcommands: [Check.self, Audit.self, Validate.self, Init.self, Form.self, Import.self, ChecklistCommand.self]
    )

    /// Parses and runs the command, and says every usage error and every help screen in the
    /// language of `--lang` (swift-argument-parser words them in English).
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let slip = CommandLineSlips.slip(in: arguments, words: CommandWords.words) {
            FileHandle.standardError.write(Data((slip + "\n").utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
            Foundation.exit(0)
        } catch {
            let code = exitCode(for: error)
            let message = ParserMessages(words: CommandWords.words).worded(fullMessage(for: error), isHelp: code == .success)
            if !message.isEmpty {
                let stream = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                stream.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
