import ArgumentParser
import Foundation
import WuyouCore
import WuyouReports

/// Reports and listings go to stdout through here, so that a failed write (a full disk,
/// `> /dev/full`) is an error with a message and exit status 2, never a silent loss.
enum StandardOutput {
    static func write(_ text: String, language: ReportLanguage) throws {
        guard OutputFile.writeAll(STDOUT_FILENO, Array(text.utf8)) else {
            let reason = String(cString: strerror(errno))
            StandardError.print(
                [Diagnostic(.outputCannotWrite, at: .init(file: language.pick("标准输出", "standard output")), ["reason": .text(reason)])],
                language: language)
            throw ExitCode(ExitStatus.badInput)
        }
    }
}
