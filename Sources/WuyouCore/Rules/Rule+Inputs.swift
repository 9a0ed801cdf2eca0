extension Rule {
    /// Everything this rule reads from a survey, in the order its parameters name them.
    public var inputs: [RuleInput] {
        var result: [RuleInput] = []
        func add(_ input: RuleInput) {
            if !result.contains(input) { result.append(input) }
        }
        switch self {
        case .booleanFact(let fact, _), .wordFact(let fact, _, _), .numericMinimum(let fact, _, _, _):
            add(.fact(fact))
        case .areaPerUnit(let area, let units, _, _, _, _):
            add(.fact(area))
            add(.fact(units))
        case .flagCount(let facts, _):
            facts.forEach { add(.fact($0)) }
        case .itemCount(let inventory, _, _, _), .allItemsFlag(let inventory, _, _), .perItemRatio(let inventory, _, _, _):
            add(.inventory(inventory))
        case .roomPresent:
            add(.inventory(.rooms))
        case .allOf(let rules):
            rules.flatMap(\.inputs).forEach(add)
        case .xpath(let assertion):
            add(.expression(assertion.knownIf ?? assertion.test))
        }
        return result
    }

    /// XPath conditions under which the city-defined part of this rule counts as recorded: the
    /// `known-if` of each `xpath` rule, in order. A form evaluates them to tell whether such a
    /// rule still lacks data; an `xpath` rule without `known-if` never lacks data.
    public var recordedIf: [String] {
        switch self {
        case .xpath(let assertion): assertion.knownIf.map { [$0] } ?? []
        case .allOf(let rules): rules.flatMap(\.recordedIf)
        default: []
        }
    }

    /// The inputs `survey` leaves out, so that the rule could not be judged: facts not
    /// recorded, and every list and expression (whose absence cannot be told from a count).
    /// When every fact is recorded, all inputs, since something else must be missing.
    public func missingInputs(in survey: Survey) -> [RuleInput] {
        let missing = inputs.filter { input in
            guard case .fact(let fact) = input else { return true }
            if case .value = survey.reading(of: fact) { return false }
            return true
        }
        return missing.isEmpty ? inputs : missing
    }
}
