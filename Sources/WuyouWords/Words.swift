/// The one lookup of everything wuyou says to a person, in one language.
///
/// Words live in one catalogue per language (``WordCatalogue``), keyed alike in every
/// language: `words["status.met"]` is 达标 or met. A value names what it quotes as `{name}`,
/// filled from the arguments given; `{count, plural, one {# centre} other {# centres}}` picks
/// a branch by the number `count` (`#` stands for the number). A key no catalogue has comes
/// back as itself, so a slip shows on the page (and a test reads every key the code uses).
public struct Words: Sendable {
    public let language: ReportLanguage
    private let entries: [String: String]
    private let templates: [String: WordTemplate]

    public init(_ language: ReportLanguage) {
        self.language = language
        let catalogue = Self.catalogue(for: language)
        entries = catalogue.entries
        templates = catalogue.templates
    }

    /// The catalogue of `language`, read once from the embedded file.
    public static func catalogue(for language: ReportLanguage) -> WordCatalogue {
        language == .zh ? zh : en
    }

    private static let zh = WordCatalogue(text: EmbeddedFiles.text(named: "zh.words") ?? "")
    private static let en = WordCatalogue(text: EmbeddedFiles.text(named: "en.words") ?? "")

    /// The entry `key` as written, placeholders and all.
    public subscript(key: String) -> String {
        entries[key] ?? key
    }

    /// Whether the catalogue has `key` (for wording that differs when, say, a suggestion exists).
    public func has(_ key: String) -> Bool {
        entries[key] != nil
    }

    /// The entry `key` with its placeholders filled from `arguments`; a placeholder without an
    /// argument stays as written.
    public func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        templates[key]?.fill(arguments) ?? self[key]
    }

    /// The entry `key`, read into pieces (once per catalogue), for filling again and again.
    public func template(_ key: String) -> WordTemplate {
        templates[key] ?? WordTemplate(self[key])
    }

    /// Fills `{name}` and `{name, plural, one {…} other {…}}` in `template`.
    public static func fill(_ template: String, with arguments: [String: String]) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        return WordTemplate(template).fill(arguments)
    }

    /// The placeholder names a value uses, plural ones included.
    public static func placeholders(in template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = matchingBrace(in: rest, from: open) {
            let inner = rest[rest.index(after: open)..<close]
            if let plural = Plural(inner) {
                names.insert(plural.name)
                names.formUnion(placeholders(in: String(plural.one)))
                names.formUnion(placeholders(in: String(plural.other)))
            } else {
                names.insert(String(inner))
            }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    static func matchingBrace(in text: Substring, from open: Substring.Index) -> Substring.Index? {
        var depth = 0
        var index = open
        while index < text.endIndex {
            switch text[index] {
            case "{": depth += 1
            case "}":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// `name, plural, one {…} other {…}`.
    struct Plural {
        var name: String
        var one: Substring
        var other: Substring

        init?(_ inner: Substring) {
            let parts = inner.split(separator: ",", maxSplits: 2)
            guard parts.count == 3, parts[1].trimmingSpaces == "plural" else { return nil }
            name = String(parts[0].trimmingSpaces)
            var one: Substring?
            var other: Substring?
            var rest = parts[2]
            while let open = rest.firstIndex(of: "{"), let close = Words.matchingBrace(in: rest, from: open) {
                let selector = rest[..<open].trimmingSpaces
                let branch = rest[rest.index(after: open)..<close]
                if selector == "one" { one = branch } else if selector == "other" { other = branch }
                rest = rest[rest.index(after: close)...]
            }
            guard let other else { return nil }
            self.one = one ?? other
            self.other = other
        }
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}
