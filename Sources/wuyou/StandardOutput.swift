import ArgumentParser
import Foundation
import WuyouWords
import WuyouCore
import WuyouReports

/// Reports and listings go to stdout through here, so that a failed write (a full disk,
/// `> /dev/full`) is an error with a message and exit status 2, never a silent loss.
enum StandardOutput {
    /// Colours only on a terminal, and never when `NO_COLOR` is set (no-color.org) or
    /// `TERM=dumb`.
    static var wantsColour: Bool {
        let environment = ProcessInfo.processInfo.environment
        return isatty(STDOUT_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    static func write(_ text: String, language: ReportLanguage) throws {
        guard OutputFile.writeAll(STDOUT_FILENO, Array(text.utf8)) else {
            let code = errno
            StandardError.print(
                [Diagnostic(.outputCannotWrite, at: .init(file: Words(language)["cli.standard-output"]), ["reason": .systemError(code)])],
                language: language)
            throw ExitCode(ExitStatus.badInput)
        }
    }
}
