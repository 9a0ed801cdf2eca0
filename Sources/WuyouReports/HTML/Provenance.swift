import Mustache

/// Where a printed page came from: read by the shared `provenance` partial.
struct Provenance: MustacheParent, Sendable {
    var tool: String
    var toolVersion: String
    var checklistId: String
    var checklistVersionText: String
    var checklistHash: String
    var surveyFile: String

    func child(named name: String) -> Any? {
        switch name {
        case "tool": tool
        case "toolVersion": toolVersion
        case "checklistId": checklistId
        case "checklistVersionText": checklistVersionText
        case "checklistHash": checklistHash
        case "hasSurveyFile": !surveyFile.isEmpty
        case "surveyFile": surveyFile
        default: nil
        }
    }
}
