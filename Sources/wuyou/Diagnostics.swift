import Foundation
import WuyouXML

/// The one place the CLI prints problems: `file:line:col: message` on stderr.
enum Diagnostics {
    static func print(_ diagnostics: [XMLDiagnostic]) {
        for diagnostic in diagnostics {
            printError(diagnostic.description)
        }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Exit statuses of cli-and-reports.md.
enum ExitStatus {
    static let passes: Int32 = 0
    static let fails: Int32 = 1
    static let badInput: Int32 = 2
}
