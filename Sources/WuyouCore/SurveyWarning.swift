import Foundation

/// Something an inspector should look at that does not change any status.
public struct SurveyWarning: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A room recognised through an alias rather than its standard name.
        case roomMatchedByAlias(name: String, code: String, spinner: Bool)
        /// A room without `@type` whose name matches no room of the checklist.
        case unknownRoomName(name: String)
        /// A code in a room's `@type` that the checklist does not know.
        case unknownRoomCode(code: String, room: String)
        /// The rooms' areas add up to more than the centre's area.
        case roomAreasExceedCentre(roomTotal: Decimal, centreArea: Decimal)
        /// A room listed with an area of 0.
        case roomAreaZero(name: String)
        /// `premises="none"`, yet rooms are listed.
        case roomsWithoutPremises(count: Int)
        /// A staff count too large for one community station.
        case implausibleStaffCount(count: Decimal, limit: Int)
        /// No mandatory requirement could be judged, so the survey cannot pass.
        case nothingJudged
        /// A rule could not be evaluated (e.g. a city's XPath failed at run time).
        case ruleFailed(requirement: String, message: String)
    }

    /// 1-based survey line the warning is about, if any.
    public var line: Int?
    public var kind: Kind

    public init(line: Int?, kind: Kind) {
        self.line = line
        self.kind = kind
    }
}
