import Foundation

/// Checks that a survey looks like a real centre: they warn, they never change a status.
enum PlausibilityChecks {
    /// Not a policy number: a sanity bound above any community station's staff.
    static let staffLimit = 200

    static func warnings(for survey: Survey, rooms: RoomInventory) -> [SurveyWarning] {
        var warnings: [SurveyWarning] = []
        for entry in rooms.entries {
            switch entry.recognition {
            case .alias(let spinner):
                warnings.append(SurveyWarning(
                    line: entry.room.line,
                    kind: .roomMatchedByAlias(name: entry.normalisedName, code: entry.codes.first ?? "", spinner: spinner)))
            case .unrecognised:
                warnings.append(SurveyWarning(line: entry.room.line, kind: .unknownRoomName(name: entry.normalisedName)))
            case .code, .name:
                break
            }
            for code in entry.unknownCodes {
                warnings.append(SurveyWarning(line: entry.room.line, kind: .unknownRoomCode(code: code, room: entry.normalisedName)))
            }
            if entry.room.area == 0 {
                warnings.append(SurveyWarning(line: entry.room.line, kind: .roomAreaZero(name: entry.normalisedName)))
            }
        }
        if let centre = survey.centre {
            let roomTotal = centre.rooms.compactMap(\.area).reduce(Decimal(0), +)
            if let area = centre.area, roomTotal > area, !centre.hasNoPremises {
                warnings.append(SurveyWarning(line: centre.line, kind: .roomAreasExceedCentre(roomTotal: roomTotal, centreArea: area)))
            }
            if centre.hasNoPremises, !centre.rooms.isEmpty {
                warnings.append(SurveyWarning(line: centre.line, kind: .roomsWithoutPremises(count: centre.rooms.count)))
            }
        }
        for fact in [SurveyFact.staffFullTime, .staffPartTime] {
            if case .value(let text, let line) = survey.reading(of: fact), let count = XMLValues.decimal(text),
               count > Decimal(staffLimit) {
                warnings.append(SurveyWarning(line: line, kind: .implausibleStaffCount(count: count, limit: staffLimit)))
            }
        }
        return warnings
    }
}
