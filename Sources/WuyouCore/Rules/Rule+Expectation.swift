import WuyouDecimal
import Foundation

extension Rule {
    /// What the rule asks for, known from the checklist alone: the `expected` of findings
    /// that never reach the rule (not applicable, no centre) or that cannot compute a sharper one.
    public var expectation: FindingValue {
        switch self {
        case .booleanFact: .yes
        case .wordFact(_, let gapValues, _): .wordOtherThan(gapValues.sorted())
        case .numericMinimum(_, let minimum, let unit, _): .atLeast(minimum, unit: unit)
        case .areaPerUnit(_, let units, let requiredArea, let per, let unit, _):
            .areaPerUnits(area: requiredArea, per: per, unit: unit, units: units)
        case .roomPresent(let code): .room(code: code)
        case .itemCount(_, let minimum, _, let unit): .atLeast(ExactDecimal(minimum), unit: unit ?? "")
        case .allItemsFlag(let inventory, _, _): .everyItem(inventory)
        case .flagCount(let facts, _): .factsTrue(facts.count, of: facts.count)
        case .perItemRatio(_, let requiredArea, let perArea, let unit): .ratio(required: requiredArea, per: perArea, unit: unit)
        case .allOf(let rules): .allOf(rules.map(\.expectation))
        case .xpath: .assertion(true)
        }
    }
}
