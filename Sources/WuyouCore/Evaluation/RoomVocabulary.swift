import Foundation

/// A checklist's rooms as ``RoomInventory`` looks names and codes up in them, worked out once
/// per checklist instead of once per room: names by their bytes, codes in a dictionary, and
/// the "probably meant" guesses (edit distance over every name) remembered per spelling.
final class RoomVocabulary: @unchecked Sendable {
    /// Each room kind's code, in checklist order.
    let codes: [String]
    private let kindByCode: [String: Int]
    /// Normalised standard names and aliases, as NFC UTF-8, to the first kind (in checklist
    /// order, its name before its aliases) they name and how.
    private let kindByName: [[UInt8]: (kind: Int, recognition: RoomInventory.Recognition)]
    /// Every standard name and alias to its kind's code, the first kind winning.
    private let codeByName: [String: String]
    private let names: [String]

    /// Guesses already made, by what was written; guarded by `lock` (workers share one).
    private var guessesByName: [String: String?] = [:]
    private var guessesByCode: [String: String?] = [:]
    private let lock = NSLock()

    init(_ checklist: Checklist) {
        codes = checklist.rooms.map(\.code)
        kindByCode = Dictionary(checklist.rooms.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        var kindByName: [[UInt8]: (kind: Int, recognition: RoomInventory.Recognition)] = [:]
        var codeByName: [String: String] = [:]
        for (kind, room) in checklist.rooms.enumerated() {
            let standard = RoomNames.normalised(room.label.text("zh"))
            if kindByName[Self.key(standard)] == nil { kindByName[Self.key(standard)] = (kind, .name) }
            for alias in room.aliases where kindByName[Self.key(alias.name)] == nil {
                kindByName[Self.key(alias.name)] = (kind, .alias(spinner: alias.spinner))
            }
            for known in [standard] + room.aliases.map(\.name) where codeByName[known] == nil {
                codeByName[known] = room.code
            }
        }
        self.kindByName = kindByName
        self.codeByName = codeByName
        names = Array(codeByName.keys)
    }

    /// A name's bytes in NFC: two names are the same name (canonically equivalent, as `==`
    /// compares strings) exactly when these are equal.
    private static func key(_ name: String) -> [UInt8] {
        Array(name.precomposedStringWithCanonicalMapping.utf8)
    }

    /// Whether the checklist has a room of `code`.
    func knows(code: String) -> Bool { kindByCode[code] != nil }

    /// The kind a normalised room name names, and how; nil when it names none.
    func kind(named name: String) -> (code: String, recognition: RoomInventory.Recognition)? {
        // A normalised name is NFC already (RoomNames), so its bytes are its key.
        guard let found = kindByName[Array(name.utf8)] else { return nil }
        return (codes[found.kind], found.recognition)
    }

    /// The room a name that matches nothing was probably meant to be: the one whose standard
    /// name or alias is closest to it, when close enough (see ``EditDistance/closest(to:among:)``).
    func probableCode(ofName name: String) -> String? {
        remembered(name, in: \.guessesByName) {
            // Two names of one room equally close are still one suggestion.
            EditDistance.closest(to: name, among: names).flatMap { codeByName[$0] }
        }
    }

    /// The known code an unknown one (lower-cased) was probably meant to be.
    func probableCode(ofCode lowered: String) -> String? {
        remembered(lowered, in: \.guessesByCode) {
            knows(code: lowered) ? lowered : EditDistance.closest(to: lowered, among: codes)
        }
    }

    private func remembered(_ key: String, in guesses: ReferenceWritableKeyPath<RoomVocabulary, [String: String?]>,
                            _ guess: () -> String?) -> String? {
        lock.lock()
        let known = self[keyPath: guesses][key]
        lock.unlock()
        if let known { return known }
        let result = guess()
        lock.lock()
        // A hostile audit could write a new name in every room: remember a bounded number.
        if self[keyPath: guesses].count < 10_000 { self[keyPath: guesses][key] = .some(result) }
        lock.unlock()
        return result
    }
}
