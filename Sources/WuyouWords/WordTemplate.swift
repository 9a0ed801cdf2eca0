/// A catalogue entry read once into pieces, for words filled in for every finding of every
/// survey: filling it looks nothing up and parses nothing.
public struct WordTemplate: Sendable {
    private indirect enum Piece: Sendable {
        case text(String)
        case argument(String)
        case plural(String, one: [Piece], other: [Piece])
    }

    private let pieces: [Piece]

    /// The entry `key` of `words`.
    public init(_ words: Words, _ key: String) {
        self = words.template(key)
    }

    public init(_ template: String) {
        pieces = Self.pieces(of: Substring(template))
    }

    /// The words with `name` filled by `value` (any other placeholder stays as written).
    public func fill(_ name: String, _ value: String) -> String {
        var result = ""
        Self.append(pieces, to: &result) { $0 == name ? value : nil }
        return result
    }

    /// The words with each placeholder filled from `arguments`.
    public func fill(_ arguments: [String: String]) -> String {
        var result = ""
        Self.append(pieces, to: &result) { arguments[$0] }
        return result
    }

    /// Appends `pieces`; inside a plural branch, `#` in the entry's own text is `number`
    /// (never a `#` in a filled-in value).
    private static func append(_ pieces: [Piece], to result: inout String, number: String? = nil, value: (String) -> String?) {
        for piece in pieces {
            switch piece {
            case .text(let text):
                if let number, text.contains("#") {
                    result += text.split(separator: "#", omittingEmptySubsequences: false).joined(separator: number)
                } else {
                    result += text
                }
            case .argument(let name):
                result += value(name) ?? "{\(name)}"
            case .plural(let name, let one, let other):
                let count = value(name)
                append(count.flatMap(Int.init) == 1 ? one : other, to: &result, number: count ?? "#", value: value)
            }
        }
    }

    private static func pieces(of template: Substring) -> [Piece] {
        var pieces: [Piece] = []
        var rest = template
        while let open = rest.firstIndex(of: "{"), let close = Words.matchingBrace(in: rest, from: open) {
            if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
            let inner = rest[rest.index(after: open)..<close]
            if let plural = Words.Plural(inner) {
                pieces.append(.plural(plural.name, one: Self.pieces(of: plural.one), other: Self.pieces(of: plural.other)))
            } else {
                pieces.append(.argument(String(inner)))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return pieces
    }
}
