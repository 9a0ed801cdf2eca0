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

    static func warnings(for survey: Survey, rooms: RoomInventory, checklist: Checklist) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        func warn(_ code: DiagnosticCode, line: Int, _ arguments: [String: DiagnosticArgument] = [:]) {
            warnings.append(Diagnostic(code, at: Diagnostic.Location(file: survey.path, line: line), severity: .warning, arguments))
        }
        func roomLabel(_ code: String) -> DiagnosticArgument {
            checklist.room(code: code).map { .localized($0.label) } ?? .text(code)
        }
        for entry in rooms.entries {
            let name = DiagnosticArgument.quoted(entry.normalisedName)
            switch entry.recognition {
            case .alias(let spinner):
                warn(spinner ? .roomSpinnerAlias : .roomAlias, line: entry.room.line,
                     ["name": name, "room": roomLabel(entry.codes.first ?? "")])
            case .unrecognised:
                var arguments: [String: DiagnosticArgument] = ["name": name]
                if let probable = entry.probableCodes.first { arguments["suggestion"] = roomLabel(probable.code) }
                warn(.roomUnknownName, line: entry.room.line, arguments)
            case .code, .name:
                break
            }
            for code in entry.unknownCodes {
                var arguments: [String: DiagnosticArgument] = ["code": .quoted(code), "name": name]
                if let probable = entry.probableCodes.first(where: { $0.written == code }) {
                    arguments["suggestion"] = .text(probable.code)
                    arguments["room"] = roomLabel(probable.code)
                }
                warn(.roomUnknownCode, line: entry.room.line, arguments)
            }
            if entry.room.area == 0 {
                warn(.roomAreaZero, line: entry.room.line, ["name": name])
            }
        }
        if let centre = survey.centre {
            let roomTotal = centre.rooms.compactMap(\.area).reduce(0, +)
            if let area = centre.area, area < roomTotal, !centre.hasNoPremises {
                warn(.roomAreasExceedCentre, line: centre.line, ["total": .number(roomTotal), "area": .number(area)])
            }
            if centre.hasNoPremises, !centre.rooms.isEmpty {
                warn(.roomsWithoutPremises, line: centre.line, ["count": .count(centre.rooms.count)])
            }
        }
        for fact in [SurveyFact.staffFullTime, .staffPartTime] {
            if case .value(let text, let line) = survey.reading(of: fact), let count = XMLValues.decimal(text),
               count > ExactDecimal(staffLimit) {
                warn(.staffImplausible, line: line, ["count": .number(count), "limit": .count(staffLimit)])
            }
        }
        if survey.date < earliestInspection || latestInspection < survey.date {
            warn(.surveyDateImplausible, line: survey.line, [
                "date": .text(survey.date.text), "earliest": .text(earliestInspection.text), "latest": .text(latestInspection.text),
            ])
        }
        return warnings
    }
}
