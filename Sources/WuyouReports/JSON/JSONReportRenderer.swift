import Foundation
import WuyouCore

/// The `wuyou-report/1` JSON document of one survey (see cli-and-reports.md).
public struct JSONReportRenderer: SurveyReportRenderer {
    public static let format = "wuyou-report/1"

    public let language: ReportLanguage
    /// Words that are the same in every report against one checklist, worked out once.
    private let words: ChecklistWords?

    /// - Parameter checklist: The checklist every report will be against, when known: its
    ///   titles and standards are then worded once instead of once per report.
    public init(language: ReportLanguage = .zh, checklist: Checklist? = nil) {
        self.language = language
        words = checklist.map { ChecklistWords($0, language: language) }
    }

    /// Each requirement's title and its rule's standard in words, in checklist order.
    private struct ChecklistWords: Sendable {
        var ids: [String]
        var titles: [String]
        var expectations: [FindingValue?]
        var expectationTexts: [String?]

        init(_ checklist: Checklist, language: ReportLanguage) {
            let text = ReportText(language: language, checklist: checklist)
            ids = checklist.requirements.map(\.id)
            titles = checklist.requirements.map { $0.title.text(language.rawValue) }
            expectations = checklist.requirements.map(\.rule.expectation)
            expectationTexts = expectations.map { $0.map(text.value) }
        }
    }

    /// The report as a JSON value (also an element of `audit.json`'s `reports`).
    public func value(for report: SurveyReport) -> JSONValue {
        var tree = JSONTree()
        write(report, to: &tree)
        return tree.value
    }

    /// The report as pretty-printed JSON text ending in a newline.
    public func render(_ report: SurveyReport) -> String {
        var bytes = JSONBytes()
        write(report, to: &bytes)
        bytes.raw("\n")
        return String(decoding: bytes.bytes, as: UTF8.self)
    }

    /// Writes the report, member by member, to `sink`.
    public func write<Sink: JSONSink>(_ report: SurveyReport, to sink: inout Sink) {
        let text = ReportText(language: language, checklist: report.checklist)
        let diagnosticText = DiagnosticText(language: language)
        let survey = report.survey
        sink.openObject()
        sink.key("format")
        sink.string(Self.format)
        sink.key("survey")
        sink.openObject()
        sink.key("path")
        sink.string(survey.path)
        sink.key("id")
        sink.string(survey.id)
        sink.key("date")
        sink.string(survey.date.text)
        sink.key("community")
        sink.string(survey.community.name)
        sink.key("subdistrict")
        sink.string(survey.community.subdistrict)
        sink.closeObject()
        sink.key("checklist")
        writeChecklist(report.checklist, to: &sink)
        sink.key("passes")
        sink.bool(report.passes)
        // Only for drafts, so that finished surveys keep the format's shape.
        if report.survey.isDraft {
            sink.key("draft")
            sink.bool(true)
        }
        sink.key("score")
        sink.number(report.score)
        sink.key("counts")
        sink.openObject()
        for status in Status.allCases {
            sink.key(status.rawValue)
            sink.integer(report.counts[status] ?? 0)
        }
        sink.closeObject()
        sink.key("findings")
        sink.openArray()
        for index in report.findings.indices {
            sink.element()
            write(report.findings[index], at: index, text: text, to: &sink)
        }
        sink.closeArray()
        sink.key("funding")
        sink.openObject()
        sink.key("award")
        sink.number(report.funding.awardTotal)
        sink.key("developerShortfallArea")
        sink.number(report.funding.developerShortfallArea)
        sink.closeObject()
        sink.key("warnings")
        sink.openArray()
        for warning in report.warnings {
            // A warning about the survey as a whole cites its <survey> element.
            sink.element()
            sink.openObject()
            sink.key("line")
            sink.integer(warning.location.line ?? survey.line)
            sink.key("message")
            sink.string(diagnosticText.message(for: warning))
            sink.closeObject()
        }
        sink.closeArray()
        sink.closeObject()
    }

    public func checklistValue(_ checklist: Checklist) -> JSONValue {
        var tree = JSONTree()
        writeChecklist(checklist, to: &tree)
        return tree.value
    }

    public func writeChecklist<Sink: JSONSink>(_ checklist: Checklist, to sink: inout Sink) {
        sink.openObject()
        sink.key("id")
        sink.string(checklist.id)
        sink.key("title")
        sink.string(checklist.title.text(language.rawValue))
        sink.key("version")
        sink.string(checklist.version)
        sink.key("hash")
        sink.string(checklist.shortHash)
        sink.key("modified")
        sink.bool(checklist.modified)
        sink.closeObject()
    }

    private func write<Sink: JSONSink>(_ finding: Finding, at index: Int, text: ReportText, to sink: inout Sink) {
        let requirement = finding.requirement
        let known = words.flatMap { $0.ids.indices.contains(index) && $0.ids[index] == requirement.id ? $0 : nil }
        sink.openObject()
        sink.key("id")
        sink.string(requirement.id)
        sink.key("status")
        sink.string(finding.status.rawValue)
        sink.key("severity")
        sink.string(requirement.severity.rawValue)
        sink.key("basis")
        sink.string(requirement.basis.rawValue)
        sink.key("clause")
        sink.string(requirement.clause)
        sink.key("title")
        sink.string(known?.titles[index] ?? requirement.title.text(language.rawValue))
        if let expected = finding.expected {
            sink.key("expected")
            if let known, known.expectations[index] == expected, let worded = known.expectationTexts[index] {
                sink.string(worded)
            } else {
                sink.string(text.value(expected))
            }
        }
        if let observed = finding.observed {
            sink.key("observed")
            sink.string(text.value(observed))
        }
        if let shortfall = finding.shortfall, let unit = finding.unit {
            sink.key("shortfall")
            sink.number(shortfall)
            sink.key("unit")
            sink.string(unit)
        }
        if let line = finding.line {
            sink.key("line")
            sink.integer(line)
        }
        // Only when there are any, so that reports without them keep the format's shape.
        if !finding.possibleTypos.isEmpty {
            sink.key("possibleTypos")
            sink.openArray()
            for typo in finding.possibleTypos {
                sink.element()
                sink.openObject()
                sink.key("line")
                sink.integer(typo.line)
                sink.key("written")
                sink.string(typo.written)
                sink.key("meant")
                sink.string(typo.meant)
                sink.closeObject()
            }
            sink.closeArray()
        }
        sink.closeObject()
    }
}
