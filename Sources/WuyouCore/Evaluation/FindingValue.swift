import WuyouDecimal
import Foundation

/// An expected or observed value of a finding, kept structured so that each renderer can
/// word it in its own language.
public enum FindingValue: Sendable, Hashable {
    /// A measured amount, e.g. 280 m².
    case amount(ExactDecimal, unit: String)
    /// A threshold, e.g. ≥ 300 m².
    case atLeast(ExactDecimal, unit: String)
    case yes
    case no
    /// A word fact as written, e.g. `renovated`.
    case word(String)
    /// The survey does not record it.
    case notRecorded
    /// A required room, by code.
    case room(code: String)
    /// A room found, as named on its door.
    case roomFound(name: String)
    /// Nothing of the kind exists (no such room, no hall).
    case missing
    /// Every listed item has the flag, e.g. every department has a window.
    case allItems(SurveyInventory, count: Int)
    /// `lacking` of `total` listed items lack the flag.
    case itemsLacking(SurveyInventory, lacking: Int, total: Int)
    /// Nothing listed, so the rule does not apply.
    case nothingListed(SurveyInventory)
    /// `trueCount` of `total` boolean facts are true.
    case factsTrue(Int, of: Int)
    /// The premises situation that makes the centre count as having no space.
    case noPremises
    /// Applies only to central communities; this one is not.
    case notCentral
    /// Applies from a date later than the survey's.
    case effectiveFrom(String)
    /// The outcome of a city's XPath assertion.
    case assertion(Bool)
    /// A word fact that must not be one of these words (e.g. premises other than `none`).
    case wordOtherThan([String])
    /// An area per number of units, e.g. 20 m² per 100 households.
    case areaPerUnits(area: ExactDecimal, per: ExactDecimal, unit: String, units: SurveyFact)
    /// Every listed item has the flag, however many are listed.
    case everyItem(SurveyInventory)
    /// Each listed item provides `required` per `per` of its floor area.
    case ratio(required: ExactDecimal, per: ExactDecimal, unit: String)
    /// Several conditions at once.
    case allOf([FindingValue])
}
