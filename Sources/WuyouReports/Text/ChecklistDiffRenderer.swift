import WuyouCore

/// `wuyou checklist diff A B`: one line per difference, `-` for the first checklist's side and
/// `+` for the second's, as a reviewer reads a patch.
public struct ChecklistDiffRenderer: Sendable {
    public let language: ReportLanguage

    public init(language: ReportLanguage = .zh) {
        self.language = language
    }

    public func render(_ diff: ChecklistDiff, from old: String, to new: String) -> String {
        guard !diff.isEmpty else {
            return language.pick("\(old) 与 \(new) 没有差别\n", "\(old) and \(new) do not differ\n")
        }
        var lines = ["--- \(old)", "+++ \(new)"]
        for change in diff.changes {
            let subject: String = switch change.subject {
            case .checklist(let field): language.pick("检查清单 \(field)", "checklist \(field)")
            case .requirementAdded(let id): language.pick("新增要求 \(id)", "requirement \(id) added")
            case .requirementRemoved(let id): language.pick("删除要求 \(id)", "requirement \(id) removed")
            case .requirement(let id, let field): language.pick("要求 \(id) 的 \(field)", "requirement \(id) \(field)")
            case .room(let code, let field): language.pick("用房 \(code) 的 \(field)", "room \(code) \(field)")
            case .award(let premises, let field): language.pick("以奖代补 \(premises) 的 \(field)", "award for \(premises) \(field)")
            case .category(let id, let field): language.pick("类别 \(id) 的 \(field)", "category \(id) \(field)")
            }
            lines.append("@ " + subject)
            if let before = change.before { lines.append("- " + before) }
            if let after = change.after { lines.append("+ " + after) }
        }
        return lines.map(TerminalText.escaped).joined(separator: "\n") + "\n"
    }
}
