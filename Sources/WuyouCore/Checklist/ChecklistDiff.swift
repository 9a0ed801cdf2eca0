/// What changed between two checklists: the requirements added, removed and changed (their
/// rules and parameters, severity, basis, clause, titles), and the rooms and awards.
public struct ChecklistDiff: Sendable {
    /// One difference, described by what it is about and the two sides.
    public struct Change: Sendable, Hashable {
        public enum Subject: Sendable, Hashable {
            case checklist(field: String)
            case requirementAdded(id: String)
            case requirementRemoved(id: String)
            case requirement(id: String, field: String)
            case room(code: String, field: String)
            case award(premises: String, field: String)
            case category(id: String, field: String)
        }

        public var subject: Subject
        /// The first checklist's value; nil when it has none.
        public var before: String?
        /// The second checklist's value; nil when it has none.
        public var after: String?
    }

    public var changes: [Change]

    public var isEmpty: Bool { changes.isEmpty }

    public init(from old: Checklist, to new: Checklist) {
        var changes: [Change] = []
        func compare(_ subject: Change.Subject, _ before: String?, _ after: String?) {
            if before != after { changes.append(Change(subject: subject, before: before, after: after)) }
        }
        func localized(_ text: LocalizedText) -> String? {
            text.isEmpty ? nil : text.byLanguage.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: " | ")
        }
        compare(.checklist(field: "id"), old.id, new.id)
        compare(.checklist(field: "version"), old.version, new.version)
        compare(.checklist(field: "title"), localized(old.title), localized(new.title))

        let oldCategories = Dictionary(old.categories.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newCategories = Dictionary(new.categories.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in Self.union(old.categories.map(\.id), new.categories.map(\.id)) {
            compare(.category(id: id, field: "label"), oldCategories[id].flatMap { localized($0.label) }, newCategories[id].flatMap { localized($0.label) })
        }

        let oldRequirements = Dictionary(old.requirements.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newRequirements = Dictionary(new.requirements.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in Self.union(old.requirements.map(\.id), new.requirements.map(\.id)) {
            switch (oldRequirements[id], newRequirements[id]) {
            case (let before?, let after?):
                compare(.requirement(id: id, field: "rule"), before.ruleSource.description, after.ruleSource.description)
                compare(.requirement(id: id, field: "severity"), before.severity.rawValue, after.severity.rawValue)
                compare(.requirement(id: id, field: "basis"), before.basis.rawValue, after.basis.rawValue)
                compare(.requirement(id: id, field: "clause"), before.clause, after.clause)
                compare(.requirement(id: id, field: "category"), before.category, after.category)
                compare(.requirement(id: id, field: "facility"), "\(before.facility)", "\(after.facility)")
                compare(.requirement(id: id, field: "central-only"), "\(before.centralOnly)", "\(after.centralOnly)")
                compare(.requirement(id: id, field: "effective-from"), before.effectiveFrom?.text, after.effectiveFrom?.text)
                compare(.requirement(id: id, field: "title"), localized(before.title), localized(after.title))
                compare(.requirement(id: id, field: "advice"), localized(before.advice), localized(after.advice))
                compare(.requirement(id: id, field: "basis-note"), localized(before.basisNote), localized(after.basisNote))
            case (let before?, nil):
                changes.append(Change(subject: .requirementRemoved(id: id), before: localized(before.title), after: nil))
            case (nil, let after?):
                changes.append(Change(subject: .requirementAdded(id: id), before: nil, after: localized(after.title)))
            case (nil, nil):
                break
            }
        }

        let oldRooms = Dictionary(old.rooms.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let newRooms = Dictionary(new.rooms.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        for code in Self.union(old.rooms.map(\.code), new.rooms.map(\.code)) {
            compare(.room(code: code, field: "label"), oldRooms[code].flatMap { localized($0.label) }, newRooms[code].flatMap { localized($0.label) })
            func aliases(_ room: Checklist.RoomKind?) -> String? {
                room.map { $0.aliases.map { $0.spinner ? "\($0.name)*" : $0.name }.joined(separator: "、") }
            }
            compare(.room(code: code, field: "aliases"), aliases(oldRooms[code]), aliases(newRooms[code]))
        }

        let oldAwards = Dictionary(old.awards.map { ($0.premises, $0) }, uniquingKeysWith: { first, _ in first })
        let newAwards = Dictionary(new.awards.map { ($0.premises, $0) }, uniquingKeysWith: { first, _ in first })
        for premises in Self.union(old.awards.map(\.premises), new.awards.map(\.premises)) {
            func amounts(_ award: Checklist.FundingAward?) -> String? {
                award.map { "\($0.city) + \($0.subdistrict) (\($0.clause))" }
            }
            compare(.award(premises: premises, field: "amounts"), amounts(oldAwards[premises]), amounts(newAwards[premises]))
        }
        self.changes = changes
    }

    /// The ids of both lists, the first list's order first.
    private static func union(_ first: [String], _ second: [String]) -> [String] {
        var seen = Set<String>()
        return (first + second).filter { seen.insert($0).inserted }
    }
}
