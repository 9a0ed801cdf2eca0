import Foundation
import Mustache

/// What `report.mustache` reads, already worded and formatted: the templates hold no logic
/// beyond booleans and lists, and Swift holds no HTML.
///
/// Every type answers `child(named:)` with a `switch` instead of being read through
/// `Mirror` (about 3× faster; a city-wide site renders thousands of pages). Each row type
/// answers every key its template reads, because a missing key would fall through to the
/// enclosing object. Conditionals are `Bool`: swift-mustache treats `0` and `""` as true.
/// Keys are documented by `HTML/Templates/sample-report.json`.
struct ReportViewModel: MustacheParent, Sendable {
    var lang: String
    var pageTitle: String
    var checklistTitle: String
    var subtitle: String
    var indexHref: String?
    var facts: [Fact]
    var passes: Bool
    var scoreText: String
    var verdictSentence: String
    var countsCaption: String
    var statusCounts: [StatusCount]
    var problemsNote: String
    var problemGroups: [ProblemGroup]
    var unknowns: [Unknown]
    var funding: Funding
    var warnings: [Warning]
    var metSummary: String
    var met: [Met]
    var rooms: [Room]
    var roomsNote: String
    var provenance: Provenance
    var labels: HTMLLabels

    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "pageTitle": pageTitle
        case "checklistTitle": checklistTitle
        case "subtitle": subtitle
        case "hasIndexLink": indexHref != nil
        case "indexHref": indexHref ?? ""
        case "facts": facts
        case "passes": passes
        case "scoreText": scoreText
        case "verdictSentence": verdictSentence
        case "countsCaption": countsCaption
        case "statusCounts": statusCounts
        case "hasProblems": !problemGroups.isEmpty
        case "problemsNote": problemsNote
        case "problemGroups": problemGroups
        case "hasUnknowns": !unknowns.isEmpty
        case "unknowns": unknowns
        case "funding": funding
        case "hasWarnings": !warnings.isEmpty
        case "warnings": warnings
        case "hasMet": !met.isEmpty
        case "metSummary": metSummary
        case "met": met
        case "hasRooms": !rooms.isEmpty
        case "rooms": rooms
        case "roomsNote": roomsNote
        case "provenance": provenance
        case "labels": labels
        default: nil
        }
    }

    struct Fact: MustacheParent, Sendable {
        var label: String
        var value: String

        func child(named name: String) -> Any? {
            switch name {
            case "label": label
            case "value": value
            default: nil
            }
        }
    }

    struct StatusCount: MustacheParent, Sendable {
        var status: String
        var statusLabel: String
        var count: Int

        func child(named name: String) -> Any? {
            switch name {
            case "status": status
            case "statusLabel": statusLabel
            case "count": count
            default: nil
            }
        }
    }

    /// The gaps and partials of one category and severity.
    struct ProblemGroup: MustacheParent, Sendable {
        var groupId: String
        var categoryLabel: String
        var severityLabel: String
        var mandatory: Bool
        var rows: [Problem]

        func child(named name: String) -> Any? {
            switch name {
            case "groupId": groupId
            case "categoryLabel": categoryLabel
            case "severityLabel": severityLabel
            case "mandatory": mandatory
            case "rows": rows
            default: nil
            }
        }
    }

    struct Problem: MustacheParent, Sendable {
        var number: Int
        var id: String
        var title: String
        var status: String
        var statusLabel: String
        var clause: String
        var basis: String
        var basisLabel: String
        var basisNote: String
        var observed: String
        var expected: String
        var shortfallText: String
        var advice: String

        func child(named name: String) -> Any? {
            switch name {
            case "number": number
            case "id": id
            case "title": title
            case "status": status
            case "statusLabel": statusLabel
            case "clause": clause
            case "basis": basis
            case "basisLabel": basisLabel
            case "hasBasisNote": !basisNote.isEmpty
            case "basisNote": basisNote
            case "observed": observed
            case "expected": expected
            case "hasShortfall": !shortfallText.isEmpty
            case "shortfallText": shortfallText
            case "advice": advice
            default: nil
            }
        }
    }

    /// A requirement the survey could not settle, as what to collect on the next visit.
    struct Unknown: MustacheParent, Sendable {
        var number: Int
        var id: String
        var title: String
        var clause: String
        var severityLabel: String
        var mandatory: Bool
        var collect: String
        var field: String

        func child(named name: String) -> Any? {
            switch name {
            case "number": number
            case "id": id
            case "title": title
            case "clause": clause
            case "severityLabel": severityLabel
            case "mandatory": mandatory
            case "collect": collect
            case "field": field
            default: nil
            }
        }
    }

    struct Funding: MustacheParent, Sendable {
        var awardSentence: String
        var hasAward: Bool
        var awardTotal: String
        var awardCity: String
        var awardSubdistrict: String
        var awardClause: String
        var developments: [Development]
        var totalFloorArea: String
        var totalRequired: String
        var totalProvided: String
        var totalOutstanding: String
        var developmentsNote: String

        func child(named name: String) -> Any? {
            switch name {
            case "awardSentence": awardSentence
            case "hasAward": hasAward
            case "awardTotal": awardTotal
            case "awardCity": awardCity
            case "awardSubdistrict": awardSubdistrict
            case "awardClause": awardClause
            case "hasDevelopments": !developments.isEmpty
            case "developments": developments
            case "totalFloorArea": totalFloorArea
            case "totalRequired": totalRequired
            case "totalProvided": totalProvided
            case "totalOutstanding": totalOutstanding
            case "developmentsNote": developmentsNote
            default: nil
            }
        }
    }

    /// One development's service-space obligation.
    struct Development: MustacheParent, Sendable {
        var name: String
        var floorArea: String
        var required: String
        var provided: String
        var outstanding: String
        var status: String
        var statusLabel: String

        func child(named name: String) -> Any? {
            switch name {
            case "name": self.name
            case "floorArea": floorArea
            case "required": required
            case "provided": provided
            case "outstanding": outstanding
            case "status": status
            case "statusLabel": statusLabel
            default: nil
            }
        }
    }

    struct Warning: MustacheParent, Sendable {
        var line: String
        var message: String

        func child(named name: String) -> Any? {
            switch name {
            case "line": line
            case "message": message
            default: nil
            }
        }
    }

    /// A requirement met or not applicable.
    struct Met: MustacheParent, Sendable {
        var number: Int
        var title: String
        var clause: String
        var status: String
        var statusLabel: String
        var observed: String

        func child(named name: String) -> Any? {
            switch name {
            case "number": number
            case "title": title
            case "clause": clause
            case "status": status
            case "statusLabel": statusLabel
            case "observed": observed
            default: nil
            }
        }
    }

    struct Room: MustacheParent, Sendable {
        var number: Int
        var name: String
        var countsFor: String
        var area: String
        var matchLabel: String
        var spinnerAlias: Bool
        var unrecognised: Bool
        var line: Int

        func child(named name: String) -> Any? {
            switch name {
            case "number": number
            case "name": self.name
            case "countsFor": countsFor
            case "area": area
            case "matchLabel": matchLabel
            case "spinnerAlias": spinnerAlias
            case "unrecognised": unrecognised
            case "line": line
            default: nil
            }
        }
    }
}
