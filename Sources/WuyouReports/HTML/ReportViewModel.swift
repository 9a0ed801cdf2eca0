import Foundation
import WuyouMustache

/// What `report.mustache` reads, already worded and formatted: the templates hold no logic
/// beyond booleans and lists, and Swift holds no HTML.
///
/// Each type lists the keys its template may read in `templateFields`, so that a template
/// reading any other key fails when it is loaded. Conditionals are `Bool`s. Keys are
/// documented by `HTML/Templates/sample-report.json`.
struct ReportViewModel: TemplateModel, Sendable {
    var lang: String
    /// The stylesheet is inlined (a self-contained `wuyou check --html` page) rather than linked.
    var inlineStyle: Bool
    /// The site's shared stylesheet, relative to the page.
    var stylesheetHref: String
    var print: PrintFurniture
    var pageTitle: String
    var checklistTitle: String
    var subtitle: String
    var indexHref: String?
    var facts: [Fact]
    var passes: Bool
    /// 达标, 未达标, or 草稿 for a draft (which never passes).
    var verdictWord: String
    /// What the reader must know before anything else: a draft, a modified checklist.
    var notices: [String]
    /// How many gaps may be slips of the pen, said in the conclusion; empty when none.
    var typoSentence: String
    var scoreText: String
    var verdictSentence: String
    var countsCaption: String
    var statusCounts: [StatusCount]
    var problemsNote: String
    var problemGroups: [ProblemGroup]
    var unknowns: [Unknown]
    var funding: Funding
    var warnings: [Warning]
    /// The heading of the warnings' and rooms' place column: 行号 for a survey file, 单元格 for
    /// a survey read from a workbook.
    var placeHeading: String
    var metSummary: String
    var met: [Met]
    var rooms: [Room]
    var roomsNote: String
    var provenance: Provenance
    var labels: HTMLLabels
    /// What changed since the centre's survey in an earlier audit (`--baseline`).
    var since: SinceLastTime?
    /// The 整改台账 section; nil without a ledger (`--ledger`).
    var ledger: LedgerSection?
    /// "（含 N 项经批准的例外）" after the verdict word when waivers made it pass; empty otherwise.
    var verdictWaivers = ""
    /// The verdict box's ledger sentences (the verdict without waivers, the ledger's counts).
    var ledgerSentences: [String] = []
    var ledgerLabels: LedgerLabels

    static let templateFields = TemplateFields<Self>([
        .text("lang") { $0.lang },
        .flag("inlineStyle") { $0.inlineStyle },
        .text("stylesheetHref") { $0.stylesheetHref },
        .object("print") { $0.print },
        .optional("since") { $0.since },
        .text("pageTitle") { $0.pageTitle },
        .text("checklistTitle") { $0.checklistTitle },
        .text("subtitle") { $0.subtitle },
        .flag("hasIndexLink") { $0.indexHref != nil },
        .text("indexHref") { $0.indexHref ?? "" },
        .list("facts") { $0.facts },
        .flag("passes") { $0.passes },
        .text("verdictWord") { $0.verdictWord },
        .flag("hasNotices") { !$0.notices.isEmpty },
        .list("notices") { $0.notices },
        .flag("hasTypoSentence") { !$0.typoSentence.isEmpty },
        .text("typoSentence") { $0.typoSentence },
        .text("scoreText") { $0.scoreText },
        .text("verdictSentence") { $0.verdictSentence },
        .text("countsCaption") { $0.countsCaption },
        .list("statusCounts") { $0.statusCounts },
        .flag("hasProblems") { !$0.problemGroups.isEmpty },
        .text("problemsNote") { $0.problemsNote },
        .list("problemGroups") { $0.problemGroups },
        .flag("hasUnknowns") { !$0.unknowns.isEmpty },
        .list("unknowns") { $0.unknowns },
        .object("funding") { $0.funding },
        .flag("hasWarnings") { !$0.warnings.isEmpty },
        .list("warnings") { $0.warnings },
        .text("placeHeading") { $0.placeHeading },
        .flag("hasMet") { !$0.met.isEmpty },
        .text("metSummary") { $0.metSummary },
        .list("met") { $0.met },
        .flag("hasRooms") { !$0.rooms.isEmpty },
        // Short enough to print with the signature block without leaving half a page empty.
        .flag("annexFitsWithSignature") { $0.rooms.count <= 12 },
        .list("rooms") { $0.rooms },
        .text("roomsNote") { $0.roomsNote },
        .object("provenance") { $0.provenance },
        .object("labels") { $0.labels },
        .flag("hasLedger") { $0.ledger != nil },
        .optional("ledger") { $0.ledger },
        .flag("hasVerdictWaivers") { !$0.verdictWaivers.isEmpty },
        .text("verdictWaivers") { $0.verdictWaivers },
        .list("ledgerSentences") { $0.ledgerSentences },
        .object("ledgerLabels") { $0.ledgerLabels },
    ])

    struct Fact: TemplateModel, Sendable {
        var label: String
        var value: String

        static let templateFields = TemplateFields<Self>([
            .text("label") { $0.label },
            .text("value") { $0.value },
        ])
    }

    struct StatusCount: TemplateModel, Sendable {
        var status: String
        var statusLabel: String
        var count: Int

        static let templateFields = TemplateFields<Self>([
            .text("status") { $0.status },
            .text("statusLabel") { $0.statusLabel },
            .number("count") { $0.count },
        ])
    }

    /// The gaps and partials of one category and severity.
    struct ProblemGroup: TemplateModel, Sendable {
        var groupId: String
        var categoryLabel: String
        var severityLabel: String
        var mandatory: Bool
        var rows: [Problem]

        static let templateFields = TemplateFields<Self>([
            .text("groupId") { $0.groupId },
            .text("categoryLabel") { $0.categoryLabel },
            .text("severityLabel") { $0.severityLabel },
            .flag("mandatory") { $0.mandatory },
            .list("rows") { $0.rows },
        ])
    }

    struct Problem: TemplateModel, Sendable {
        var number: Int
        var id: String
        var title: String
        var status: String
        var statusLabel: String
        var clause: String
        var basis: String
        var basisLabel: String
        var basisNote: String
        var observed: String
        var expected: String
        var shortfallText: String
        var advice: String
        /// 请核实：调查表第5行有“警物室”，疑为警务室 — empty when nothing looks like a slip.
        var typoNote: String
        /// What the ledger says about it (`--ledger`).
        var ledgerNote: LedgerNote? = nil
        /// An applied waiver counts it as met.
        var waived = false

        static let templateFields = TemplateFields<Self>([
            .number("number") { $0.number },
            .text("id") { $0.id },
            .list("idParts") { ReportViewModel.idParts($0.id) },
            .text("title") { $0.title },
            .text("status") { $0.status },
            .text("statusLabel") { $0.statusLabel },
            .text("clause") { $0.clause },
            .text("basis") { $0.basis },
            .text("basisLabel") { $0.basisLabel },
            .flag("hasBasisNote") { !$0.basisNote.isEmpty },
            .text("basisNote") { $0.basisNote },
            .text("observed") { $0.observed },
            .text("expected") { $0.expected },
            .flag("hasShortfall") { !$0.shortfallText.isEmpty },
            .text("shortfallText") { $0.shortfallText },
            .text("advice") { $0.advice },
            .flag("hasTypoNote") { !$0.typoNote.isEmpty },
            .text("typoNote") { $0.typoNote },
            .optional("ledgerNote") { $0.ledgerNote },
            .flag("waived") { $0.waived },
        ])
    }

    /// A requirement the survey could not settle, as what to collect on the next visit.
    struct Unknown: TemplateModel, Sendable {
        var number: Int
        var id: String
        var title: String
        var clause: String
        var severityLabel: String
        var mandatory: Bool
        var collect: String
        var field: String
        /// What the ledger says about it (`--ledger`).
        var ledgerNote: LedgerNote? = nil
        var waived = false

        static let templateFields = TemplateFields<Self>([
            .number("number") { $0.number },
            .text("id") { $0.id },
            .list("idParts") { ReportViewModel.idParts($0.id) },
            .text("title") { $0.title },
            .text("clause") { $0.clause },
            .text("severityLabel") { $0.severityLabel },
            .flag("mandatory") { $0.mandatory },
            .text("collect") { $0.collect },
            .text("field") { $0.field },
            .optional("ledgerNote") { $0.ledgerNote },
            .flag("waived") { $0.waived },
        ])
    }

    struct Funding: TemplateModel, Sendable {
        var awardSentence: String
        var hasAward: Bool
        var awardTotal: String
        var awardCity: String
        var awardSubdistrict: String
        var awardClause: String
        var developments: [Development]
        var totalFloorArea: String
        var totalRequired: String
        var totalProvided: String
        var totalOutstanding: String
        var developmentsNote: String

        static let templateFields = TemplateFields<Self>([
            .text("awardSentence") { $0.awardSentence },
            .flag("hasAward") { $0.hasAward },
            .text("awardTotal") { $0.awardTotal },
            .text("awardCity") { $0.awardCity },
            .text("awardSubdistrict") { $0.awardSubdistrict },
            .text("awardClause") { $0.awardClause },
            .flag("hasDevelopments") { !$0.developments.isEmpty },
            .list("developments") { $0.developments },
            .text("totalFloorArea") { $0.totalFloorArea },
            .text("totalRequired") { $0.totalRequired },
            .text("totalProvided") { $0.totalProvided },
            .text("totalOutstanding") { $0.totalOutstanding },
            .text("developmentsNote") { $0.developmentsNote },
        ])
    }

    /// One development's service-space obligation.
    struct Development: TemplateModel, Sendable {
        var name: String
        var floorArea: String
        var required: String
        var provided: String
        var outstanding: String
        var status: String
        var statusLabel: String

        static let templateFields = TemplateFields<Self>([
            .text("name") { $0.name },
            .text("floorArea") { $0.floorArea },
            .text("required") { $0.required },
            .text("provided") { $0.provided },
            .text("outstanding") { $0.outstanding },
            .text("status") { $0.status },
            .text("statusLabel") { $0.statusLabel },
        ])
    }

    struct Warning: TemplateModel, Sendable {
        /// The line, or the workbook cell.
        var line: String
        var message: String

        static let templateFields = TemplateFields<Self>([
            .text("line") { $0.line },
            .text("message") { $0.message },
        ])
    }

    /// A requirement met or not applicable.
    struct Met: TemplateModel, Sendable {
        var number: Int
        var title: String
        var clause: String
        var status: String
        var statusLabel: String
        var observed: String

        static let templateFields = TemplateFields<Self>([
            .number("number") { $0.number },
            .text("title") { $0.title },
            .text("clause") { $0.clause },
            .text("status") { $0.status },
            .text("statusLabel") { $0.statusLabel },
            .text("observed") { $0.observed },
        ])
    }

    struct Room: TemplateModel, Sendable {
        var number: Int
        var name: String
        var countsFor: String
        var area: String
        var matchLabel: String
        var spinnerAlias: Bool
        var unrecognised: Bool
        /// The line, or the workbook cell.
        var line: String

        static let templateFields = TemplateFields<Self>([
            .number("number") { $0.number },
            .text("name") { $0.name },
            .text("countsFor") { $0.countsFor },
            .text("area") { $0.area },
            .text("matchLabel") { $0.matchLabel },
            .flag("spinnerAlias") { $0.spinnerAlias },
            .flag("unrecognised") { $0.unrecognised },
            .text("line") { $0.line },
        ])
    }

    /// A requirement id cut after each dot, so a narrow column breaks it there (`<wbr>`) and
    /// never inside a word.
    static func idParts(_ id: String) -> [String] {
        var parts: [String] = []
        var part = ""
        for character in id {
            part.append(character)
            if character == "." {
                parts.append(part)
                part = ""
            }
        }
        if !part.isEmpty { parts.append(part) }
        return parts
    }

    /// The running header and page numbers of the printed report, as CSS string literals for
    /// the template's `@page` rule.
    struct PrintFurniture: TemplateModel, Sendable {
        var header: String
        var pagePrefix: String
        var pageMiddle: String
        var pageSuffix: String

        static let templateFields = TemplateFields<Self>([
            .trustedText("header") { $0.header },
            .trustedText("pagePrefix") { $0.pagePrefix },
            .trustedText("pageMiddle") { $0.pageMiddle },
            .trustedText("pageSuffix") { $0.pageSuffix },
        ])
    }

    /// The 较上次 section: the centre's previous survey, and the gaps closed, opened and still open.
    struct SinceLastTime: TemplateModel, Sendable {
        struct Item: TemplateModel, Sendable {
            var title: String
            var clause: String

            static let templateFields = TemplateFields<Self>([
                .text("title") { $0.title },
                .text("clause") { $0.clause },
            ])
        }

        var summary: String
        var closedLabel: String
        var closed: [Item]
        var openedLabel: String
        var opened: [Item]
        var stillOpenLabel: String
        var stillOpen: [Item]
        /// The earlier report's commitments, closed on time, late, or still open.
        var followUps: [FollowUpItem] = []

        static let templateFields = TemplateFields<Self>([
            .text("summary") { $0.summary },
            .text("closedLabel") { $0.closedLabel },
            .flag("hasClosed") { !$0.closed.isEmpty },
            .list("closed") { $0.closed },
            .text("openedLabel") { $0.openedLabel },
            .flag("hasOpened") { !$0.opened.isEmpty },
            .list("opened") { $0.opened },
            .text("stillOpenLabel") { $0.stillOpenLabel },
            .flag("hasStillOpen") { !$0.stillOpen.isEmpty },
            .list("stillOpen") { $0.stillOpen },
            .flag("hasFollowUps") { !$0.followUps.isEmpty },
            .list("followUps") { $0.followUps },
        ])
    }
}
