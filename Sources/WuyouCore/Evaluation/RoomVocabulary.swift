import Foundation

/// A checklist's rooms as surveys write them: by code (a room's `@type`, a workbook's `type`
/// cell) or by the name on the door. Both are compared after one normalisation, Unicode NFKC
/// and trimming (``RoomNames``); codes moreover without regard to case, so that `Police` and
/// `ＰＯＬＩＣＥ` are `police`. What is found is always the checklist's own code.
///
/// Worked out once per checklist instead of once per room: names by their bytes, codes in a
/// dictionary, and the "probably meant" guesses (edit distance) remembered per spelling.
public final class RoomVocabulary: @unchecked Sendable {
    /// Each room kind's code, in checklist order.
    let codes: [String]
    /// Each room kind's standard name (its Chinese label), in checklist order.
    public let standardNames: [String]
    /// Codes as compared (``comparable(code:)``), to the first kind that has it.
    private let kindByCode: [String: Int]
    private let comparableCodes: [String]
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

    public init(_ checklist: Checklist) {
        codes = checklist.rooms.map(\.code)
        standardNames = checklist.rooms.map { $0.label.text("zh") }
        comparableCodes = codes.map(Self.comparable(code:))
        kindByCode = Dictionary(comparableCodes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
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

    /// A code as codes are compared: normalised as names are, then in lower case.
    static func comparable(code: String) -> String {
        // Most codes are lower-case ASCII already: no work, no new string.
        if code.utf8.allSatisfy({ (0x21...0x7E).contains($0) && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) {
            return code
        }
        return RoomNames.normalised(code).lowercased()
    }

    /// The checklist's code that `written` (a code as a survey writes it) is; nil for a code
    /// the checklist does not have.
    public func code(forCode written: String) -> String? {
        kindByCode[Self.comparable(code: written)].map { codes[$0] }
    }

    /// The checklist's code of the room that `name` (a name on a door, as written) names by
    /// its standard name or an alias; nil when it names none.
    public func code(named name: String) -> String? {
        kind(named: RoomNames.normalised(name))?.code
    }

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

    /// The code an unknown one (as written) was probably meant to be.
    func probableCode(ofCode written: String) -> String? {
        remembered(written, in: \.guessesByCode) {
            EditDistance.closest(to: Self.comparable(code: written), among: comparableCodes).flatMap { kindByCode[$0] }.map { codes[$0] }
        }
    }

    /// The standard name of the room a name or code that matches nothing was probably meant
    /// to be (`警物室`, `polise`), for a message to suggest; nil when none is close.
    public func probableStandardName(of written: String) -> String? {
        let code = probableCode(ofName: RoomNames.normalised(written)) ?? probableCode(ofCode: written)
        return code.flatMap { codes.firstIndex(of: $0) }.map { standardNames[$0] }
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
