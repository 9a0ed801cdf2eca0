/// The words of one language, read from its catalogue file (`Catalogue/zh.words`,
/// `Catalogue/en.words`), which the build embeds in the binary.
///
/// A catalogue file is UTF-8 text, one entry a line: `key = value` (`key =` for an empty value). Lines that are blank or
/// start with `#` are comments. The value runs to the end of the line; `\n` in it is a line
/// break, `\s` a space (for a value that starts or ends with one) and `\\` a backslash. A value
/// names what it quotes as `{name}`, and words a count as
/// `{name, plural, one {…} other {…}}` (English needs it, Chinese does not); see ``Words``.
public struct WordCatalogue: Sendable {
    /// One line the catalogue could not take, for the test that reads every catalogue.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public private(set) var entries: [String: String] = [:]
    /// Every key in the order the file gives them.
    public private(set) var keys: [String] = []
    public private(set) var problems: [Problem] = []
    /// Each entry that has placeholders, read into pieces once: words are filled in for every
    /// finding of every survey.
    public private(set) var templates: [String: WordTemplate] = [:]

    /// Reads a catalogue's text; lines it cannot take are skipped and listed in ``problems``.
    public init(text: String) {
        var number = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            // `key =` with nothing after it is an empty value (editors strip the space after `=`).
            let separator = line.firstRange(of: " = ") ?? (line.hasSuffix(" =") ? line.index(line.endIndex, offsetBy: -2)..<line.endIndex : nil)
            guard let separator else {
                problems.append(Problem(line: number, reason: "no ` = ` between a key and its value"))
                continue
            }
            let key = String(line[..<separator.lowerBound])
            guard Self.isKey(key) else {
                problems.append(Problem(line: number, reason: "`\(key)` is not a key (letters, digits and . _ - / @)"))
                continue
            }
            guard entries[key] == nil else {
                problems.append(Problem(line: number, reason: "`\(key)` is given twice"))
                continue
            }
            entries[key] = Self.unescaped(line[separator.upperBound...])
            keys.append(key)
        }
        for (key, value) in entries where value.utf8.contains(UInt8(ascii: "{")) {
            templates[key] = WordTemplate(value)
        }
    }

    static func isKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "@"):
                true
            default:
                false
            }
        }
    }

    private static func unescaped(_ value: Substring) -> String {
        guard value.contains("\\") else { return String(value) }
        var result = ""
        var escaping = false
        for character in value {
            if escaping {
                switch character {
                case "n": result.append("\n")
                case "s": result.append(" ")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
