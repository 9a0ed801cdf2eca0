import Foundation
import WuyouCore

/// `audit.csv`: one row per audited survey, for a spreadsheet (see cli-and-reports.md).
public struct AuditCSVRenderer: Sendable {
    public init() {}

    /// The whole file: BOM, a header of `path,id,community,subdistrict,passes,score` and one
    /// column per requirement id, then a row per survey holding each requirement's status.
    public func render(_ summary: AuditSummary) -> String {
        var output = CSVFormat.byteOrderMark
        output += CSVFormat.record(["path", "id", "community", "subdistrict", "passes", "score"]
            + summary.checklist.requirements.map { CSVFormat.text($0.id) })
        for survey in summary.surveys {
            output += CSVFormat.record([
                CSVFormat.text(survey.path), CSVFormat.text(survey.id), CSVFormat.text(survey.community),
                CSVFormat.text(survey.subdistrict ?? ""),
                survey.passes ? "true" : "false", survey.score.map { "\($0)" } ?? "",
            ] + survey.statuses.map(\.rawValue))
        }
        return output
    }
}
