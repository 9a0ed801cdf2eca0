import WuyouWords

/// swift-argument-parser's own words — its errors, its help screens' headings — said again in
/// the language of the command line. English is left as the parser wrote it; in Chinese each
/// sentence the parser can write is matched and worded from the catalogue, and a sentence it
/// does not know keeps its English rather than being lost.
struct ParserMessages {
    let words: Words

    /// `message` (an error with its usage lines, or a help screen) in this language.
    func worded(_ message: String, isHelp: Bool) -> String {
        guard words.language != .en else { return message }
        let text = isHelp ? valueLists(message) : message
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return (isHelp ? lines.map(helpLine) : lines.map(errorLine)).joined(separator: "\n")
    }

    // MARK: Errors

    private func errorLine(_ line: String) -> String {
        if line.hasPrefix("Error: ") {
            return words["cli.error.prefix"] + error(String(line.dropFirst("Error: ".count)))
        }
        if line.hasPrefix("Usage: ") {
            return words("cli.error.usage", ["usage": String(line.dropFirst("Usage: ".count))])
        }
        if let match = line.wholeMatch(of: /\s*See '(.+) --help' for more information\./) {
            return words("cli.error.see-help", ["command": String(match.output.1)])
        }
        if line.hasPrefix("Help:  ") {
            // The option's own help, already in this language.
            return "  " + line.dropFirst("Help:  ".count)
        }
        return line
    }

    private func error(_ text: String) -> String {
        if let match = text.wholeMatch(of: /Missing expected argument '(.+)'/) {
            return words("cli.error.missing-argument", ["argument": String(match.output.1)])
        }
        if let match = text.wholeMatch(of: /Missing one of: (.+)/) {
            return words("cli.error.missing-one-of", ["arguments": String(match.output.1)])
        }
        if let match = text.wholeMatch(of: /Unknown option '(.+)'\. Did you mean '(.+)'\?/) {
            return words("cli.error.unknown-option.suggestion", ["option": String(match.output.1), "suggestion": String(match.output.2)])
        }
        if let match = text.wholeMatch(of: /Unknown option '(.+)'/) {
            return words("cli.error.unknown-option", ["option": String(match.output.1)])
        }
        if let match = text.wholeMatch(of: /Missing value for '(.+)'/) {
            return words("cli.error.missing-value", ["option": String(match.output.1)])
        }
        if let match = text.wholeMatch(of: /Unexpected argument '(.+)'/) {
            return words("cli.error.unexpected-argument", ["argument": String(match.output.1)])
        }
        if let match = text.wholeMatch(of: /(\d+) unexpected arguments: (.+)/) {
            return words("cli.error.unexpected-arguments", ["count": String(match.output.1), "arguments": String(match.output.2)])
        }
        if let match = text.wholeMatch(of: /The value '(.*)' is invalid for '(.+)'\. Please provide one of (.+)\./) {
            let choices = match.output.3.split(separator: #/,? and |, or |, | or /#).joined(separator: words["cli.error.choice-separator"])
            return words("cli.error.invalid-value.choices", [
                "value": String(match.output.1), "option": String(match.output.2), "choices": choices,
            ])
        }
        if let match = text.wholeMatch(of: /The value '(.*)' is invalid for '(.+?)'(:.*)?/) {
            return words("cli.error.invalid-value", ["value": String(match.output.1), "option": String(match.output.2)])
        }
        if let match = text.wholeMatch(of: /The option '(.+)' does not take any value, but '(.*)' was specified\./) {
            return words("cli.error.no-value-allowed", ["option": String(match.output.1), "value": String(match.output.2)])
        }
        if let match = text.wholeMatch(of: /Value to be set with (.+) had already been set with (.+)/) {
            return words("cli.error.duplicate", ["what": "\(match.output.1) / \(match.output.2)"])
        }
        if text == "Missing required subcommand." {
            return words["cli.error.missing-subcommand"]
        }
        return text
    }

    // MARK: Help

    /// `(values: text, json; default: text)` after an option's help, which the parser may have
    /// wrapped onto the next line.
    private func valueLists(_ help: String) -> String {
        var help = help
        let separator = words["cli.error.choice-separator"]
        func collapsed(_ text: Substring) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        func choices(_ text: Substring) -> String { collapsed(text).split(separator: ", ").joined(separator: separator) }
        while let match = help.firstMatch(of: /\(values:\s+([^;)]+);\s+default:\s+([^)]+)\)/) {
            help.replaceSubrange(match.range, with: words("cli.help.values-default", [
                "values": choices(match.output.1), "default": collapsed(match.output.2),
            ]))
        }
        while let match = help.firstMatch(of: /\(values:\s+([^)]+)\)/) {
            help.replaceSubrange(match.range, with: words("cli.help.values", ["values": choices(match.output.1)]))
        }
        while let match = help.firstMatch(of: /\(default:\s+([^)]+)\)/) {
            help.replaceSubrange(match.range, with: words("cli.help.default", ["default": collapsed(match.output.1)]))
        }
        return help
    }

    private func helpLine(_ line: String) -> String {
        var line = line
        for (english, key) in [("OVERVIEW:", "cli.help.overview"), ("USAGE:", "cli.help.usage"), ("ARGUMENTS:", "cli.help.arguments"),
                               ("OPTIONS:", "cli.help.options"), ("SUBCOMMANDS:", "cli.help.subcommands")]
        where line.hasPrefix(english) {
            line = words[key] + line.dropFirst(english.count).drop { $0 == " " }
        }
        line = line.replacingOccurrences("Show help information.", with: words["cli.help.show-help"])
        line = line.replacingOccurrences("Show the version.", with: words["cli.help.show-version"])
        line = line.replacingOccurrences("See 'wuyou help <subcommand>' for detailed help.", with: words["cli.help.see-subcommand"])
        line = line.replacingOccurrences("<subcommand>", with: words["cli.help.subcommand"])
        return line
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
