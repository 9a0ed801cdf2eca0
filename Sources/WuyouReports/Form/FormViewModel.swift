import Mustache

/// What `form.mustache` reads: plain strings, booleans and lists, already worded, so the
/// template holds no logic beyond sections and Swift holds no HTML. Like the report's view
/// model, each type answers `child(named:)` with a `switch` and answers every key its
/// template reads (a missing key would fall through to the enclosing object).
struct FormViewModel: MustacheParent, Sendable {
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

    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "pageTitle": pageTitle
        case "title": title
        case "kicker": kicker
        case "subtitle": subtitle
        case "generator": generator
        case "contentSecurityPolicy": contentSecurityPolicy
        case "style": style
        case "script": script
        case "data": data
        case "labels": labels
        case "sections": sections
        default: nil
        }
    }

    /// Fixed words of the page.
    struct Labels: MustacheParent, Sendable {
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

        func child(named name: String) -> Any? {
            switch name {
            case "toolbar": toolbar
            case "newForm": newForm
            case "openFile": openFile
            case "save": save
            case "summaryHeading": summaryHeading
            case "summaryIntro": summaryIntro
            case "noScript": noScript
            case "signature": signature
            case "signatureCommunity": signatureCommunity
            case "signatureDate": signatureDate
            case "printUsage": printUsage
            default: nil
            }
        }
    }

    struct Section: MustacheParent, Sendable {
        var id: String
        var heading: String
        var items: [Item]

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "heading": heading
            case "items": items
            default: nil
            }
        }
    }

    /// A control or a repeated list, in page order.
    struct Item: MustacheParent, Sendable {
        var field: Field?
        var list: List?

        func child(named name: String) -> Any? {
            switch name {
            case "isField": field != nil
            case "field": field
            case "isList": list != nil
            case "list": list
            default: nil
            }
        }
    }

    /// One control. Exactly one of `isInput`, `isRadio`, `isSelect` and `isTextarea` is true.
    struct Field: MustacheParent, Sendable {
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

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "describedBy": describedBy
            case "name": self.name
            case "kind": kind
            case "label": label
            case "hasUnit": !unit.isEmpty
            case "unit": unit
            case "hasHint": !hint.isEmpty
            case "hint": hint
            case "required": required
            case "requiredLabel": requiredLabel
            case "isInput": isInput
            case "inputType": inputType
            case "hasInputMode": !inputMode.isEmpty
            case "inputMode": inputMode
            case "isDate": isDate
            case "printDate": printDate
            case "isRadio": isRadio
            case "options": options
            case "isSelect": isSelect
            case "isMultiple": isMultiple
            case "selectSize": selectSize
            case "isTextarea": isTextarea
            case "hasPrintChoices": !printChoices.isEmpty
            case "printChoices": printChoices
            default: nil
            }
        }
    }

    struct Option: MustacheParent, Sendable {
        var id: String
        /// The control's name (its path), repeated on each radio button.
        var name: String
        var value: String
        var label: String
        var checked: Bool
        /// 未填: hidden on the printed form, where leaving both boxes empty says the same.
        var isUnset: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "name": self.name
            case "value": value
            case "label": label
            case "checked": checked
            case "isUnset": isUnset
            default: nil
            }
        }
    }

    /// A repeated element: its rows are made by the script from `<template>`; the printed
    /// paper form shows ruled blank rows instead while the list is empty.
    struct List: MustacheParent, Sendable {
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

        func child(named name: String) -> Any? {
            switch name {
            case "repeat": row
            case "id": id
            case "heading": heading
            case "hasPresence": presence != nil
            case "presence": presence
            case "recordedBy": recordedBy
            case "hint": hint
            case "rowName": rowName
            case "numberLabel": numberLabel
            case "hasHint": !hint.isEmpty
            case "addLabel": addLabel
            case "removeLabel": removeLabel
            case "rowFields": rowFields
            case "printColumns": printColumns
            case "printRows": printRows
            case "hasPrintNote": !printNote.isEmpty
            case "printNote": printNote
            default: nil
            }
        }
    }

    struct PrintRow: MustacheParent, Sendable {
        var cells: [String]

        func child(named name: String) -> Any? {
            name == "cells" ? cells : nil
        }
    }
}
