import Foundation
import WuyouWords
import WuyouCore
import WuyouReports

/// The one place the CLI prints problems: one `file:line:col: message` line each, on stderr.
enum StandardError {
    static func print(_ diagnostics: [Diagnostic], language: ReportLanguage) {
        let text = DiagnosticText(language: language)
        for diagnostic in diagnostics {
            write(text.line(for: diagnostic))
        }
    }

    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
