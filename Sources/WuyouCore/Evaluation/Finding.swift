import WuyouDecimal
import Foundation

/// The verdict on one requirement for one survey, with the evidence behind it.
public struct Finding: Sendable {
    public var requirement: Requirement
    public var status: Status
    public var expected: FindingValue? {
        didSet { expectsRuleStandard = false }
    }
    /// Whether ``expected`` is the requirement's own ``Requirement/expectation``, the same in
    /// every survey, rather than a threshold worked out for this one: renderers word it once.
    /// Only the evaluator says so; any change to ``expected`` unsays it.
    public internal(set) var expectsRuleStandard = false
    public var observed: FindingValue?
    /// Distance to the threshold in ``unit``: set for numeric gaps and partials only.
    public var shortfall: ExactDecimal?
    public var unit: String?
    /// Where the evidence was written (a line of the survey file, or a workbook cell; see
    /// ``Survey/location(of:)``), where there is one.
    public var place: SourcePlace?
    /// Per-item obligations for rules that check each listed item (developer space).
    public var obligations: [Obligation]
    /// What in the survey may be this requirement misspelt (a room 警物室 for 警务室): the
    /// status stays as the rules say, but nobody should sign the gap without checking.
    public var possibleTypos: [PossibleTypo] = []

    /// A name or code in the survey that is probably a slip for what this finding looked for.
    public struct PossibleTypo: Sendable, Hashable {
        /// Where it was written.
        public var place: SourcePlace
        /// As written.
        public var written: String
        /// The room code it probably meant.
        public var meant: String
    }

    /// What one listed item (a development) owes and has provided.
    public struct Obligation: Sendable {
        public var name: String
        /// The item's own size the requirement scales with (a development's floor area).
        public var floorArea: ExactDecimal
        public var required: ExactDecimal
        /// Everything provided, money paid in lieu included.
        public var provided: ExactDecimal
        /// The part of `provided` that is money in lieu, as the area it stands for.
        public var fundsInLieuArea: ExactDecimal
        public var place: SourcePlace

        public var outstanding: ExactDecimal {
            provided < required ? required - provided : 0
        }
    }

    public init(
        requirement: Requirement, status: Status, expected: FindingValue? = nil, observed: FindingValue? = nil,
        shortfall: ExactDecimal? = nil, unit: String? = nil, place: SourcePlace? = nil, obligations: [Obligation] = [],
        possibleTypos: [PossibleTypo] = []
    ) {
        self.init(
            requirement: requirement, status: status, expected: expected, expectsRuleStandard: false, observed: observed,
            shortfall: shortfall, unit: unit, place: place, obligations: obligations, possibleTypos: possibleTypos)
    }

    /// A finding the evaluator makes, saying whether `expected` is its requirement's own standard.
    init(
        requirement: Requirement, status: Status, expected: FindingValue?, expectsRuleStandard: Bool,
        observed: FindingValue? = nil, shortfall: ExactDecimal? = nil, unit: String? = nil, place: SourcePlace? = nil,
        obligations: [Obligation] = [], possibleTypos: [PossibleTypo] = []
    ) {
        self.requirement = requirement
        self.status = status
        self.expected = expected
        self.expectsRuleStandard = expectsRuleStandard
        self.observed = observed
        self.shortfall = shortfall
        self.unit = unit
        self.place = place
        self.obligations = obligations
        self.possibleTypos = possibleTypos
    }
}
