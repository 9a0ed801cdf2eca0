import WuyouDecimal
import Foundation

/// The closed set of rule kinds; each is implemented once, its parameters come from the checklist.
public enum Rule: Sendable {
    /// true → met, false → gap, attribute absent → unknown, element absent → `elementAbsent`.
    case booleanFact(SurveyFact, elementAbsent: Status)
    /// A word in `gapValues` → gap, any other → met, absent → `absent`.
    case wordFact(SurveyFact, gapValues: Set<String>, absent: Status)
    /// value ≥ minimum → met, else a gap of minimum − value.
    case numericMinimum(SurveyFact, minimum: ExactDecimal, unit: String, premisesNoneAsZero: Bool)
    /// area ≥ units × area ÷ per → met, else a gap.
    case areaPerUnit(area: SurveyFact, units: SurveyFact, requiredArea: ExactDecimal, per: ExactDecimal, unit: String, premisesNoneAsZero: Bool)
    /// Some room serves the room code.
    case roomPresent(code: String)
    /// At least `minimum` items listed; fewer but some is partial when `partial`.
    case itemCount(SurveyInventory, minimum: Int, partial: Bool, unit: String?)
    /// Every listed item has `flag` set; nothing listed → not applicable.
    case allItemsFlag(SurveyInventory, flag: String, unit: String)
    /// All of several boolean facts true; some → partial.
    case flagCount([SurveyFact], unit: String)
    /// Each listed item provides `requiredArea` per `perArea` of its floor area.
    case perItemRatio(SurveyInventory, requiredArea: ExactDecimal, perArea: ExactDecimal, unit: String)
    /// Every child rule is met.
    case allOf([Rule])
    /// A city's own XPath 1.0 assertion on the survey document.
    case xpath(XPathAssertion)

    /// Whether the rule compares the centre's floor area with a threshold: its shortfall is
    /// missing space, which an audit totals (the larger of several, as they overlap).
    public var measuresCentreArea: Bool {
        switch self {
        case .numericMinimum(let fact, _, _, _): fact == .centreArea
        case .areaPerUnit(let area, _, _, _, _, _): area == .centreArea
        default: false
        }
    }

    /// Whether the rule checks what each listed item owes (developer space), so that its
    /// findings carry ``Finding/obligations`` and its shortfall is owed by developers.
    public var yieldsObligations: Bool {
        switch self {
        case .perItemRatio: true
        case .allOf(let rules): rules.contains(where: \.yieldsObligations)
        default: false
        }
    }

    /// Whether the rule reads the survey's document (an XPath assertion), not only the survey.
    public var readsDocument: Bool {
        switch self {
        case .xpath: true
        case .allOf(let rules): rules.contains(where: \.readsDocument)
        default: false
        }
    }

    /// Whether gaps of this rule carry a shortfall and unit.
    public var isNumeric: Bool {
        switch self {
        case .numericMinimum, .areaPerUnit, .allItemsFlag, .flagCount, .perItemRatio: true
        case .itemCount(_, _, _, let unit): unit != nil
        case .booleanFact, .wordFact, .roomPresent, .allOf, .xpath: false
        }
    }
}

extension Rule {
    /// Every number the rule compares with (thresholds, areas, divisors), for lint to check
    /// against the numbers a requirement's title states.
    public var numbers: [ExactDecimal] {
        switch self {
        case .numericMinimum(_, let minimum, _, _): [minimum]
        case .areaPerUnit(_, _, let requiredArea, let per, _, _): [requiredArea, per]
        case .itemCount(_, let minimum, _, _): [ExactDecimal(minimum)]
        case .perItemRatio(_, let requiredArea, let perArea, _): [requiredArea, perArea]
        case .allOf(let rules): rules.flatMap(\.numbers)
        case .booleanFact, .wordFact, .roomPresent, .allItemsFlag, .flagCount, .xpath: []
        }
    }
}
