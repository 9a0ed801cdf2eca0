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
    }

    public var entries: [Entry]

    /// Resolves every room of `centre` against the checklist's room vocabulary.
    public init(centre: Survey.Centre?, checklist: Checklist) {
        entries = (centre?.rooms ?? []).map { room in
            let name = RoomNames.normalised(room.name)
            if !room.codes.isEmpty {
                return Entry(
                    room: room, normalisedName: name,
                    codes: room.codes.filter { checklist.room(code: $0) != nil },
                    unknownCodes: room.codes.filter { checklist.room(code: $0) == nil },
                    recognition: .code)
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
            return Entry(room: room, normalisedName: name, codes: [], unknownCodes: [], recognition: .unrecognised)
        }
    }

    /// The first room that serves `code`.
    public func room(serving code: String) -> Entry? {
        entries.first { $0.codes.contains(code) }
    }
}
