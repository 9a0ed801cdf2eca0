import Foundation
import WuyouCore
import WuyouLedger
import WuyouDecimal
import WuyouMustache
import WuyouWords

/// The fixed words of the ledger parts of the pages, read by templates as `ledgerLabels.<key>`:
/// the catalogue's `ledger.label.<key>`.
struct LedgerLabels: TemplateModel, Sendable {
    enum Key: String, CaseIterable, Sendable {
        case section, waiverTag, reason, approvedBy, approved, expires, measure, owner, due, overdue, noCommitment, noEntries
        case colKind, colRequirement, colState, colText, colParty, colDate, colSource, ownerSignature, followUps
        case colWaived, colCommitments, colOverdue, filterLedger, filterOverdue, waivers, colWaivedCentres, noWaivers
        case unmatched, colTarget, colSource2, downloadWorkbook
    }

    let words: Words

    init(language: ReportLanguage) {
        words = Words(language)
    }

    subscript(key: Key) -> String {
        words["ledger.label.\(key.rawValue)"]
    }

    static let templateFields = TemplateFields<Self>(Key.allCases.map { key in .text(key.rawValue) { $0[key] } })
}

/// What the ledger says beside one problem or unknown row of the report: the applied waiver,
/// waivers out of force, the commitment, or (printed) lines to write a measure in.
struct LedgerNote: TemplateModel, Sendable {
    struct Waiver: TemplateModel, Sendable {
        var reason: String
        var approvedBy: String
        var expires: String

        static let templateFields = TemplateFields<Self>([
            .text("reason") { $0.reason },
            .text("approvedBy") { $0.approvedBy },
            .text("expires") { $0.expires },
        ])
    }

    struct Commitment: TemplateModel, Sendable {
        var measure: String
        var owner: String
        var due: String
        var overdue: Bool

        static let templateFields = TemplateFields<Self>([
            .text("measure") { $0.measure },
            .text("owner") { $0.owner },
            .text("due") { $0.due },
            .flag("overdue") { $0.overdue },
        ])
    }

    var waiver: Waiver?
    /// Sentences about waivers of this finding that do not apply (expired, not yet in force).
    var waiversOut: [String]
    var commitment: Commitment?
    /// An open gap with neither an applied waiver nor a commitment: the printed list leaves lines for one.
    var needsMeasure: Bool

    static let templateFields = TemplateFields<Self>([
        .flag("hasWaiver") { $0.waiver != nil },
        .optional("waiver") { $0.waiver },
        .flag("hasWaiversOut") { !$0.waiversOut.isEmpty },
        .list("waiversOut") { $0.waiversOut },
        .flag("hasCommitment") { $0.commitment != nil },
        .optional("commitment") { $0.commitment },
        .flag("needsMeasure") { $0.needsMeasure },
    ])
}

/// The 整改台账 section: every ledger entry about the survey, in checklist order, with its state.
struct LedgerSection: TemplateModel, Sendable {
    struct Row: TemplateModel, Sendable {
        var kind: String
        var kindLabel: String
        var title: String
        var clause: String
        var id: String
        var state: String
        var stateLabel: String
        var text: String
        var party: String
        var date: String
        var source: String

        static let templateFields = TemplateFields<Self>([
            .text("kind") { $0.kind },
            .text("kindLabel") { $0.kindLabel },
            .text("title") { $0.title },
            .text("clause") { $0.clause },
            .text("id") { $0.id },
            .list("idParts") { ReportViewModel.idParts($0.id) },
            .text("state") { $0.state },
            .text("stateLabel") { $0.stateLabel },
            .text("text") { $0.text },
            .text("party") { $0.party },
            .text("date") { $0.date },
            .text("source") { $0.source },
        ])
    }

    var note: String
    var rows: [Row]

    static let templateFields = TemplateFields<Self>([
        .text("note") { $0.note },
        .flag("hasRows") { !$0.rows.isEmpty },
        .list("rows") { $0.rows },
    ])
}

/// A commitment of the earlier audit and what became of it (the 较上次 section).
struct FollowUpItem: TemplateModel, Sendable {
    var title: String
    var clause: String
    var outcome: String
    var outcomeLabel: String

    static let templateFields = TemplateFields<Self>([
        .text("title") { $0.title },
        .text("clause") { $0.clause },
        .text("outcome") { $0.outcome },
        .text("outcomeLabel") { $0.outcomeLabel },
    ])
}

/// Words the ledger parts of one report, from its judgement.
struct LedgerWording {
    let report: SurveyReport
    let ledger: LedgerJudgement
    let language: ReportLanguage
    let words: Words

    init(report: SurveyReport, ledger: LedgerJudgement, language: ReportLanguage) {
        self.report = report
        self.ledger = ledger
        self.language = language
        words = Words(language)
    }

    private var noExpiry: String { words["ledger.no-expiry"] }

    private func owner(_ commitment: LedgerEntry.Commitment) -> String {
        ledger.ownersWithheld ? words["ledger.withheld"] : commitment.owner
    }

    /// The note beside the finding at `index`; nil when the ledger says nothing about it and it
    /// needs no measure (met, not applicable, unknown).
    func note(forFinding index: Int) -> LedgerNote? {
        let finding = report.findings[index]
        let applied = ledger.appliedWaiver(forFinding: index)
        let out = ledger.waivers.filter { $0.finding == index && ($0.state == .expired || $0.state == .notYetInForce) }
        let commitment = ledger.commitment(forFinding: index).flatMap { $0.isOpen ? $0 : nil }
        let needsMeasure = finding.status.isShortfall && applied == nil && commitment == nil
        guard applied != nil || !out.isEmpty || commitment != nil || needsMeasure else { return nil }
        return LedgerNote(
            waiver: applied.map { use in
                LedgerNote.Waiver(reason: use.entry.text, approvedBy: use.waiver.approvedBy, expires: use.waiver.expires?.text ?? noExpiry)
            },
            waiversOut: out.map { use in
                words("ledger.row-waiver-out", [
                    "state": words["ledger.state.\(use.state.rawValue)"], "approvedBy": use.waiver.approvedBy,
                    "approved": use.waiver.approved.text, "expires": use.waiver.expires?.text ?? noExpiry,
                ])
            },
            commitment: commitment.map { use in
                LedgerNote.Commitment(
                    measure: use.entry.text, owner: owner(use.commitment), due: use.commitment.due.text, overdue: use.state == .overdue)
            },
            needsMeasure: needsMeasure)
    }

    /// The verdict box's ledger sentences.
    func verdictSentences() -> [String] {
        var sentences: [String] = []
        if ledger.passesThanksToWaivers {
            sentences.append(words("ledger.verdict-without", ["score": DecimalRounding.percentText(ledger.scoreWithWaivers)]))
        } else if ledger.appliedMandatory > 0 && !ledger.passes {
            sentences.append(words("ledger.verdict-waivers-counted", ["count": "\(ledger.appliedMandatory)"]))
        }
        sentences.append(words("ledger.verdict-ledger", [
            "commitments": "\(ledger.openCommitments)", "overdue": "\(ledger.overdue)", "waived": "\(ledger.applied)",
        ]))
        return sentences
    }

    /// "（含 N 项经批准的例外）" after the verdict word, when waivers made it pass.
    func verdictWaivers() -> String {
        ledger.passesThanksToWaivers ? words("ledger.verdict-waivers", ["count": "\(ledger.appliedMandatory)"]) : ""
    }

    func section() -> LedgerSection {
        var rows: [(finding: Int, row: LedgerSection.Row)] = []
        for use in ledger.waivers {
            rows.append((use.finding, row(use.entry, finding: use.finding, state: use.state.rawValue,
                                         party: use.waiver.approvedBy, date: use.waiver.expires?.text ?? noExpiry)))
        }
        for use in ledger.commitments {
            rows.append((use.finding, row(use.entry, finding: use.finding, state: use.state.rawValue,
                                         party: owner(use.commitment), date: use.commitment.due.text)))
        }
        // Checklist order; a finding's waivers before its commitment.
        let ordered = rows.enumerated().sorted { ($0.element.finding, $0.offset) < ($1.element.finding, $1.offset) }.map(\.element.row)
        return LedgerSection(note: words("ledger.section-note", ["date": ledger.date.text]), rows: ordered)
    }

    private func row(_ entry: LedgerEntry, finding: Int, state: String, party: String, date: String) -> LedgerSection.Row {
        let requirement = report.findings[finding].requirement
        let kind = entry.isWaiver ? "waiver" : "commitment"
        return LedgerSection.Row(
            kind: kind, kindLabel: words["ledger.kind.\(kind)"], title: requirement.title.text(language.rawValue),
            clause: requirement.clause, id: requirement.id, state: state, stateLabel: words["ledger.state.\(state)"],
            text: entry.text, party: party, date: date, source: Self.source(entry.location, words: words))
    }

    /// Where an entry was written, for a reader: the file's name and the line or cell.
    static func source(_ location: Diagnostic.Location, words: Words) -> String {
        let file = (location.file as NSString).lastPathComponent
        if let cell = location.cell { return words("ledger.source-cell", ["file": file, "cell": cell]) }
        return words("ledger.source", ["file": file, "line": "\(location.line ?? 1)"])
    }
}
