import WuyouDecimal
import Foundation
import WuyouXML

/// Builds a ``Checklist`` from a schema-valid document, collecting semantic errors as it goes.
struct ChecklistBuilder {
    let document: ParsedDocument
    var diagnostics: ChecklistDiagnostics

    init(document: ParsedDocument) {
        self.document = document
        diagnostics = ChecklistDiagnostics(document: document)
    }

    mutating func build(shortHash: String) -> Checklist {
        let root = document.root
        let categoryElements = children(of: root, "categories").flatMap { children(of: $0, "category") }
        let categories = categoryElements.map { element in
            Checklist.Category(id: element.attribute("id") ?? "", label: localized(element, "label"))
        }
        let roomElements = children(of: root, "rooms").flatMap { children(of: $0, "room") }
        let rooms = roomElements.map { element in
            Checklist.RoomKind(
                code: element.attribute("code") ?? "",
                label: localized(element, "label"),
                aliases: children(of: element, "alias").map { alias in
                    Checklist.RoomKind.Alias(
                        name: RoomNames.normalised(alias.text),
                        spinner: XMLValues.boolean(alias.attribute("spinner")) ?? false)
                })
        }
        let awards = children(of: root, "funding").flatMap { children(of: $0, "award") }.map { element in
            Checklist.FundingAward(
                premises: element.attribute("premises") ?? "",
                city: amount(element, "city"),
                subdistrict: amount(element, "subdistrict"),
                clause: element.attribute("clause") ?? "")
        }
        var checklist = Checklist(
            id: root.attribute("id") ?? "", version: root.attribute("version") ?? "",
            title: localized(root, "title"), source: children(of: root, "source").first?.text,
            categories: categories, rooms: rooms, awards: awards, requirements: [],
            shortHash: shortHash, origin: document.path)

        reportDuplicates(categories.map(\.id), .checklistDuplicateCategory, elements: categoryElements)
        reportDuplicates(rooms.map(\.code), .checklistDuplicateRoom, elements: roomElements)

        let requirementElements = children(of: root, "requirement")
        for element in requirementElements {
            if let requirement = requirement(from: element, in: checklist) {
                checklist.requirements.append(requirement)
            }
        }
        reportDuplicates(requirementElements.map { $0.attribute("id") ?? "" }, .checklistDuplicateRequirement, elements: requirementElements)
        checklist.warnings = titleWarnings(checklist.requirements, elements: requirementElements)
        return checklist
    }

    private mutating func requirement(from element: SourceElement, in checklist: Checklist) -> Requirement? {
        let id = element.attribute("id") ?? ""
        let category = element.attribute("category") ?? ""
        if checklist.category(id: category) == nil {
            diagnostics.report(.checklistUnknownCategory, at: element, ["requirement": .text(id), "category": .text(category)])
        }
        var effectiveFrom: SurveyDate?
        if let text = element.attribute("effective-from") {
            effectiveFrom = SurveyDate(text)
            if effectiveFrom == nil {
                diagnostics.report(.checklistInvalidEffectiveDate, at: element, ["requirement": .text(id), "value": .text(text)])
            }
        }
        guard let ruleElement = children(of: element, "rule").first,
              let rule = Rule.parse(ruleElement, requirement: id, checklist: checklist, diagnostics: &diagnostics)
        else { return nil }
        return Requirement(
            id: id, category: category, clause: element.attribute("clause") ?? "",
            severity: Requirement.Severity(rawValue: element.attribute("severity") ?? "") ?? .mandatory,
            basis: Requirement.Basis(rawValue: element.attribute("basis") ?? "") ?? .quoted,
            facility: XMLValues.boolean(element.attribute("facility")) ?? false,
            centralOnly: XMLValues.boolean(element.attribute("central-only")) ?? false,
            effectiveFrom: effectiveFrom,
            title: localized(element, "title"), basisNote: localized(element, "basis-note"),
            advice: localized(element, "advice"), rule: rule, ruleSource: RuleSource(ruleElement), line: element.line)
    }

    /// A title that states numbers none of which its rule uses: the rule was changed (300 m²
    /// made 400) and the title still promises the old standard, or the other way round.
    private func titleWarnings(_ requirements: [Requirement], elements: [SourceElement]) -> [Diagnostic] {
        let elementByID = Dictionary(elements.map { ($0.attribute("id") ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        var warnings: [Diagnostic] = []
        for requirement in requirements {
            let ruleNumbers = Set(requirement.rule.numbers)
            guard !ruleNumbers.isEmpty, let element = elementByID[requirement.id] else { continue }
            for (language, title) in requirement.title.byLanguage.sorted(by: { $0.key < $1.key }) {
                let stated = TitleNumbers.in(title)
                guard !stated.isEmpty, ruleNumbers.isDisjoint(with: stated) else { continue }
                let titleElement = children(of: element, "title").first { ($0.attribute("lang") ?? "zh") == language } ?? element
                warnings.append(Diagnostic(
                    .checklistTitleNumber,
                    at: .init(file: document.path, line: titleElement.line,
                              column: document.column(ofStartTag: "title", line: titleElement.line)),
                    severity: .warning,
                    ["requirement": .text(requirement.id), "title": .quoted(title),
                     "stated": .list(stated.sorted().map(\.description)),
                     "parameters": .list(ruleNumbers.sorted().map(\.description))]))
            }
        }
        return warnings.sorted { ($0.location.line ?? 0) < ($1.location.line ?? 0) }
    }

    /// A funding amount: a decimal of at least 0.
    private mutating func amount(_ element: SourceElement, _ name: String) -> ExactDecimal {
        let text = element.attribute(name) ?? ""
        guard let value = XMLValues.decimal(text) else {
            diagnostics.report(.checklistParameterNotDecimal, at: element, ["name": .text(name), "value": .text(text)])
            return 0
        }
        guard value >= 0 else {
            diagnostics.report(.checklistNegativeAmount, at: element, ["name": .text(name), "value": .text(text)])
            return 0
        }
        return value
    }

    private func children(of element: SourceElement, _ name: String) -> [SourceElement] {
        element.children(named: name, in: ChecklistReader.namespace)
    }

    private func localized(_ element: SourceElement, _ name: String) -> LocalizedText {
        LocalizedText(Dictionary(
            children(of: element, name).map { ($0.attribute("lang") ?? "zh", $0.text.trimmingCharacters(in: .whitespacesAndNewlines)) },
            uniquingKeysWith: { first, _ in first }))
    }

    private mutating func reportDuplicates(_ values: [String], _ code: DiagnosticCode, elements: [SourceElement]) {
        var seen: [String: Int] = [:]
        for (value, element) in zip(values, elements) {
            if let first = seen[value] {
                diagnostics.report(code, at: element, ["value": .text(value), "first": .count(first)])
            } else {
                seen[value] = element.line
            }
        }
    }
}
