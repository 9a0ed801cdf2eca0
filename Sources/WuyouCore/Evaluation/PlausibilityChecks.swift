import WuyouDecimal
import Foundation

/// Checks that a survey looks like a real centre: they warn, they never change a status.
enum PlausibilityChecks {
    /// Not a policy number: a sanity bound above any community station's staff.
    static let staffLimit = 200

    /// Survey dates outside these cannot be an inspection: before any community service centre
    /// standard, or more than a year after this version of wuyou was made (fixed, so that the
    /// same survey gets the same words every day; a later release moves it on).
    static let earliestInspection = SurveyDate("2000-01-01")!
    static let latestInspection = SurveyDate("2027-12-31")!

    /// The warnings, each with the place it is about.
    static func warnings(for survey: Survey, rooms: RoomInventory, checklist: Checklist) -> [(place: SourcePlace, warning: Diagnostic)] {
        var warnings: [(place: SourcePlace, warning: Diagnostic)] = []
        func warn(_ code: DiagnosticCode, place: SourcePlace, _ arguments: [String: DiagnosticArgument] = [:]) {
            warnings.append((place, Diagnostic(code, at: survey.location(of: place), severity: .warning, arguments)))
        }
        func roomLabel(_ code: String) -> DiagnosticArgument {
            checklist.room(code: code).map { .localized($0.label) } ?? .text(code)
        }
        for entry in rooms.entries {
            let name = DiagnosticArgument.quoted(entry.normalisedName)
            switch entry.recognition {
            case .alias(let spinner):
                warn(spinner ? .roomSpinnerAlias : .roomAlias, place: entry.room.place,
                     ["name": name, "room": roomLabel(entry.codes.first ?? "")])
            case .unrecognised:
                var arguments: [String: DiagnosticArgument] = ["name": name]
                if let probable = entry.probableCodes.first { arguments["suggestion"] = roomLabel(probable.code) }
                warn(.roomUnknownName, place: entry.room.place, arguments)
            case .code, .name:
                break
            }
            for code in entry.unknownCodes {
                var arguments: [String: DiagnosticArgument] = ["code": .quoted(code), "name": name]
                if let probable = entry.probableCodes.first(where: { $0.written == code }) {
                    arguments["suggestion"] = .text(probable.code)
                    arguments["room"] = roomLabel(probable.code)
                }
                warn(.roomUnknownCode, place: entry.room.place, arguments)
            }
            if entry.room.area == 0 {
                warn(.roomAreaZero, place: entry.room.place, ["name": name])
            }
        }
        if let centre = survey.centre {
            let roomTotal = centre.rooms.compactMap(\.area).reduce(0, +)
            if let area = centre.area, area < roomTotal, !centre.hasNoPremises {
                warn(.roomAreasExceedCentre, place: centre.place, ["total": .number(roomTotal), "area": .number(area)])
            }
            if centre.hasNoPremises, !centre.rooms.isEmpty {
                warn(.roomsWithoutPremises, place: centre.place, ["count": .count(centre.rooms.count)])
            }
        }
        for fact in [SurveyFact.staffFullTime, .staffPartTime] {
            if case .value(let text, let place) = survey.reading(of: fact), let count = XMLValues.decimal(text),
               count > ExactDecimal(staffLimit) {
                warn(.staffImplausible, place: place, ["count": .number(count), "limit": .count(staffLimit)])
            }
        }
        if survey.date < earliestInspection || latestInspection < survey.date {
            warn(.surveyDateImplausible, place: survey.place, [
                "date": .text(survey.date.text), "earliest": .text(earliestInspection.text), "latest": .text(latestInspection.text),
            ])
        }
        return warnings
    }
}
