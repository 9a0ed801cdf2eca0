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
        /// The checklist's codes this room serves, in `@type` order (`Police` is `police`:
        /// see ``RoomVocabulary``).
        public var codes: [String]
        /// Codes in `@type` that the checklist does not know, as written.
        public var unknownCodes: [String]
        public var recognition: Recognition
        /// For an unknown name or code close to a known one (edit distance on the normalised
        /// text): the code it was probably meant to be, by what was written.
        public var probableCodes: [(written: String, code: String)] = []
    }

    public var entries: [Entry]

    /// Resolves every room of `centre` against a vocabulary worked out once for the checklist.
    init(centre: Survey.Centre?, vocabulary: RoomVocabulary) {
        entries = (centre?.rooms ?? []).map { room in
            let name = RoomNames.normalised(room.name)
            if !room.codes.isEmpty {
                var entry = Entry(room: room, normalisedName: name, codes: [], unknownCodes: [], recognition: .code)
                for written in room.codes {
                    if let code = vocabulary.code(forCode: written) {
                        entry.codes.append(code)
                    } else {
                        entry.unknownCodes.append(written)
                    }
                }
                entry.probableCodes = entry.unknownCodes.compactMap { written in
                    vocabulary.probableCode(ofCode: written).map { (written, $0) }
                }
                return entry
            }
            if let (code, recognition) = vocabulary.kind(named: name) {
                return Entry(room: room, normalisedName: name, codes: [code], unknownCodes: [], recognition: recognition)
            }
            var entry = Entry(room: room, normalisedName: name, codes: [], unknownCodes: [], recognition: .unrecognised)
            if let code = vocabulary.probableCode(ofName: name) {
                entry.probableCodes = [(name, code)]
            }
            return entry
        }
    }

    /// Rooms written in a way that probably meant `code`: a misspelt name or code.
    public func probableTypos(of code: String) -> [Finding.PossibleTypo] {
        entries.flatMap { entry in
            entry.probableCodes.filter { $0.code == code }.map { Finding.PossibleTypo(place: entry.room.place, written: $0.written, meant: code) }
        }
    }

    /// The first room that serves `code`.
    public func room(serving code: String) -> Entry? {
        entries.first { $0.codes.contains(code) }
    }
}
