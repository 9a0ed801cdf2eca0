import Foundation
import WuyouCore

/// The `wuyou-report/1` JSON document of one survey (see cli-and-reports.md).
public struct JSONReportRenderer: SurveyReportRenderer {
    public static let format = "wuyou-report/1"

    public let language: ReportLanguage

    public init(language: ReportLanguage = .zh) {
        self.language = language
    }

    /// The report as a JSON value (also an element of `audit.json`'s `reports`).
    public func value(for report: SurveyReport) -> JSONValue {
        let text = ReportText(language: language, checklist: report.checklist)
        let diagnosticText = DiagnosticText(language: language)
        let survey = report.survey
        return .object([
            ("format", .string(Self.format)),
            ("survey", .object([
                ("path", .string(survey.path)),
                ("id", .string(survey.id)),
                ("date", .string(survey.date.text)),
                ("community", .string(survey.community.name)),
                ("subdistrict", survey.community.subdistrict.map(JSONValue.string) ?? .null),
            ])),
            ("checklist", checklistValue(report.checklist)),
            ("passes", .bool(report.passes)),
            // Only for drafts, so that finished surveys keep the format's shape.
        ] + (report.survey.isDraft ? [("draft", JSONValue.bool(true))] : []) + [

            ("score", report.score.map(JSONValue.number) ?? .null),
            ("counts", .object(Status.allCases.map { ($0.rawValue, .integer(report.counts[$0] ?? 0)) })),
            ("findings", .array(report.findings.map { finding(for: $0, text: text) })),
            ("funding", .object([
                ("award", .number(report.funding.awardTotal)),
                ("developerShortfallArea", .number(report.funding.developerShortfallArea)),
            ])),
            ("warnings", .array(report.warnings.map { warning in
                // A warning about the survey as a whole cites its <survey> element.
                .object([
                    ("line", .integer(warning.location.line ?? survey.line)),
                    ("message", .string(diagnosticText.message(for: warning))),
                ])
            })),
        ])
    }

    /// The report as pretty-printed JSON text ending in a newline.
    public func render(_ report: SurveyReport) -> String {
        value(for: report).serialized() + "\n"
    }

    public func checklistValue(_ checklist: Checklist) -> JSONValue {
        .object([
            ("id", .string(checklist.id)),
            ("title", .string(checklist.title.text(language.rawValue))),
            ("version", .string(checklist.version)),
            ("hash", .string(checklist.shortHash)),
            ("modified", .bool(checklist.modified)),
        ])
    }

    private func finding(for finding: Finding, text: ReportText) -> JSONValue {
        let requirement = finding.requirement
        var members: [(String, JSONValue)] = [
            ("id", .string(requirement.id)),
            ("status", .string(finding.status.rawValue)),
            ("severity", .string(requirement.severity.rawValue)),
            ("basis", .string(requirement.basis.rawValue)),
            ("clause", .string(requirement.clause)),
            ("title", .string(requirement.title.text(language.rawValue))),
        ]
        if let expected = finding.expected { members.append(("expected", .string(text.value(expected)))) }
        if let observed = finding.observed { members.append(("observed", .string(text.value(observed)))) }
        if let shortfall = finding.shortfall, let unit = finding.unit {
            members.append(("shortfall", .number(shortfall)))
            members.append(("unit", .string(unit)))
        }
        if let line = finding.line { members.append(("line", .integer(line))) }
        // Only when there are any, so that reports without them keep the format's shape.
        if !finding.possibleTypos.isEmpty {
            members.append(("possibleTypos", .array(finding.possibleTypos.map { typo in
                .object([("line", .integer(typo.line)), ("written", .string(typo.written)), ("meant", .string(typo.meant))])
            })))
        }
        return .object(members)
    }
}
