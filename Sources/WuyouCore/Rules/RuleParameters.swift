import WuyouDecimal
import Foundation
import WuyouXML

/// A rule's `<param>` children, taken one by one so that leftovers can be reported, each
/// problem pinned to the `<param>` that has it (or to the `<rule>` when one is missing).
struct RuleParameters {
    struct Parameter {
        var name: String
        var value: String
        var element: SourceElement
    }

    /// The `<rule>` element.
    let rule: SourceElement
    let requirement: String
    private var remaining: [Parameter] = []
    private var duplicates: [SourceElement] = []

    init(rule: SourceElement, requirement: String) {
        self.rule = rule
        self.requirement = requirement
        var seen = Set<String>()
        for param in rule.children(named: "param", in: ChecklistReader.namespace) {
            let name = param.attribute("name") ?? ""
            if seen.insert(name).inserted {
                remaining.append(Parameter(
                    name: name, value: (param.attribute("value") ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                    element: param))
            } else {
                duplicates.append(param)
            }
        }
    }

    var kind: String { rule.attribute("kind") ?? "" }

    /// The parameter `name`, removed from those left to use; nil when it is not given.
    mutating func take(_ name: String) -> Parameter? {
        guard let index = remaining.firstIndex(where: { $0.name == name }) else { return nil }
        return remaining.remove(at: index)
    }

    /// The parameter `name`, reporting it missing when it is not given.
    mutating func required(_ name: String, _ diagnostics: inout ChecklistDiagnostics) -> Parameter? {
        guard let parameter = take(name) else {
            diagnostics.report(.checklistMissingParameter, at: rule,
                               ["requirement": .text(requirement), "kind": .text(kind), "name": .text(name)])
            return nil
        }
        return parameter
    }

    /// A required number; `atLeast` and `above` bound it so that no threshold is negative and
    /// no divisor is zero (a division by zero would make every comparison quietly false).
    mutating func decimal(
        _ name: String, atLeast lowest: ExactDecimal? = nil, above floor: ExactDecimal? = nil,
        _ diagnostics: inout ChecklistDiagnostics
    ) -> ExactDecimal? {
        guard let parameter = required(name, &diagnostics) else { return nil }
        let arguments: [String: DiagnosticArgument] = ["name": .text(name), "value": .text(parameter.value)]
        guard let value = XMLValues.decimal(parameter.value) else {
            diagnostics.report(.checklistParameterNotDecimal, at: parameter.element, arguments)
            return nil
        }
        if let lowest, value < lowest {
            diagnostics.report(.checklistParameterTooSmall, at: parameter.element, arguments.merging(["minimum": .number(lowest)]) { $1 })
            return nil
        }
        if let floor, value <= floor {
            diagnostics.report(.checklistParameterNotAbove, at: parameter.element, arguments.merging(["floor": .number(floor)]) { $1 })
            return nil
        }
        return value
    }

    /// A required whole number of items, from 0 to a million.
    mutating func count(_ name: String, _ diagnostics: inout ChecklistDiagnostics) -> Int? {
        let element = remaining.first { $0.name == name }?.element ?? rule
        guard let value = decimal(name, atLeast: 0, &diagnostics) else { return nil }
        guard value <= 1_000_000, let count = Int(exactly: value) else {
            diagnostics.report(.checklistParameterNotWhole, at: element, ["name": .text(name), "value": .number(value)])
            return nil
        }
        return count
    }

    /// An optional boolean, false when not given.
    mutating func flag(_ name: String, _ diagnostics: inout ChecklistDiagnostics) -> Bool {
        guard let parameter = take(name) else { return false }
        guard let value = XMLValues.boolean(parameter.value) else {
            diagnostics.report(.checklistParameterNotBoolean, at: parameter.element,
                               ["name": .text(name), "value": .text(parameter.value)])
            return false
        }
        return value
    }

    /// An optional status among `allowed`, `fallback` when not given.
    mutating func status(
        _ name: String, default fallback: Status, allowed: [Status], _ diagnostics: inout ChecklistDiagnostics
    ) -> Status {
        guard let parameter = take(name) else { return fallback }
        guard let value = Status(rawValue: parameter.value), allowed.contains(value) else {
            diagnostics.report(.checklistParameterNotStatus, at: parameter.element,
                               ["name": .text(name), "value": .text(parameter.value), "allowed": .list(allowed.map(\.rawValue))])
            return fallback
        }
        return value
    }

    /// A required fact of the given type.
    mutating func fact(_ name: String, _ type: SurveyFact.ValueType, _ diagnostics: inout ChecklistDiagnostics) -> SurveyFact? {
        guard let parameter = required(name, &diagnostics) else { return nil }
        return Self.fact(parameter.value, type, at: parameter.element, &diagnostics)
    }

    /// A required space-separated list of facts of the given type; nil when any is wrong.
    mutating func facts(_ name: String, _ type: SurveyFact.ValueType, _ diagnostics: inout ChecklistDiagnostics) -> [SurveyFact]? {
        guard let parameter = required(name, &diagnostics) else { return nil }
        let names = parameter.value.split(separator: " ").map(String.init)
        let facts = names.compactMap { Self.fact($0, type, at: parameter.element, &diagnostics) }
        guard !facts.isEmpty, facts.count == names.count else {
            if names.isEmpty {
                diagnostics.report(.checklistMissingParameter, at: parameter.element,
                                   ["requirement": .text(requirement), "kind": .text(kind), "name": .text(name)])
            }
            return nil
        }
        return facts
    }

    private static func fact(
        _ text: String, _ type: SurveyFact.ValueType, at element: SourceElement, _ diagnostics: inout ChecklistDiagnostics
    ) -> SurveyFact? {
        guard let fact = SurveyFact(rawValue: text) else {
            diagnostics.report(.checklistUnknownFact, at: element, ["fact": .text(text)])
            return nil
        }
        guard fact.valueType == type else {
            diagnostics.report(.checklistFactWrongType, at: element, ["fact": .text(text), "type": .text(type.rawValue)])
            return nil
        }
        return fact
    }

    /// The required `inventory` parameter, one of `allowed`.
    mutating func inventory(allowed: [SurveyInventory], _ diagnostics: inout ChecklistDiagnostics) -> SurveyInventory? {
        guard let parameter = required("inventory", &diagnostics) else { return nil }
        guard let inventory = SurveyInventory(rawValue: parameter.value), allowed.contains(inventory) else {
            diagnostics.report(.checklistInventoryNotAllowed, at: parameter.element,
                               ["value": .text(parameter.value), "allowed": .list(allowed.map(\.rawValue))])
            return nil
        }
        return inventory
    }

    /// Reports the parameters the rule kind did not use and those given twice.
    func reportLeftovers(_ diagnostics: inout ChecklistDiagnostics) {
        for leftover in remaining {
            diagnostics.report(.checklistUnusedParameter, at: leftover.element,
                               ["requirement": .text(requirement), "kind": .text(kind), "name": .text(leftover.name)])
        }
        for duplicate in duplicates {
            diagnostics.report(.checklistDuplicateParameter, at: duplicate,
                               ["requirement": .text(requirement), "name": .text(duplicate.attribute("name") ?? "")])
        }
    }
}
