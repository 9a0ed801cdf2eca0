import Foundation
import WuyouCore

/// Compiler-style lines for a terminal: one per finding that needs attention, warnings,
/// then a summary line.
///
/// Not-applicable findings are left out: there is nothing to do about them.
public struct TextReportRenderer: SurveyReportRenderer {
    public let language: ReportLanguage

    public init(language: ReportLanguage = .zh) {
        self.language = language
    }

    public func render(_ report: SurveyReport) -> String {
        let text = ReportText(language: language, checklist: report.checklist)
        let path = report.survey.path
        var lines: [String] = []
        for finding in report.findings where finding.status != .met && finding.status != .notApplicable {
            var line = "\(path):\(finding.line ?? report.survey.line):1: \(finding.status.rawValue) \(finding.requirement.id) "
                + finding.requirement.title.text(language.rawValue)
            var details: [String] = []
            if let expected = finding.expected { details.append(language.pick("标准", "expected") + " " + text.value(expected)) }
            if let observed = finding.observed { details.append(language.pick("现状", "observed") + " " + text.value(observed)) }
            if let shortfall = text.shortfall(finding) { details.append(shortfall) }
            if !details.isEmpty { line += " (" + details.joined(separator: language.pick("；", "; ")) + ")" }
            lines.append(line)
        }
        let diagnosticText = DiagnosticText(language: language)
        for warning in report.warnings {
            var located = warning
            // A warning about the survey as a whole cites its <survey> element.
            located.location.line = warning.location.line ?? report.survey.line
            lines.append(diagnosticText.line(for: located))
        }
        let counts = Status.allCases.map { "\(text.status($0)) \(report.counts[$0] ?? 0)" }.joined(separator: language.pick("，", ", "))
        let verdict = report.passes ? language.pick("达标", "passes") : language.pick("未达标", "does not pass")
        lines.append(language.pick(
            "\(path): \(verdict)，得分 \(text.score(report.score))（\(counts)）",
            "\(path): \(verdict), score \(text.score(report.score)) (\(counts))"))
        return lines.joined(separator: "\n") + "\n"
    }

}
