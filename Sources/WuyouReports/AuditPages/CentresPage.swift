import Foundation
import WuyouCore
import WuyouWords
import WuyouMustache

/// The view model of `centres.mustache`: every centre, grouped by sub-district, with filters
/// by verdict (radio buttons and CSS) and by sub-district (links to sections and `:target`)
/// that work without script, and a search box that a small inline script — allowed by its
/// hash in the page's Content-Security-Policy — brings to life.
struct CentresPage: TemplateModel, Sendable {
    struct Group: TemplateModel, Sendable {
        var anchor: String
        var name: String
        /// The sub-district's page; empty for the drafts, which have none.
        var href: String
        var summary: String
        var rows: [CentreRow]

        static let templateFields = TemplateFields<Self>([
            .text("anchor") { $0.anchor },
            .text("name") { $0.name },
            .flag("hasHref") { !$0.href.isEmpty },
            .text("href") { $0.href },
            .text("summary") { $0.summary },
            .list("rows") { $0.rows },
        ])
    }

    var lang: String
    var pageTitle: String
    var checklistTitle: String
    var subtitle: String
    var note: String
    var groups: [Group]
    var hasBaseline: Bool
    var provenance: Provenance
    var labels: AuditLabels
    var hasLedger = false
    var ledgerLabels: LedgerLabels

    /// The search script, exactly as the page carries it, and its CSP hash.
    static let script = EmbeddedFiles.text(named: "centres.js") ?? ""
    static let scriptHash = "'sha256-" + SHA256.base64Digest(of: Array(script.utf8)) + "'"

    static let templateFields = TemplateFields<Self>([
        .text("lang") { $0.lang },
        .text("stylesheetHref") { _ in "style.css" },
        .text("indexHref") { _ in "index.html" },
        .trustedText("script") { _ in Self.script },
        .trustedText("scriptHash") { _ in Self.scriptHash },
        .text("pageTitle") { $0.pageTitle },
        .text("checklistTitle") { $0.checklistTitle },
        .text("subtitle") { $0.subtitle },
        .text("note") { $0.note },
        .list("groups") { $0.groups },
        .flag("hasBaseline") { $0.hasBaseline },
        .object("provenance") { $0.provenance },
        .object("labels") { $0.labels },
        .flag("hasLedger") { $0.hasLedger },
        .object("ledgerLabels") { $0.ledgerLabels },
    ])

    /// - Parameter subdistricts: The sub-districts in the order of
    ///   ``AuditSummary/subdistrictGroups``, each with its surveys worst first.
    init(_ context: AuditPageContext, subdistricts: [(name: String?, indices: [Int])]) {
        let text = context.text
        let words = Words(context.language)
        let summary = context.summary
        labels = AuditLabels(language: context.language)
        ledgerLabels = LedgerLabels(language: context.language)
        hasLedger = context.ledger != nil
        lang = text.htmlLang
        pageTitle = "\(labels[.allCentresTitle]) · \(labels[.title])"
        checklistTitle = summary.checklist.title.text(context.language.rawValue)
        let counted = summary.surveys.count - summary.draftCount
        subtitle = text.subtitle(summary)
        note = text.allCentresNote(surveys: counted) + text.countsNote()
        groups = subdistricts.enumerated().map { position, group in
            let passing = group.indices.count { !summary.surveys[$0].fails }
            let ledger = context.ledgerSentence(group.indices)
            return Group(
                anchor: "d-\(position + 1)", name: group.name ?? text.noSubdistrict(),
                href: context.subdistrictHref(group.name),
                summary: text.passSentence(passing: passing, of: group.indices.count, strict: summary.strict)
                    + (ledger.isEmpty ? "" : words["ledger.sentence-separator"] + ledger),
                rows: context.rows(group.indices, pathToRoot: ""))
        }
        let drafts = context.drafts()
        if !drafts.isEmpty {
            groups.append(Group(
                anchor: "drafts", name: labels[.drafts], href: "", summary: text.draftsNote(),
                rows: context.rows(drafts, pathToRoot: "")))
        }
        hasBaseline = context.comparison != nil
        provenance = context.provenance
    }
}
