import Foundation
import WuyouXML

extension Rule {
    /// Reads a `<rule>` element of a checklist.
    ///
    /// Every parameter is read before the rule is put together, so one bad parameter is
    /// reported once and never makes a good one look unused.
    ///
    /// - Parameters:
    ///   - element: The `<rule>`.
    ///   - requirement: The id of the requirement it belongs to, for messages.
    ///   - checklist: The checklist read so far (its room vocabulary).
    ///   - diagnostics: Where problems are reported.
    /// - Returns: The rule, or nil when it cannot be used (the reason is in `diagnostics`).
    static func parse(
        _ element: SourceElement, requirement: String, checklist: Checklist, diagnostics: inout ChecklistDiagnostics
    ) -> Rule? {
        var params = RuleParameters(rule: element, requirement: requirement)
        let rule: Rule?
        switch params.kind {
        case "boolean-fact":
            let fact = params.fact("fact", .boolean, &diagnostics)
            let elementAbsent = params.status("element-absent", default: .unknown, allowed: [.unknown, .gap], &diagnostics)
            rule = fact.map { .booleanFact($0, elementAbsent: elementAbsent) }
        case "word-fact":
            let fact = params.fact("fact", .word, &diagnostics)
            let gapValues = params.required("gap-values", &diagnostics).map { Set($0.value.split(separator: " ").map(String.init)) }
            let absent = params.status("absent", default: .unknown, allowed: [.unknown, .met], &diagnostics)
            rule = if let fact, let gapValues { .wordFact(fact, gapValues: gapValues, absent: absent) } else { nil }
        case "numeric-minimum":
            let fact = params.fact("fact", .decimal, &diagnostics)
            let minimum = params.decimal("minimum", atLeast: 0, &diagnostics)
            let unit = params.required("unit", &diagnostics)?.value
            let asZero = params.flag("premises-none-as-zero", &diagnostics)
            rule = if let fact, let minimum, let unit {
                .numericMinimum(fact, minimum: minimum, unit: unit, premisesNoneAsZero: asZero)
            } else { nil }
        case "area-per-unit":
            let area = params.fact("area-fact", .decimal, &diagnostics)
            let units = params.fact("unit-fact", .decimal, &diagnostics)
            let requiredArea = params.decimal("area", atLeast: 0, &diagnostics)
            let per = params.decimal("per", above: 0, &diagnostics)
            let unit = params.required("unit", &diagnostics)?.value
            let asZero = params.flag("premises-none-as-zero", &diagnostics)
            rule = if let area, let units, let requiredArea, let per, let unit {
                .areaPerUnit(area: area, units: units, requiredArea: requiredArea, per: per, unit: unit, premisesNoneAsZero: asZero)
            } else { nil }
        case "room-present":
            rule = params.required("room", &diagnostics).flatMap { parameter in
                guard checklist.room(code: parameter.value) != nil else {
                    diagnostics.report(.checklistUnknownRoom, at: parameter.element,
                                       ["requirement": .text(requirement), "code": .text(parameter.value)])
                    return nil
                }
                return .roomPresent(code: parameter.value)
            }
        case "item-count":
            let inventory = params.inventory(allowed: SurveyInventory.allCases, &diagnostics)
            let minimum = params.count("minimum", &diagnostics)
            let partial = params.flag("partial", &diagnostics)
            let unit = params.take("unit")?.value
            rule = if let inventory, let minimum { .itemCount(inventory, minimum: minimum, partial: partial, unit: unit) } else { nil }
        case "all-items-flag":
            let inventory = params.inventory(allowed: SurveyInventory.allCases.filter { !$0.flags.isEmpty }, &diagnostics)
            let flag = params.required("flag", &diagnostics)
            let unit = params.required("unit", &diagnostics)?.value
            if let inventory, let flag, !inventory.flags.contains(flag.value) {
                diagnostics.report(.checklistUnknownFlag, at: flag.element,
                                   ["inventory": .text(inventory.rawValue), "value": .text(flag.value), "allowed": .list(inventory.flags)])
                rule = nil
            } else if let inventory, let flag, let unit {
                rule = .allItemsFlag(inventory, flag: flag.value, unit: unit)
            } else {
                rule = nil
            }
        case "flag-count":
            let facts = params.facts("facts", .boolean, &diagnostics)
            let unit = params.required("unit", &diagnostics)?.value
            rule = if let facts, let unit { .flagCount(facts, unit: unit) } else { nil }
        case "per-item-ratio":
            let inventory = params.inventory(allowed: SurveyInventory.allCases.filter(\.hasFloorArea), &diagnostics)
            let requiredArea = params.decimal("required-area", atLeast: 0, &diagnostics)
            let perArea = params.decimal("per-area", above: 0, &diagnostics)
            let unit = params.required("unit", &diagnostics)?.value
            rule = if let inventory, let requiredArea, let perArea, let unit {
                .perItemRatio(inventory, requiredArea: requiredArea, perArea: perArea, unit: unit)
            } else { nil }
        case "all-of":
            let children = element.children(named: "rule", in: ChecklistReader.namespace)
            let rules = children.compactMap { parse($0, requirement: requirement, checklist: checklist, diagnostics: &diagnostics) }
            if children.isEmpty {
                diagnostics.report(.checklistEmptyAllOf, at: element, ["requirement": .text(requirement)])
            }
            rule = rules.count == children.count && !rules.isEmpty ? .allOf(rules) : nil
        case "xpath":
            let test = params.required("test", &diagnostics)
            let others = ["applies-if", "known-if", "evidence"].map { params.take($0) }
            for parameter in ([test] + others).compactMap({ $0 }) {
                if let problem = XPathAssertion.problem(in: parameter.value) {
                    diagnostics.report(.checklistXPathInvalid, at: parameter.element,
                                       ["requirement": .text(requirement), "expression": .text(parameter.value), "problem": .text(problem)])
                }
            }
            rule = test.map { test in
                .xpath(XPathAssertion(test: test.value, appliesIf: others[0]?.value, knownIf: others[1]?.value, evidence: others[2]?.value))
            }
        default:
            diagnostics.report(.checklistUnknownRuleKind, at: element, ["requirement": .text(requirement), "kind": .text(params.kind)])
            return nil
        }
        params.reportLeftovers(&diagnostics)
        return rule
    }
}
