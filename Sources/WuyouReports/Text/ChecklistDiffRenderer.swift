import WuyouWords
import WuyouCore

/// `wuyou checklist diff A B`: one line per difference, `-` for the first checklist's side and
/// `+` for the second's, as a reviewer reads a patch.
public struct ChecklistDiffRenderer: Sendable {
    public let language: ReportLanguage

    public init(language: ReportLanguage = .zh) {
        self.language = language
    }

    public func render(_ diff: ChecklistDiff, from old: String, to new: String) -> String {
        let words = Words(language)
        guard !diff.isEmpty else {
            return words("checklist.diff.same", ["old": old, "new": new]) + "\n"
        }
        var lines = ["--- \(old)", "+++ \(new)"]
        for change in diff.changes {
            let subject: String = switch change.subject {
            case .checklist(let field): words("checklist.diff.checklist", ["field": field])
            case .requirementAdded(let id): words("checklist.diff.requirement-added", ["id": id])
            case .requirementRemoved(let id): words("checklist.diff.requirement-removed", ["id": id])
            case .requirement(let id, let field): words("checklist.diff.requirement", ["id": id, "field": field])
            case .room(let code, let field): words("checklist.diff.room", ["code": code, "field": field])
            case .award(let premises, let field): words("checklist.diff.award", ["premises": premises, "field": field])
            case .category(let id, let field): words("checklist.diff.category", ["id": id, "field": field])
            }
            lines.append("@ " + subject)
            if let before = change.before { lines.append("- " + before) }
            if let after = change.after { lines.append("+ " + after) }
        }
        return lines.map(TerminalText.escaped).joined(separator: "\n") + "\n"
    }
}
