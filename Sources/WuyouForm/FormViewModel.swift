import WuyouMustache

/// What `form.mustache` reads: plain strings, booleans and lists, already worded, so the
/// template holds no logic beyond sections and Swift holds no HTML. Like the report's view
/// model, each type lists the names its template reads in `templateFields`; `style`, `script`
/// and `data` are the only values printed raw (their hashes are in the page's policy).
struct FormViewModel: TemplateModel, Sendable {
    var lang: String
    var pageTitle: String
    var title: String
    var kicker: String
    var subtitle: String
    var generator: String
    /// The Content-Security-Policy, naming the script's and the stylesheet's hashes.
    var contentSecurityPolicy: String
    /// The stylesheet and the script, inserted verbatim (their hashes are in the policy).
    var style: String
    var script: String
    /// JSON for the script, escaped so that it cannot end its `<script>` element.
    var data: String
    var labels: Labels
    var sections: [Section]

    static let templateFields = TemplateFields<Self>([
        .text("lang") { $0.lang },
        .text("pageTitle") { $0.pageTitle },
        .text("title") { $0.title },
        .text("kicker") { $0.kicker },
        .text("subtitle") { $0.subtitle },
        .text("generator") { $0.generator },
        .text("contentSecurityPolicy") { $0.contentSecurityPolicy },
        .trustedText("style") { $0.style },
        .trustedText("script") { $0.script },
        .trustedText("data") { $0.data },
        .object("labels") { $0.labels },
        .list("sections") { $0.sections },
    ])

    /// Fixed words of the page.
    struct Labels: TemplateModel, Sendable {
        var toolbar: String
        var newForm: String
        var openFile: String
        var save: String
        var summaryHeading: String
        var summaryIntro: String
        var noScript: String
        var signature: String
        var signatureCommunity: String
        var signatureDate: String
        var printUsage: String

        static let templateFields = TemplateFields<Self>([
            .text("toolbar") { $0.toolbar },
            .text("newForm") { $0.newForm },
            .text("openFile") { $0.openFile },
            .text("save") { $0.save },
            .text("summaryHeading") { $0.summaryHeading },
            .text("summaryIntro") { $0.summaryIntro },
            .text("noScript") { $0.noScript },
            .text("signature") { $0.signature },
            .text("signatureCommunity") { $0.signatureCommunity },
            .text("signatureDate") { $0.signatureDate },
            .text("printUsage") { $0.printUsage },
        ])
    }

    struct Section: TemplateModel, Sendable {
        var id: String
        var heading: String
        var items: [Item]

        static let templateFields = TemplateFields<Self>([
            .text("id") { $0.id },
            .text("heading") { $0.heading },
            .list("items") { $0.items },
        ])
    }

    /// A control or a repeated list, in page order.
    struct Item: TemplateModel, Sendable {
        var field: Field?
        var list: List?

        static let templateFields = TemplateFields<Self>([
            .flag("isField") { $0.field != nil },
            .optional("field") { $0.field },
            .flag("isList") { $0.list != nil },
            .optional("list") { $0.list },
        ])
    }

    /// One control. Exactly one of `isInput`, `isRadio`, `isSelect` and `isTextarea` is true.
    struct Field: TemplateModel, Sendable {
        var id: String
        var name: String
        var kind: String
        var label: String
        var unit: String
        var hint: String
        var required: Bool
        var requiredLabel: String
        var isInput: Bool
        var inputType: String
        var inputMode: String
        var isDate: Bool
        var isRadio: Bool
        var options: [Option]
        var isSelect: Bool
        var isMultiple: Bool
        var selectSize: Int
        var isTextarea: Bool
        /// The choices written out for the paper form, e.g. `□ 自有用房　□ 新建 …`.
        var printChoices: String
        var printDate: String

        /// The ids of the unit, hint and message that describe the control.
        var describedBy: String {
            let ids = (unit.isEmpty ? [] : ["\(id)-unit"]) + (hint.isEmpty ? [] : ["\(id)-hint"]) + ["\(id)-msg"]
            return ids.joined(separator: " ")
        }

        static let templateFields = TemplateFields<Self>([
            .text("id") { $0.id },
            .text("describedBy") { $0.describedBy },
            .text("name") { $0.name },
            .text("kind") { $0.kind },
            .text("label") { $0.label },
            .flag("hasUnit") { !$0.unit.isEmpty },
            .text("unit") { $0.unit },
            .flag("hasHint") { !$0.hint.isEmpty },
            .text("hint") { $0.hint },
            .flag("required") { $0.required },
            .text("requiredLabel") { $0.requiredLabel },
            .flag("isInput") { $0.isInput },
            .text("inputType") { $0.inputType },
            .flag("hasInputMode") { !$0.inputMode.isEmpty },
            .text("inputMode") { $0.inputMode },
            .flag("isDate") { $0.isDate },
            .text("printDate") { $0.printDate },
            .flag("isRadio") { $0.isRadio },
            .list("options") { $0.options },
            .flag("isSelect") { $0.isSelect },
            .flag("isMultiple") { $0.isMultiple },
            .number("selectSize") { $0.selectSize },
            .flag("isTextarea") { $0.isTextarea },
            .flag("hasPrintChoices") { !$0.printChoices.isEmpty },
            .text("printChoices") { $0.printChoices },
        ])
    }

    struct Option: TemplateModel, Sendable {
        var id: String
        /// The control's name (its path), repeated on each radio button.
        var name: String
        var value: String
        var label: String
        var checked: Bool
        /// 未填: hidden on the printed form, where leaving both boxes empty says the same.
        var isUnset: Bool

        static let templateFields = TemplateFields<Self>([
            .text("id") { $0.id },
            .text("name") { $0.name },
            .text("value") { $0.value },
            .text("label") { $0.label },
            .flag("checked") { $0.checked },
            .flag("isUnset") { $0.isUnset },
        ])
    }

    /// A repeated element: its rows are made by the script from `<template>`; the printed
    /// paper form shows ruled blank rows instead while the list is empty.
    struct List: TemplateModel, Sendable {
        var row: String
        var id: String
        var heading: String
        var presence: Field?
        var recordedBy: String
        /// What to write in each of the row's controls, said once above the rows.
        var hint: String
        var rowName: String
        /// The heading of the printed rows' number column.
        var numberLabel: String
        var addLabel: String
        var removeLabel: String
        var rowFields: [Field]
        var printColumns: [String]
        var printRows: [PrintRow]
        var printNote: String

        static let templateFields = TemplateFields<Self>([
            .text("repeat") { $0.row },
            .text("id") { $0.id },
            .text("heading") { $0.heading },
            .flag("hasPresence") { $0.presence != nil },
            .optional("presence") { $0.presence },
            .text("recordedBy") { $0.recordedBy },
            .text("hint") { $0.hint },
            .text("rowName") { $0.rowName },
            .text("numberLabel") { $0.numberLabel },
            .flag("hasHint") { !$0.hint.isEmpty },
            .text("addLabel") { $0.addLabel },
            .text("removeLabel") { $0.removeLabel },
            .list("rowFields") { $0.rowFields },
            .list("printColumns") { $0.printColumns },
            .list("printRows") { $0.printRows },
            .flag("hasPrintNote") { !$0.printNote.isEmpty },
            .text("printNote") { $0.printNote },
        ])
    }

    struct PrintRow: TemplateModel, Sendable {
        var cells: [String]

        static let templateFields = TemplateFields<Self>([
            .list("cells") { $0.cells },
        ])
    }
}
