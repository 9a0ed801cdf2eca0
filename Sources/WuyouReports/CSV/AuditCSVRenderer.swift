import Foundation
import WuyouCore

/// `audit.csv`: one row per audited survey, for a spreadsheet (see cli-and-reports.md).
public struct AuditCSVRenderer: Sendable {
    public init() {}

    /// The whole file: BOM, a header of `path,id,community,subdistrict,passes,score` and one
    /// column per requirement id, then a row per survey holding each requirement's status.
    ///
    /// With a comparison, two columns follow the requirements (so the contract's columns keep
    /// their places): `previousScore`, the centre's score in the earlier audit, and
    /// `scoreChange`, this score minus that one; both empty for a centre new since then.
    public func render(_ summary: AuditSummary, comparison: BaselineComparison? = nil) -> String {
        var output = ""
        write(summary, comparison: comparison) { output += $0 }
        return output
    }

    /// The same text as ``render(_:comparison:)``, handed to `emit` a piece at a time (the BOM
    /// and header, then a record per survey), for a file of any size.
    public func write(_ summary: AuditSummary, comparison: BaselineComparison? = nil, to emit: (String) -> Void) {
        emit(CSVFormat.byteOrderMark + CSVFormat.record(["path", "id", "community", "subdistrict", "passes", "score"]
            + summary.checklist.requirements.map { CSVFormat.text($0.id) } + (comparison == nil ? [] : ["previousScore", "scoreChange"])))
        for (index, survey) in summary.surveys.enumerated() {
            var fields = [
                CSVFormat.text(survey.path), CSVFormat.text(survey.id), CSVFormat.text(survey.community),
                CSVFormat.text(survey.subdistrict ?? ""),
                survey.passes ? "true" : "false", survey.score.map { "\($0)" } ?? "",
            ] + survey.statuses.map(\.rawValue)
            if let comparison {
                let change = comparison.centres[index]
                fields += [change.baseline?.score.map { "\($0)" } ?? "", change.scoreChange.map { "\($0)" } ?? ""]
            }
            emit(CSVFormat.record(fields))
        }
    }
}
