import ArgumentParser
import Foundation
import WuyouWords

/// The words of help and of usage errors, in the language `--lang` asks for.
///
/// Help is made before the command line is parsed, so `--lang` is read from the raw arguments
/// here: `--lang en` or `--lang=en` anywhere gives English, anything else Chinese.
enum CommandWords {
    static let language: ReportLanguage = language(in: Array(CommandLine.arguments.dropFirst()))

    static let words = Words(language)

    static func language(in arguments: [String]) -> ReportLanguage {
        var index = 0
        while index < arguments.count, arguments[index] != "--" {
            let argument = arguments[index]
            if argument == "--lang", index + 1 < arguments.count {
                return ReportLanguage(rawValue: arguments[index + 1]) ?? .zh
            }
            if argument.hasPrefix("--lang=") {
                return ReportLanguage(rawValue: String(argument.dropFirst("--lang=".count))) ?? .zh
            }
            index += 1
        }
        return .zh
    }
}

/// Help text for an argument, from the catalogue (`cli.*`).
func help(_ key: String) -> ArgumentHelp {
    ArgumentHelp(CommandWords.words[key])
}
