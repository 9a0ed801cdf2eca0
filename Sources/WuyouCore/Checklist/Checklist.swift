import WuyouDecimal
import Foundation

/// A city's standard as data: requirements with their rules and thresholds, the room
/// vocabulary and the 以奖代补 awards. Nothing policy-specific lives outside it.
public struct Checklist: Sendable {
    public var id: String
    public var version: String
    public var title: LocalizedText
    public var source: String?
    public var categories: [Category]
    public var rooms: [RoomKind]
    public var awards: [FundingAward]
    public var requirements: [Requirement]
    /// The first 12 hex digits of the checklist file's SHA-256, so a printed report can be traced.
    public var shortHash: String
    /// Where the checklist came from: a bundled file name or a path.
    public var origin: String
    /// It has a bundled checklist's id but not its content: reports must not pass it off as
    /// the official standard.
    public var modified = false
    /// What lint found worth a look that does not stop the checklist being used.
    public var warnings: [Diagnostic] = []

    public struct Category: Sendable {
        public var id: String
        public var label: LocalizedText
    }

    /// A kind of room the standard requires, with the names a surveyor may write on its door.
    public struct RoomKind: Sendable {
        public var code: String
        public var label: LocalizedText
        public var aliases: [Alias]

        public struct Alias: Sendable {
            public var name: String
            /// A word produced by the seed document's synonym spinner (e.g. 效劳 for 服务).
            public var spinner: Bool
        }
    }

    public struct FundingAward: Sendable {
        /// The `centre/@premises` value that earns the award.
        public var premises: String
        public var city: ExactDecimal
        public var subdistrict: ExactDecimal
        public var clause: String

        public var total: ExactDecimal { city + subdistrict }
    }

    public func room(code: String) -> RoomKind? {
        rooms.first { $0.code == code }
    }

    public func category(id: String) -> Category? {
        categories.first { $0.id == id }
    }
}
