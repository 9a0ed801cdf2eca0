import WuyouCore
import WuyouLedger

/// One way of writing one survey's report, as SwiftLint's reporters are one per output:
/// compiler-style text, the `wuyou-report/1` JSON document, the HTML gap report.
public protocol SurveyReportRenderer: Sendable {
    /// The whole output for `report`.
    func render(_ report: SurveyReport) -> String
    /// The whole output for `report` with what the ledger says about it (`--ledger`).
    func render(_ report: SurveyReport, ledger: LedgerJudgement?) -> String
}

extension SurveyReportRenderer {
    /// A renderer that shows no ledger writes the report alone.
    public func render(_ report: SurveyReport, ledger: LedgerJudgement?) -> String {
        render(report)
    }
}
