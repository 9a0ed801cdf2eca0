import Foundation
import WuyouCore
import WuyouDecimal

/// `audit.csv`: one row per audited survey, for a spreadsheet (see docs/spec/cli-and-reports.md).
public struct AuditCSVRenderer: Sendable {
    public init() {}

    /// The whole file: BOM, a header of `path,id,community,subdistrict,passes,score` and one
    /// column per requirement id, then `draft` (`true` for a draft, which no figure counts), then
    /// a row per survey holding each requirement's status.
    ///
    /// With a comparison, two columns follow the requirements (so the contract's columns keep
    /// their places): `previousScore`, the centre's score in the earlier audit, and
    /// `scoreChange`, this score minus that one; both empty for a centre new since then.
    ///
    /// With a ledger (`withLedger`), three more follow: `waived` (findings with an applied
    /// waiver), `commitments` (open commitments) and `overdue`; `passes` is then the verdict
    /// with applied waivers counted as met.
    public func render(_ summary: AuditSummary, comparison: BaselineComparison? = nil, withLedger: Bool = false) -> String {
        var output = ""
        write(summary, comparison: comparison, withLedger: withLedger) { output += $0 }
        return output
    }

    /// The same text as ``render(_:comparison:)``, handed to `emit` a piece at a time (the BOM
    /// and header, then a record per survey), for a file of any size.
    public func write(
        _ summary: AuditSummary, comparison: BaselineComparison? = nil, withLedger: Bool = false, to emit: (String) -> Void
    ) {
        var record: [UInt8] = []
        write(summary, comparison: comparison, withLedger: withLedger, into: &record) { bytes in
            emit(String(decoding: bytes, as: UTF8.self))
            bytes.removeAll(keepingCapacity: true)
        }
    }

    /// The same bytes, appended to `output` a record at a time (the BOM and header first);
    /// `flush` is called after each record and may empty `output`. An audit of 100,000 surveys
    /// writes its CSV this way, byte by byte rather than field by field as strings.
    public func write(
        _ summary: AuditSummary, comparison: BaselineComparison? = nil, withLedger: Bool = false, into output: inout [UInt8],
        flush: (inout [UInt8]) -> Void
    ) {
        output.append(contentsOf: CSVFormat.byteOrderMark.utf8)
        let header = ["path", "id", "community", "subdistrict", "passes", "score"]
            + summary.checklist.requirements.map { CSVFormat.text($0.id) } + ["draft"]
            + (comparison == nil ? [] : ["previousScore", "scoreChange"])
            + (withLedger ? ["waived", "commitments", "overdue"] : [])
        output.append(contentsOf: CSVFormat.record(header).utf8)
        flush(&output)
        // Each status with the comma before it, worked out once, by position in Status.allCases.
        let statuses = Status.allCases.map { Array(("," + $0.rawValue).utf8) }
        for index in summary.surveys.indices {
            summary.surveys[index].withCSVFields { path, id, community, subdistrict, passes, score, surveyStatuses in
                CSVFormat.appendText(path, to: &output)
                output.append(UInt8(ascii: ","))
                CSVFormat.appendText(id, to: &output)
                output.append(UInt8(ascii: ","))
                CSVFormat.appendText(community, to: &output)
                output.append(UInt8(ascii: ","))
                CSVFormat.appendText(subdistrict ?? "", to: &output)
                output.append(contentsOf: passes ? ",true,".utf8 : ",false,".utf8)
                if let score { DecimalText.append(score, to: &output) }
                for status in surveyStatuses { output.append(contentsOf: statuses[status.position]) }
            }
            output.append(contentsOf: summary.surveys[index].isDraft ? ",true".utf8 : ",false".utf8)
            if let comparison {
                let change = comparison.centres[index]
                output.append(UInt8(ascii: ","))
                if let previous = change.baseline?.score { DecimalText.append(previous, to: &output) }
                output.append(UInt8(ascii: ","))
                if let scoreChange = change.scoreChange { DecimalText.append(scoreChange, to: &output) }
            }
            if withLedger {
                let tally = summary.surveys[index].ledger
                output.append(contentsOf: ",\(tally?.waived ?? 0),\(tally?.commitments ?? 0),\(tally?.overdue ?? 0)".utf8)
            }
            output.append(contentsOf: "\r\n".utf8)
            flush(&output)
        }
    }
}

private extension AuditedSurvey {
    /// Hands over the fields a CSV row holds without copying the survey.
    func withCSVFields(
        _ body: (String, String, String, String?, Bool, ExactDecimal?, [Status]) -> Void
    ) {
        body(path, id, community, subdistrict, passes, score, statuses)
    }
}
