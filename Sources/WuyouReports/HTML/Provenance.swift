import WuyouMustache

/// Where a printed page came from: read by the shared `provenance` partial.
struct Provenance: TemplateModel, Sendable {
    var tool: String
    var toolVersion: String
    var checklistId: String
    var checklistVersionText: String
    var checklistHash: String
    var surveyFile: String

    static let templateFields = TemplateFields<Self>([
        .text("tool") { $0.tool },
        .text("toolVersion") { $0.toolVersion },
        .text("checklistId") { $0.checklistId },
        .text("checklistVersionText") { $0.checklistVersionText },
        .text("checklistHash") { $0.checklistHash },
        .flag("hasSurveyFile") { !$0.surveyFile.isEmpty },
        .text("surveyFile") { $0.surveyFile },
    ])
}
