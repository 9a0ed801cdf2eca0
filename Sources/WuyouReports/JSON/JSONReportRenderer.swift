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

    /// Each requirement's words and its rule's standard, in checklist order, with their JSON
    /// forms worked out once.
    private final class ChecklistWords: Sendable {
        struct Words: Sendable {
            var text: String
            var json: [UInt8]

            init(_ text: String) {
                self.text = text
                json = JSONBytes.escaped(text)
            }
        }

        let ids: [Words]
        let severities: [Words]
        let bases: [Words]
        let clauses: [Words]
        let titles: [Words]
        let expectations: [FindingValue?]
        let expectationTexts: [Words?]
        let statuses: [Status: Words]

        init(_ checklist: Checklist, language: ReportLanguage) {
            let text = ReportText(language: language, checklist: checklist)
            let requirements = checklist.requirements
            ids = requirements.map { Words($0.id) }
            severities = requirements.map { Words($0.severity.rawValue) }
            bases = requirements.map { Words($0.basis.rawValue) }
            clauses = requirements.map { Words($0.clause) }
            titles = requirements.map { Words($0.title.text(language.rawValue)) }
            expectations = requirements.map(\.rule.expectation)
            expectationTexts = expectations.map { $0.map { Words(text.value($0)) } }
            statuses = Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0, Words($0.rawValue)) })
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
        let known = words.flatMap { $0.ids.indices.contains(index) && $0.ids[index].text == requirement.id ? $0 : nil }
        func put(_ words: ChecklistWords.Words?, _ fallback: @autoclosure () -> String) {
            if let words { sink.string(words.text, escaped: words.json) } else { sink.string(fallback()) }
        }
        sink.openObject()
        sink.constantKey("id")
        put(known?.ids[index], requirement.id)
        sink.constantKey("status")
        put(known?.statuses[finding.status], finding.status.rawValue)
        sink.constantKey("severity")
        put(known?.severities[index], requirement.severity.rawValue)
        sink.constantKey("basis")
        put(known?.bases[index], requirement.basis.rawValue)
        sink.constantKey("clause")
        put(known?.clauses[index], requirement.clause)
        sink.constantKey("title")
        put(known?.titles[index], requirement.title.text(language.rawValue))
        if let expected = finding.expected {
            sink.constantKey("expected")
            if let known, known.expectations[index] == expected, let worded = known.expectationTexts[index] {
                put(worded, "")
            } else {
                sink.string(text.value(expected))
            }
        }
        if let observed = finding.observed {
            sink.constantKey("observed")
            sink.string(text.value(observed))
        }
        if let shortfall = finding.shortfall, let unit = finding.unit {
            sink.constantKey("shortfall")
            sink.number(shortfall)
            sink.constantKey("unit")
            sink.string(unit)
        }
        if let line = finding.line {
            sink.constantKey("line")
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
