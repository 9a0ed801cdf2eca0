import Foundation

/// What one rule concluded, before it is attached to its requirement.
struct RuleOutcome {
    var status: Status
    var expected: FindingValue?
    var observed: FindingValue?
    var shortfall: Decimal?
    var unit: String?
    var line: Int?
    var obligations: [Finding.Obligation] = []
    var possibleTypos: [Finding.PossibleTypo] = []
}
