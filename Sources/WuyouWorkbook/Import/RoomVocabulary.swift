import WuyouCore

/// The checklist's room codes, and the Chinese names and aliases a `type` cell may use instead.
struct RoomVocabulary: Sendable {
    /// Normalised code, label or alias → code.
    private var codes: [String: String] = [:]
    /// The rooms' Chinese labels, for messages and the template's dropdowns.
    let labels: [String]

    init(checklist: Checklist) {
        labels = checklist.rooms.map { $0.label.text("zh") }
        for room in checklist.rooms {
            codes[room.code.lowercased()] = room.code
            for name in [room.label.text("zh")] + room.aliases.map(\.name) {
                codes[CellText.normalised(name)] = room.code
            }
        }
    }

    /// The code a `type` item stands for: a code (any case), a room's name or an alias.
    /// An unknown item that is spelled like a code is kept, as in a survey (a warning when
    /// evaluated); anything else is nil.
    func code(for item: String) -> String? {
        let normalised = CellText.normalised(item)
        if let code = codes[normalised] ?? codes[normalised.lowercased()] { return code }
        let looksLikeCode = normalised.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
        return looksLikeCode && !normalised.isEmpty ? normalised : nil
    }
}
