import Foundation

/// The survey's rooms, each resolved to the room codes it serves under a checklist.
public struct RoomInventory: Sendable {
    /// How a room was recognised as serving its codes.
    public enum Recognition: Sendable, Hashable {
        /// By its `@type` codes.
        case code
        /// By the code's canonical name (e.g. 警务室).
        case name
        /// By an alias; `spinner` marks a word made by the seed document's synonym spinner.
        case alias(spinner: Bool)
        /// Not recognised: it serves no required room.
        case unrecognised
    }

    public struct Entry: Sendable {
        public var room: Survey.Room
        public var normalisedName: String
        /// Known codes this room serves, in `@type` order.
        public var codes: [String]
        /// Codes in `@type` that the checklist does not know.
        public var unknownCodes: [String]
        public var recognition: Recognition
        /// For an unknown name or code close to a known one (edit distance on the normalised
        /// text): the code it was probably meant to be, by what was written.
        public var probableCodes: [(written: String, code: String)] = []
    }

    public var entries: [Entry]

    /// Resolves every room of `centre` against the checklist's room vocabulary.
    public init(centre: Survey.Centre?, checklist: Checklist) {
        entries = (centre?.rooms ?? []).map { room in
            let name = RoomNames.normalised(room.name)
            if !room.codes.isEmpty {
                let unknown = room.codes.filter { checklist.room(code: $0) == nil }
                var entry = Entry(
                    room: room, normalisedName: name,
                    codes: room.codes.filter { checklist.room(code: $0) != nil },
                    unknownCodes: unknown,
                    recognition: .code)
                let codes = checklist.rooms.map(\.code)
                entry.probableCodes = unknown.compactMap { written in
                    // Codes are lower case; `Police` is police written with a capital.
                    let lowered = written.lowercased()
                    let probable = codes.contains(lowered) ? lowered : EditDistance.closest(to: lowered, among: codes)
                    return probable.map { (written, $0) }
                }
                return entry
            }
            for kind in checklist.rooms {
                if RoomNames.normalised(kind.label.text("zh")) == name {
                    return Entry(room: room, normalisedName: name, codes: [kind.code], unknownCodes: [], recognition: .name)
                }
                if let alias = kind.aliases.first(where: { $0.name == name }) {
                    return Entry(
                        room: room, normalisedName: name, codes: [kind.code], unknownCodes: [],
                        recognition: .alias(spinner: alias.spinner))
                }
            }
            var entry = Entry(room: room, normalisedName: name, codes: [], unknownCodes: [], recognition: .unrecognised)
            if let code = Self.probableCode(ofName: name, in: checklist) {
                entry.probableCodes = [(name, code)]
            }
            return entry
        }
    }

    /// The room a name that matches nothing was probably meant to be: the one whose standard
    /// name or alias is closest to it, when close enough (see ``EditDistance/closest(to:among:)``).
    private static func probableCode(ofName name: String, in checklist: Checklist) -> String? {
        var codeByName: [String: String] = [:]
        for kind in checklist.rooms {
            for known in [RoomNames.normalised(kind.label.text("zh"))] + kind.aliases.map(\.name) where codeByName[known] == nil {
                codeByName[known] = kind.code
            }
        }
        guard let closest = EditDistance.closest(to: name, among: Array(codeByName.keys)) else { return nil }
        // Two names of one room equally close are still one suggestion.
        return codeByName[closest]
    }

    /// Rooms written in a way that probably meant `code`: a misspelt name or code.
    public func probableTypos(of code: String) -> [Finding.PossibleTypo] {
        entries.flatMap { entry in
            entry.probableCodes.filter { $0.code == code }.map { Finding.PossibleTypo(line: entry.room.line, written: $0.written, meant: code) }
        }
    }

    /// The first room that serves `code`.
    public func room(serving code: String) -> Entry? {
        entries.first { $0.codes.contains(code) }
    }
}
