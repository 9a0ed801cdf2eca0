import WuyouDecimal
import Foundation
import WuyouWords
import WuyouCore
import WuyouLedger

/// `audit.json` (`wuyou-audit/1`, see docs/spec/cli-and-reports.md), written piece by piece so that the
/// reports of thousands of surveys never sit in memory together.
///
/// The file is `JSONValue.object([format, checklist, summary, baseline?, reports, errors]).serialized()`
/// plus a newline, except that each report is on one line of its own: a file of 20,000 reports
/// is a third smaller and a third faster to write, and a survey's report is one `grep` away.
/// ``writeReportElement(_:to:)`` pre-serialises one element of `reports`, and the site builder
/// splices the elements between ``head(summary:comparison:)`` and ``tail(summary:)``.
public struct AuditJSONRenderer: Sendable {
    public static let format = "wuyou-audit/1"

    public let language: ReportLanguage
    private let reports: JSONReportRenderer?

    /// - Parameter checklist: The audit's checklist, so its words are worked out once.
    public init(language: ReportLanguage = .zh, checklist: Checklist? = nil) {
        self.language = language
        reports = checklist.map { JSONReportRenderer(language: language, checklist: $0, layout: .oneLine) }
    }

    /// Appends one element of `reports` as it stands in the file to `sink` (a sink laid out on
    /// one line): indented, on one line, followed by `,` and a newline, what stands between
    /// two reports (the last one's comma is dropped when the file is assembled).
    public func writeReportElement(_ report: SurveyReport, ledger: LedgerJudgement? = nil, to sink: inout JSONBytes) {
        sink.raw("    ")
        (reports ?? JSONReportRenderer(language: language)).write(report, ledger: ledger, to: &sink)
        sink.raw(",\n")
    }

    /// The file up to the value of `reports`: `{`, `format`, `checklist`, `summary`, `baseline`
    /// when there is one, and `"reports": `.
    public func head(summary: AuditSummary, comparison: BaselineComparison?, ledger: LedgerOverview? = nil) -> String {
        var summaryValue = summaryValue(summary)
        if let ledger, case .object(let members) = summaryValue {
            summaryValue = .object(members + [("ledger", ledgerValue(ledger, summary: summary))])
        }
        var head: [(String, JSONValue)] = [
            ("format", .string(Self.format)),
            ("checklist", JSONReportRenderer(language: language).checklistValue(summary.checklist)),
            ("summary", summaryValue),
        ]
        if let comparison { head.append(("baseline", baselineValue(comparison, summary: summary))) }
        // Serialise the head with a placeholder last member, then cut the file open at it.
        let marker = "\u{1}reports\u{1}"
        let skeleton = JSONValue.object(head + [("reports", .string(marker))]).serialized()
        guard let cut = skeleton.range(of: "\"\\u0001reports\\u0001\"") else {
            preconditionFailure("the reports placeholder vanished from the serialised skeleton")
        }
        return String(skeleton[..<cut.lowerBound])
    }

    /// The file after the value of `reports`: the surveys left out (`unusable`: each with its
    /// path, id and community where they could be read, and its errors), the `errors` member
    /// and the closing brace.
    public func tail(summary: AuditSummary) -> String {
        let unusable = unusableValue(summary).serialized(indent: 2)
        let errors = JSONValue.array(summary.errors.map(errorValue)).serialized(indent: 2)
        return ",\n  \"unusable\": \(unusable),\n  \"errors\": \(errors)\n}\n"
    }

    /// The `unusable` member: each survey left out, named as well as it could be read.
    public func unusableValue(_ summary: AuditSummary) -> JSONValue {
        .array(summary.unused.map { unused in
            .object([
                ("path", .string(unused.path)),
                ("id", unused.identity?.id.map(JSONValue.string) ?? .null),
                ("community", unused.identity?.community.map(JSONValue.string) ?? .null),
                ("errors", .array(unused.diagnostics.map(errorValue))),
            ])
        })
    }

    /// The `summary` member: counts, pass rate, score distribution, per-requirement compliance
    /// and totals (overall and per sub-district).
    public func summaryValue(_ summary: AuditSummary) -> JSONValue {
        .object([
            ("strict", .bool(summary.strict)),
            // Figures count finished surveys; drafts are in `reports`, flagged, and counted here.
            ("surveys", .integer(summary.surveys.count - summary.draftCount)),
            ("drafts", .integer(summary.draftCount)),
            ("passing", .integer(summary.passing)),
            ("passRate", summary.passRate.map(JSONValue.number) ?? .null),
            ("unusable", .integer(summary.unused.count)),
            ("unreadableFolders", .integer(summary.inputProblems.count)),
            ("filesWithErrors", .integer(summary.filesWithErrors)),
            ("scoreDistribution", .array(summary.scoreDistribution.map { band, count in
                .object([("band", .string(band.rawValue)), ("count", .integer(count))])
            })),
            ("requirements", .array(summary.compliance.map { compliance in
                .object([
                    ("id", .string(compliance.requirement.id)),
                    ("severity", .string(compliance.requirement.severity.rawValue)),
                    ("met", .integer(compliance.met)),
                    ("judged", .integer(compliance.judged)),
                    ("rate", compliance.rate.map(JSONValue.number) ?? .null),
                ])
            })),
            ("totals", totalsValue(summary.totals)),
            ("subdistricts", .array(summary.subdistrictTotals.map { totals in
                .object([("subdistrict", totals.subdistrict.map(JSONValue.string) ?? .null)] + totalsMembers(totals))
            })),
        ])
    }

    /// The `baseline` member: what changed since the earlier audit.
    public func baselineValue(_ comparison: BaselineComparison, summary: AuditSummary) -> JSONValue {
        let passRateChange: JSONValue =
            if let now = summary.passRate, let then = comparison.baselinePassRate { .number(now - then) } else { .null }
        return .object([
            ("path", .string(comparison.baselinePath)),
            ("surveys", .integer(comparison.baselineSurveys)),
            ("passRate", comparison.baselinePassRate.map(JSONValue.number) ?? .null),
            ("passRateChange", passRateChange),
            ("gapsClosed", .integer(comparison.totalGapsClosed)),
            ("gapsOpened", .integer(comparison.totalGapsOpened)),
            ("centres", .array(zip(summary.surveys, comparison.centres).map { survey, change in
                .object([
                    ("path", .string(survey.path)),
                    ("id", .string(survey.id)),
                    ("new", .bool(change.isNew)),
                    ("baselineId", change.baseline.map { .string($0.id) } ?? .null),
                    ("scoreChange", change.scoreChange.map(JSONValue.number) ?? .null),
                    ("gapsClosed", .array(change.gapsClosed.map(JSONValue.string))),
                    ("gapsOpened", .array(change.gapsOpened.map(JSONValue.string))),
                ])
            })),
            ("requirements", .array(comparison.requirements.map { change in
                .object([
                    ("id", .string(change.id)),
                    ("baselineRate", change.baselineRate.map(JSONValue.number) ?? .null),
                    ("rate", change.rate.map(JSONValue.number) ?? .null),
                    ("change", change.change.map(JSONValue.number) ?? .null),
                ])
            })),
            ("gone", .array(comparison.gone.map { centre in
                .object([
                    ("path", .string(centre.path)),
                    ("id", .string(centre.id)),
                    ("community", .string(centre.community)),
                    ("subdistrict", centre.subdistrict.map(JSONValue.string) ?? .null),
                    ("score", centre.score.map(JSONValue.number) ?? .null),
                ])
            })),
        ])
    }

    /// The summary's `ledger` member (`--ledger`): the counts over the audit, per requirement
    /// the surveys whose gap is waived, per sub-district the open and overdue commitments, and
    /// the entries that named no audited survey.
    public func ledgerValue(_ ledger: LedgerOverview, summary: AuditSummary) -> JSONValue {
        .object([
            ("waived", .integer(ledger.waived)),
            ("commitments", .integer(ledger.commitments)),
            ("overdue", .integer(ledger.overdue)),
            ("fulfilled", .integer(ledger.fulfilled)),
            ("requirements", .array(zip(summary.checklist.requirements, ledger.waivedByRequirement).map { requirement, waived in
                .object([("id", .string(requirement.id)), ("waived", .integer(waived))])
            })),
            ("subdistricts", .array(summary.subdistrictGroups.map { group in
                let totals = LedgerOverview.totals(of: summary.surveys, positions: group.indices)
                return .object([
                    ("subdistrict", group.name.map(JSONValue.string) ?? .null),
                    ("commitments", .integer(totals.commitments)),
                    ("overdue", .integer(totals.overdue)),
                    ("waived", .integer(totals.waived)),
                ])
            })),
            ("unmatched", .array(ledger.unmatched.map { entry in
                var members: [(String, JSONValue)] = [
                    ("path", .string(entry.location.file)),
                    ("line", .integer(entry.location.line ?? 1)),
                    ("column", .integer(entry.location.column ?? 1)),
                ]
                if let cell = entry.location.cell { members.append(("cell", .string(cell))) }
                members.append(("kind", .string(entry.isWaiver ? "waiver" : "commitment")))
                members.append(("requirement", .string(entry.requirement)))
                switch entry.target {
                case .community(let code): members.append(("community", .string(code)))
                case .survey(let id): members.append(("survey", .string(id)))
                }
                return .object(members)
            })),
        ])
    }

    /// One element of `errors`: where, and the message in the audit's language.
    public func errorValue(_ error: Diagnostic) -> JSONValue {
        // A workbook's error is at a cell, and has no line or column.
        var members: [(String, JSONValue)] = [("path", .string(error.location.file))]
        if let cell = error.location.cell {
            members.append(("cell", .string(cell)))
        } else {
            members.append(("line", .integer(error.location.line ?? 1)))
            members.append(("column", .integer(error.location.column ?? 1)))
        }
        members.append(("code", .string(error.code.rawValue)))
        members.append(("message", .string(DiagnosticText(language: language).message(for: error))))
        return .object(members)
    }

    private func totalsValue(_ totals: AuditTotals) -> JSONValue {
        .object(totalsMembers(totals))
    }

    private func totalsMembers(_ totals: AuditTotals) -> [(String, JSONValue)] {
        [
            ("surveys", .integer(totals.surveys)),
            ("passing", .integer(totals.passing)),
            ("areaShortfall", .number(totals.areaShortfall)),
            ("centresShortOfArea", .integer(totals.centresShortOfArea)),
            ("award", .number(totals.award)),
            ("awardCity", .number(totals.awardCity)),
            ("awardSubdistrict", .number(totals.awardSubdistrict)),
            ("developerShortfall", .number(totals.developerShortfall)),
            ("developmentsShort", .integer(totals.developmentsShort)),
        ]
    }
}
