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
