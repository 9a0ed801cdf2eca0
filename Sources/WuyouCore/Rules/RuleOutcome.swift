import WuyouDecimal
import Foundation

/// What one rule concluded, before it is attached to its requirement.
struct RuleOutcome {
    var status: Status
    /// A threshold worked out for this survey (e.g. from its households); nil when the
    /// finding expects the rule's own ``Rule/expectation``, as most do.
    var expected: FindingValue?
    var observed: FindingValue?
    var shortfall: ExactDecimal?
    var unit: String?
    var place: SourcePlace?
    var obligations: [Finding.Obligation] = []
    var possibleTypos: [Finding.PossibleTypo] = []
}
