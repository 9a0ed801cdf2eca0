import WuyouWords
import WuyouCore
import WuyouReports

extension FormViewModel {
    /// Words every control and list of ``FormCatalogue`` for `checklist` in `language`.
    ///
    /// - Parameters:
    ///   - checklist: Whose rooms the room-type choices list, and whose title heads the page.
    ///   - language: The language of every word.
    ///   - toolVersion: The wuyou version named in the `generator` meta.
    ///   - style: The stylesheet, inserted verbatim.
    ///   - script: The script, inserted verbatim.
    ///   - data: The script's data, already escaped for a `<script>` element.
    init(checklist: Checklist, language: ReportLanguage, toolVersion: String, style: String, script: String, data: String) {
        let text = FormText(language: language)
        let builder = FieldBuilder(text: text, checklist: checklist, language: language)
        lang = language == .zh ? "zh-CN" : "en"
        pageTitle = text.pageTitle(checklist: checklist)
        title = text.title
        kicker = checklist.title.text(language.rawValue)
        subtitle = text.subtitle(checklist: checklist)
        generator = "wuyou \(toolVersion)"
        contentSecurityPolicy = FormRenderer.contentSecurityPolicy(script: script, style: style)
        self.style = style
        self.script = script
        self.data = data
        labels = Labels(
            toolbar: text.toolbar, newForm: text.newForm, openFile: text.openFile, save: text.save,
            summaryHeading: text.summaryHeading, summaryIntro: text.summaryIntro, noScript: text.noScript,
            signature: text.signature, signatureCommunity: text.signatureCommunity,
            signatureDate: text.signatureDate, printUsage: text.printUsage)
        sections = FormCatalogue.sections.map { section in
            Section(
                id: section.id, heading: text.sectionHeading(section.id),
                items: section.items.map { item in
                    switch item {
                    case .field(let field): Item(field: builder.field(field, id: FieldBuilder.id(for: field.path)))
                    case .list(let list): Item(list: builder.list(list))
                    }
                })
        }
    }
}

/// Turns catalogue entries into worded controls.
private struct FieldBuilder {
    let text: FormText
    let checklist: Checklist
    let language: ReportLanguage

    /// The HTML id of a control outside repeated rows, from its path: `f-community-households`.
    static func id(for path: String) -> String {
        "f-" + path.split(whereSeparator: { $0 == "/" || $0 == "@" }).joined(separator: "-")
    }

    /// The id of a control in a repeated row; the script replaces `__ROW__` with the row's number.
    static func rowId(row: String, path: String) -> String {
        let step = path.split(separator: "/").last.map { $0.hasPrefix("@") ? String($0.dropFirst()) : "text" } ?? "text"
        return "\(row)-__ROW__-\(step)"
    }

    func field(_ field: FormCatalogue.Field, id: String, requiredInRow: Bool = false) -> FormViewModel.Field {
        let path = field.path
        var model = FormViewModel.Field(
            id: id, name: path, kind: field.kind.rawValue, label: text.label(path), unit: text.unit(path),
            hint: text.hint(path), required: requiredInRow, requiredLabel: text.required,
            isInput: false, inputType: "text", inputMode: "", isDate: false,
            isRadio: false, options: [], isSelect: false, isMultiple: false, selectSize: 0,
            isTextarea: false, printChoices: "", printDate: "")
        switch field.kind {
        case .requiredText:
            model.isInput = true
            model.required = true
        case .text:
            model.isInput = true
        case .notes:
            model.isTextarea = true
        case .decimal:
            model.isInput = true
            model.inputMode = "decimal"
        case .integer, .positiveInteger:
            model.isInput = true
            model.inputMode = "numeric"
        case .date:
            model.isInput = true
            model.isDate = true
            model.inputType = "date"
            model.required = true
            model.printDate = text.words["form.print-date"]
        case .boolean:
            model.isRadio = true
            model.options = [
                option(id: id, name: path, value: "true", label: text.yes),
                option(id: id, name: path, value: "false", label: text.no),
                option(id: id, name: path, value: "", label: text.unset, checked: true, isUnset: true),
            ]
        case .requiredBoolean:
            model.isRadio = true
            model.required = true
            model.options = [
                option(id: id, name: path, value: "true", label: text.yes),
                option(id: id, name: path, value: "false", label: text.no),
            ]
        case .presence:
            model.isRadio = true
            let choices = text.presenceChoices(path)
            model.options = [
                option(id: id, name: path, value: "absent", label: choices.absent),
                option(id: id, name: path, value: "present", label: choices.present),
            ]
        case .premises:
            model.isSelect = true
            let words = ["own", "new", "renovated", "purchased", "allocated", "rented", "shared", "none"]
            let reportText = ReportText(language: language, checklist: checklist)
            model.options = [option(id: id, name: path, value: "", label: text.unset, checked: true, isUnset: true)]
                + words.map { option(id: id, name: path, value: $0, label: reportText.premises($0)) }
            model.printChoices = words.map { "□\u{00A0}" + reportText.premises($0) }.joined(separator: "　")
        case .roomTypes:
            model.isSelect = true
            model.isMultiple = true
            model.options = checklist.rooms.map { room in
                option(id: id, name: path, value: room.code, label: room.label.text(language.rawValue))
            }
            model.selectSize = min(max(checklist.rooms.count, 2), 8)
        }
        return model
    }

    private func option(id: String, name: String, value: String, label: String, checked: Bool = false, isUnset: Bool = false) -> FormViewModel.Option {
        FormViewModel.Option(
            id: "\(id)-\(value.isEmpty ? "unset" : value)", name: name, value: value, label: label,
            checked: checked, isUnset: isUnset)
    }

    func list(_ list: FormCatalogue.List) -> FormViewModel.List {
        // Each row repeats its controls; what to write in them is said once, above the rows.
        let rowFields = list.fields.map { field in
            var model = self.field(field, id: Self.rowId(row: list.row, path: field.path),
                                   requiredInRow: FormCatalogue.requiredInRows.contains(field.path))
            model.hint = ""
            return model
        }
        let words = text.words
        let separator = words["form.label-hint-separator"]
        let hint = list.fields.count == 1
            ? ""
            : list.fields.map { text.label($0.path) + separator + text.hint($0.path) }.joined(separator: words["form.hints-separator"])
        let columns = rowFields.map { field in
            field.unit.isEmpty ? field.label : words("form.label-with-unit", ["label": field.label, "unit": field.unit])
        }
        let blankCells = list.fields.map { field in
            field.kind == .requiredBoolean || field.kind == .boolean ? "□\u{00A0}\(text.yes)　□\u{00A0}\(text.no)" : ""
        }
        var printNote = ""
        if list.fields.contains(where: { $0.kind == .roomTypes }) {
            let names = checklist.rooms.map { $0.label.text(language.rawValue) }
            printNote = words("form.print-note", ["names": names.joined(separator: words["form.list-separator"])])
        }
        return FormViewModel.List(
            row: list.row, id: "list-\(list.row)", heading: text.listHeading(list.row),
            presence: list.presence.map { field($0, id: Self.id(for: $0.path)) },
            recordedBy: list.recordedBy ?? "",
            hint: hint, rowName: text.rowName(list.row), numberLabel: text.number, addLabel: text.addLabel(list.row), removeLabel: text.remove,
            rowFields: rowFields, printColumns: columns,
            printRows: Array(repeating: FormViewModel.PrintRow(cells: blankCells), count: list.printRows),
            printNote: printNote)
    }
}
