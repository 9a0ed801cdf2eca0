import Foundation
import WuyouWords
import WuyouCore
import WuyouLedger

/// The `wuyou-report/1` JSON document of one survey (see docs/spec/cli-and-reports.md).
public struct JSONReportRenderer: SurveyReportRenderer {
    public static let format = "wuyou-report/1"

    public let language: ReportLanguage
    /// Words that are the same in every report against one checklist, worked out once.
    private let words: ChecklistWords?

    /// - Parameters:
    ///   - checklist: The checklist every report will be against, when known: its titles and
    ///     standards are then worded once instead of once per report.
    ///   - layout: The layout of the text it will mostly be written into (one line in
    ///     `audit.json`): each finding's constant first members are written out once for it.
    public init(language: ReportLanguage = .zh, checklist: Checklist? = nil, layout: JSONLayout = .indented(0)) {
        self.language = language
        let findingMembers: JSONLayout = switch layout {
        case .indented(let indent): .indented(indent + 6)
        case .oneLine: .oneLine
        }
        words = checklist.map { ChecklistWords($0, language: language, findingMembers: findingMembers) }
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

        /// The words of every requirement, by index.
        struct Table: Sendable {
            /// The requirements the words are of, to tell a finding of another checklist.
            var requirements: [Requirement]
            var ids: [Words]
            var severities: [Words]
            var bases: [Words]
            var clauses: [Words]
            var titles: [Words]
            var expectations: [Words]
            var statuses: [Status: Words]

            /// Opens requirement `index`'s finding and writes its words, and the rule's standard
            /// when `expected`.
            func writeHead<Sink: JSONSink>(index: Int, status: Status, expected: Bool, to sink: inout Sink) {
                func put(_ words: Words) { sink.string(words.text, escaped: words.json) }
                sink.openObject()
                sink.constantKey("id")
                put(ids[index])
                sink.constantKey("status")
                put(statuses[status]!)
                sink.constantKey("severity")
                put(severities[index])
                sink.constantKey("basis")
                put(bases[index])
                sink.constantKey("clause")
                put(clauses[index])
                sink.constantKey("title")
                put(titles[index])
                if expected {
                    sink.constantKey("expected")
                    put(expectations[index])
                }
            }
        }

        /// A finding's opening brace and its members up to `title`, and up to `expected` when
        /// it expects what its rule does: the same in every report for one requirement and
        /// status.
        struct Heads: Sendable {
            var plain: JSONPrewritten
            var withExpected: JSONPrewritten
        }

        let table: Table
        /// Per requirement, per status (in `Status.allCases` order).
        let heads: [[Heads]]
        /// The values that are the same words in every report (yes, no, not recorded…).
        let constants: [Words]

        /// The words of `value` when it is one of ``constants``: read in place, not copied.
        func constant(_ value: borrowing FindingValue) -> Words? {
            switch value {
            case .yes: constants[0]
            case .no: constants[1]
            case .notRecorded: constants[2]
            case .missing: constants[3]
            case .noPremises: constants[4]
            case .notCentral: constants[5]
            default: nil
            }
        }

        init(_ checklist: Checklist, language: ReportLanguage, findingMembers: JSONLayout) {
            let text = ReportText(language: language, checklist: checklist)
            let requirements = checklist.requirements
            let table = Table(
                requirements: requirements,
                ids: requirements.map { Words($0.id) },
                severities: requirements.map { Words($0.severity.rawValue) },
                bases: requirements.map { Words($0.basis.rawValue) },
                clauses: requirements.map { Words($0.clause) },
                titles: requirements.map { Words($0.title.text(language.rawValue)) },
                expectations: requirements.map { Words(text.value($0.expectation)) },
                statuses: Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0, Words($0.rawValue)) }))
            heads = requirements.indices.map { index in
                Status.allCases.map { status in
                    func prewritten(expected: Bool) -> JSONPrewritten {
                        JSONPrewritten(members: findingMembers) { sink in
                            table.writeHead(index: index, status: status, expected: expected, to: &sink)
                        }
                    }
                    return Heads(plain: prewritten(expected: false), withExpected: prewritten(expected: true))
                }
            }
            self.table = table
            constants = [FindingValue.yes, .no, .notRecorded, .missing, .noPremises, .notCentral].map { Words(text.value($0)) }
        }
    }

    /// The report as a JSON value (also an element of `audit.json`'s `reports`).
    public func value(for report: SurveyReport, ledger: LedgerJudgement? = nil) -> JSONValue {
        var tree = JSONTree()
        write(report, ledger: ledger, to: &tree)
        return tree.value
    }

    /// The report as pretty-printed JSON text ending in a newline.
    public func render(_ report: SurveyReport) -> String {
        render(report, ledger: nil)
    }

    /// The report as pretty-printed JSON text ending in a newline, with what the ledger says
    /// when there is one (`--ledger`).
    public func render(_ report: SurveyReport, ledger: LedgerJudgement?) -> String {
        var bytes = JSONBytes()
        write(report, ledger: ledger, to: &bytes)
        bytes.raw("\n")
        return String(decoding: bytes.bytes, as: UTF8.self)
    }

    /// Writes the report, member by member, to `sink`.
    ///
    /// - Parameter ledger: What the ledger says about the survey (`--ledger`): `passes` is then
    ///   the verdict with applied waivers counted as met, and `passesWithoutWaivers`,
    ///   `scoreWithWaivers`, `ledger` and each finding's `waiver` and `commitment` are added
    ///   (docs/spec/ledger-format.md). Without it the report keeps the format's shape exactly.
    public func write<Sink: JSONSink>(_ report: SurveyReport, ledger: LedgerJudgement? = nil, to sink: inout Sink) {
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
        sink.bool(ledger?.passes ?? report.passes)
        if let ledger {
            sink.key("passesWithoutWaivers")
            sink.bool(ledger.passesWithoutWaivers)
        }
        // Only for drafts, so that finished surveys keep the format's shape.
        if report.survey.isDraft {
            sink.key("draft")
            sink.bool(true)
        }
        sink.key("score")
        sink.number(report.score)
        if let ledger {
            sink.key("scoreWithWaivers")
            sink.number(ledger.scoreWithWaivers)
        }
        sink.key("counts")
        sink.openObject()
        for status in Status.allCases {
            sink.key(status.rawValue)
            sink.integer(report.counts[status])
        }
        sink.closeObject()
        sink.key("findings")
        sink.openArray()
        // Findings are read where they lie: handing one to a function copied it, requirement,
        // values, lists and all.
        report.findings.withUnsafeBufferPointer { findings in
            for index in findings.indices {
                sink.element()
                write(findingAt: index, of: findings, in: survey, text: text, ledger: ledger, to: &sink)
            }
        }
        sink.closeArray()
        sink.key("funding")
        sink.openObject()
        sink.key("award")
        sink.number(report.funding.awardTotal)
        sink.key("developerShortfallArea")
        sink.number(report.funding.developerShortfallArea)
        sink.closeObject()
        if let ledger { LedgerJSON.writeCounts(ledger, to: &sink) }
        sink.key("warnings")
        sink.openArray()
        for warning in report.warnings {
            // A warning about the survey as a whole cites its <survey> element, or its row.
            sink.element()
            sink.openObject()
            if let cell = warning.location.cell {
                sink.key("cell")
                sink.string(cell)
            } else if let line = warning.location.line {
                sink.key("line")
                sink.integer(line)
            } else {
                writePlace(survey.place, of: survey, to: &sink)
            }
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

    /// `"line": 12` for a place in the survey's file, `"cell": "用房!A5"` for a survey read
    /// from a workbook, which has no lines (see docs/formats.md).
    private func writePlace<Sink: JSONSink>(_ place: SourcePlace, of survey: Survey, to sink: inout Sink) {
        if let cell = survey.cell(of: place) {
            sink.key("cell")
            sink.string(cell.name)
        } else {
            sink.key("line")
            sink.integer(survey.line(of: place) ?? 1)
        }
    }

    private func write<Sink: JSONSink>(
        findingAt index: Int, of findings: UnsafeBufferPointer<Finding>, in survey: Survey, text: ReportText,
        ledger: LedgerJudgement?, to sink: inout Sink
    ) {
        let finding = findings.baseAddress! + index
        var known: ChecklistWords?
        if let words, words.table.requirements.indices.contains(index),
           words.table.requirements[index].isSameDefinition(as: finding.pointee.requirement) {
            known = words
        }
        if let known {
            let standard = finding.pointee.expectsRuleStandard
            let heads = known.heads[index][finding.pointee.status.position]
            if sink.openObject(prewritten: standard ? heads.withExpected : heads.plain) {
                // The head was written for this indentation.
            } else {
                known.table.writeHead(index: index, status: finding.pointee.status, expected: standard, to: &sink)
            }
            if !standard, let expected = finding.pointee.expected {
                sink.constantKey("expected")
                sink.string(text.value(expected))
            }
        } else {
            let requirement = finding.pointee.requirement
            sink.openObject()
            sink.constantKey("id")
            sink.string(requirement.id)
            sink.constantKey("status")
            sink.string(finding.pointee.status.rawValue)
            sink.constantKey("severity")
            sink.string(requirement.severity.rawValue)
            sink.constantKey("basis")
            sink.string(requirement.basis.rawValue)
            sink.constantKey("clause")
            sink.string(requirement.clause)
            sink.constantKey("title")
            sink.string(requirement.title.text(language.rawValue))
            if let expected = finding.pointee.expected {
                sink.constantKey("expected")
                sink.string(text.value(expected))
            }
        }
        // Tested and read through the pointer: binding the value copied it.
        if case .some = finding.pointee.observed {
            sink.constantKey("observed")
            if let words = known?.constant(finding.pointee.observed!) {
                sink.string(words.text, escaped: words.json)
            } else {
                sink.string(text.value(finding.pointee.observed!))
            }
        }
        if let shortfall = finding.pointee.shortfall, let unit = finding.pointee.unit {
            sink.constantKey("shortfall")
            sink.number(shortfall)
            sink.constantKey("unit")
            sink.string(unit)
        }
        if let place = finding.pointee.place {
            if let line = survey.line(of: place) {
                sink.constantKey("line")
                sink.integer(line)
            } else {
                writePlace(place, of: survey, to: &sink)
            }
        }
        // Only when there are any, so that reports without them keep the format's shape.
        if !finding.pointee.possibleTypos.isEmpty {
            sink.key("possibleTypos")
            sink.openArray()
            for typo in finding.pointee.possibleTypos {
                sink.element()
                sink.openObject()
                writePlace(typo.place, of: survey, to: &sink)
                sink.key("written")
                sink.string(typo.written)
                sink.key("meant")
                sink.string(typo.meant)
                sink.closeObject()
            }
            sink.closeArray()
        }
        if let ledger { LedgerJSON.writeFindingMembers(ledger, finding: index, to: &sink) }
        sink.closeObject()
    }
}
