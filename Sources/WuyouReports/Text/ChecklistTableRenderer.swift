import Foundation
import WuyouWords
import WuyouCore

/// `wuyou checklist show`: the requirements as an aligned plain-text table, each followed by its
/// rule and parameters.
public struct ChecklistTableRenderer: Sendable {
    public let language: ReportLanguage

    public init(language: ReportLanguage = .zh) {
        self.language = language
    }

    public func render(_ checklist: Checklist) -> String {
        let text = ReportText(language: language, checklist: checklist)
        let words = text.words
        let header = ["id", "clause", "severity", "basis", "title"].map { words["checklist.show.column.\($0)"] }
        let rows = checklist.requirements.map { requirement in
            [requirement.id, requirement.clause, text.severity(requirement.severity), text.basis(requirement.basis),
             requirement.title.text(language.rawValue)]
        }
        let widths = (0..<header.count - 1).map { column in
            ([header] + rows).map { Self.displayWidth($0[column]) }.max() ?? 0
        }
        var output = words("checklist.show.header", [
            "id": checklist.id, "version": checklist.version, "title": checklist.title.text(language.rawValue),
            "hash": checklist.shortHash, "modified": checklist.modified ? words["checklist.show.modified"] : "",
        ]) + "\n"
        let sources = [nil] + checklist.requirements.map(\.ruleSource)
        for (row, source) in zip([header] + rows, sources) {
            let padded = zip(row, widths).map { cell, width in
                cell + String(repeating: " ", count: width - Self.displayWidth(cell))
            }
            output += (padded + [row[row.count - 1]]).joined(separator: "  ") + "\n"
            if let source { output += "    " + source.description + "\n" }
        }
        return TerminalText.escaped(output).replacingOccurrences(of: "\\u{A}", with: "\n")
    }

    /// Terminal columns: CJK characters take two.
    private static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            width + ((0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                || (0xFF00...0xFF60).contains(scalar.value) ? 2 : 1)
        }
    }
}
