import Foundation
import WuyouWords
import WuyouCore
import WuyouLedger

/// Compiler-style lines for a terminal: one per finding that needs attention (mandatory
/// first, each marked 必备 / 建议), the warnings, then a summary line.
///
/// Not-applicable findings are left out: there is nothing to do about them. Every line is
/// made safe for a terminal (``TerminalText``): a room name cannot forge a line.
public struct TextReportRenderer: SurveyReportRenderer {
    public let language: ReportLanguage
    /// Whether to colour statuses with ANSI escapes (the CLI asks for it on a terminal
    /// unless `NO_COLOR` is set).
    public let colour: Bool

    public init(language: ReportLanguage = .zh, colour: Bool = false) {
        self.language = language
        self.colour = colour
    }

    public func render(_ report: SurveyReport) -> String {
        render(report, ledger: nil)
    }

    /// The lines, each finding with its waiver or commitment when the ledger has one, and the
    /// verdict with applied waivers counted as met.
    public func render(_ report: SurveyReport, ledger: LedgerJudgement?) -> String {
        let text = ReportText(language: language, checklist: report.checklist)
        let words = text.words
        let path = report.survey.path
        var lines: [String] = []
        let diagnosticText = DiagnosticText(language: language)
        func warningLine(_ warning: Diagnostic) -> String {
            var located = warning
            // A warning about the survey as a whole cites its <survey> element, or its row.
            if warning.location.line == nil && warning.location.cell == nil {
                located.location = report.survey.location(of: report.survey.place)
            }
            return diagnosticText.line(for: located)
        }
        // A draft says so before anything else: nothing below counts yet.
        let draftFirst = report.warnings.first?.code == .surveyDraft
        if draftFirst, let draft = report.warnings.first { lines.append(warningLine(draft)) }
        let attention = report.findings.indices.filter {
            report.findings[$0].status != .met && report.findings[$0].status != .notApplicable
        }
        let ordered = attention.filter { report.findings[$0].requirement.severity == .mandatory }
            + attention.filter { report.findings[$0].requirement.severity == .recommended }
        for index in ordered {
            let finding = report.findings[index]
            let requirement = finding.requirement
            var rest = "\(requirement.id) [\(text.severity(requirement.severity))] " + requirement.title.text(language.rawValue)
            var details: [String] = []
            if let expected = finding.expected { details.append(words("text.expected", ["value": text.value(expected)])) }
            if let observed = finding.observed { details.append(words("text.observed", ["value": text.value(observed)])) }
            if let shortfall = text.shortfall(finding) { details.append(shortfall) }
            let typos = text.possibleTypos(finding, in: report.survey)
            if !typos.isEmpty { details.append(typos) }
            if let ledger { details += ledgerDetails(ledger, finding: index, text: text) }
            if !details.isEmpty { rest += words("text.details", ["details": details.joined(separator: words["text.details-separator"])]) }
            lines.append(TerminalText.escaped(place(of: finding.place ?? report.survey.place, in: report.survey) + ": ")
                + paint(finding.status.rawValue, finding.status) + " " + TerminalText.escaped(rest))
        }
        for warning in report.warnings.dropFirst(draftFirst ? 1 : 0) {
            lines.append(warningLine(warning))
        }
        let counts = Status.allCases.map { words("text.count", ["status": text.status($0), "count": "\(report.counts[$0])"]) }
            .joined(separator: words["text.counts-separator"])
        let verdict: String
        if let ledger, ledger.passesThanksToWaivers {
            verdict = paint(words("text.passes-with-waivers", ["count": "\(ledger.appliedMandatory)"]), .met)
        } else if ledger?.passes ?? report.passes {
            verdict = paint(words["text.passes"], .met)
        } else {
            verdict = paint(report.survey.isDraft ? words["text.draft"] : words["text.fails"], .gap)
        }
        let typos = report.possibleTypoGaps
        let typoNote = typos == 0 ? "" : words("text.typo-note", ["count": "\(typos)"])
        lines.append(words("text.summary", [
            "file": TerminalText.escaped(path), "verdict": verdict, "score": text.score(report), "counts": counts,
            "notes": typoNote + (ledger.map { ledgerNote($0, words: words) } ?? "") + modifiedNote(report.checklist, words: words),
        ]))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The short marks of a finding's waiver or commitment.
    private func ledgerDetails(_ ledger: LedgerJudgement, finding: Int, text: ReportText) -> [String] {
        let words = text.words
        var details: [String] = []
        for use in ledger.waivers where use.finding == finding {
            let expires = use.waiver.expires?.text ?? words["ledger.no-expiry"]
            if use.state == .applied {
                details.append(words("text.ledger.waiver", ["approvedBy": use.waiver.approvedBy, "expires": expires]))
            } else {
                details.append(words("text.ledger.waiver-out", [
                    "state": words["ledger.state.\(use.state.rawValue)"], "approved": use.waiver.approved.text, "expires": expires,
                ]))
            }
        }
        if let use = ledger.commitment(forFinding: finding), use.isOpen {
            let owner = ledger.ownersWithheld ? words["ledger.withheld"] : use.commitment.owner
            details.append(words("text.ledger.commitment", ["owner": owner, "due": use.commitment.due.text])
                + (use.state == .overdue ? words["text.ledger.overdue"] : ""))
        }
        return details
    }

    private func ledgerNote(_ ledger: LedgerJudgement, words: Words) -> String {
        words("text.ledger-note", [
            "waived": "\(ledger.applied)", "commitments": "\(ledger.openCommitments)", "overdue": "\(ledger.overdue)",
            "fulfilled": "\(ledger.fulfilled)",
        ])
    }

    /// `file:line:1`, or for a survey read from a workbook its cell (`普查.xlsx:用房!A7`).
    private func place(of place: SourcePlace, in survey: Survey) -> String {
        if let cell = survey.cell(of: place) { return "\(cell.file):\(cell.name)" }
        return "\(survey.path):\(survey.line(of: place) ?? 1):1"
    }

    /// A checklist that keeps a bundled id but is not the bundled file says so on every report.
    private func modifiedNote(_ checklist: Checklist, words: Words) -> String {
        guard checklist.modified else { return "" }
        return words("text.modified-note", ["id": checklist.id, "hash": checklist.shortHash])
    }

    /// `word` (never survey text) in the status's colour, when colouring: red gaps, yellow
    /// partials, dim unknowns.
    private func paint(_ word: String, _ status: Status) -> String {
        guard colour else { return word }
        let code = switch status {
        case .met: "32"
        case .gap: "31;1"
        case .partial: "33"
        case .unknown, .notApplicable: "2"
        }
        return "\u{1B}[\(code)m\(word)\u{1B}[0m"
    }
}
