import ArgumentParser
import WuyouCore
import WuyouWords

/// Slips of the hand on the command line, caught before parsing so that each gets a
/// "did you mean": a misspelt command (`wuyou chek`) or option (`--fromat`).
enum CommandLineSlips {
    /// The commands and their options, as the parser knows them.
    private static let commands: [String: any ParsableCommand.Type] = [
        "check": Check.self, "audit": Audit.self, "validate": Validate.self, "init": Init.self, "form": Form.self,
        "import": Import.self, "checklist": ChecklistCommand.self,
        "checklist list": ChecklistCommand.List.self, "checklist show": ChecklistCommand.Show.self,
        "checklist lint": ChecklistCommand.Lint.self, "checklist diff": ChecklistCommand.Diff.self,
    ]

    /// The one-line error for the first slip in `arguments`, or nil when there is none.
    static func slip(in arguments: [String], words: Words) -> String? {
        var path: [String] = []
        var rest = arguments[...]
        // The command, and a checklist subcommand, come first.
        for level in 0..<2 {
            guard let first = rest.first, !first.hasPrefix("-") else { break }
            let choices = level == 0 ? ["check", "audit", "validate", "init", "form", "import", "checklist", "help"]
                : path == ["checklist"] ? ["list", "show", "lint", "diff"] : []
            guard !choices.isEmpty, first != "help" else { break }
            guard choices.contains(first) else {
                return unknownCommand(first, choices: choices.filter { $0 != "help" }, words: words)
            }
            path.append(first)
            rest = rest.dropFirst()
        }
        guard let command = commands[path.joined(separator: " ")] else { return nil }
        let known = options(of: command)
        for argument in rest {
            if argument == "--" { break }
            guard argument.hasPrefix("--") else { continue }
            let name = String(argument.prefix { $0 != "=" })
            guard !known.contains(name) else { continue }
            let candidates = known.sorted()
            let suggestion = EditDistance.closest(to: name, among: candidates)
                ?? candidates.min { EditDistance.between(name, $0) < EditDistance.between(name, $1) }
                    .flatMap { EditDistance.between(name, $0) <= 2 ? $0 : nil }
            let message = suggestion.map { words("cli.error.unknown-option.suggestion", ["option": name, "suggestion": $0]) }
                ?? words("cli.error.unknown-option", ["option": name])
            return words["cli.error.prefix"] + message + "\n" + words("cli.error.see-help", ["command": (["wuyou"] + path).joined(separator: " ")])
        }
        return nil
    }

    private static func unknownCommand(_ written: String, choices: [String], words: Words) -> String {
        let nearest = choices.min { EditDistance.between(written, $0) < EditDistance.between(written, $1) }
        let message = if let nearest, EditDistance.between(written, nearest) <= 2 {
            words("cli.error.unknown-command", ["command": written, "suggestion": nearest])
        } else {
            words("cli.error.unknown-command.list", ["command": written, "commands": choices.joined(separator: words["cli.error.choice-separator"])])
        }
        return words["cli.error.prefix"] + message + "\n" + words("cli.error.see-help", ["command": "wuyou"])
    }

    /// The long options a command takes, read from its usage line (the parser lists every one).
    private static func options(of command: any ParsableCommand.Type) -> Set<String> {
        var names: Set<String> = ["--help", "--version", "--lang"]
        for match in command.usageString().matches(of: /--[a-z][a-z0-9-]*/) {
            names.insert(String(match.output))
        }
        return names
    }
}
