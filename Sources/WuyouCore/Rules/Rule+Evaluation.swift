import WuyouDecimal
import Foundation
import WuyouXML

extension Rule {
    /// What this rule concludes about the survey in `context`; each rule kind is implemented
    /// here once, its thresholds coming from the checklist.
    ///
    /// - Parameters:
    ///   - context: The survey being evaluated; rules that cannot run add a warning to it.
    ///   - requirement: The requirement's id, for those warnings.
    func outcome(in context: inout RuleEvaluationContext, requirement: String) -> RuleOutcome {
        switch self {
        case .booleanFact(let fact, let elementAbsent):
            context.booleanFact(fact, elementAbsent: elementAbsent)
        case .wordFact(let fact, let gapValues, let absent):
            context.wordFact(fact, gapValues: gapValues, absent: absent)
        case .numericMinimum(let fact, let minimum, let unit, let premisesNoneAsZero):
            context.numericMinimum(fact, minimum: minimum, unit: unit, premisesNoneAsZero: premisesNoneAsZero)
        case .areaPerUnit(let area, let units, let requiredArea, let per, let unit, let premisesNoneAsZero):
            context.areaPerUnit(
                area: area, units: units, requiredArea: requiredArea, per: per, unit: unit,
                premisesNoneAsZero: premisesNoneAsZero)
        case .roomPresent(let code):
            context.roomPresent(code)
        case .itemCount(let inventory, let minimum, let partial, let unit):
            context.itemCount(inventory, minimum: minimum, partial: partial, unit: unit)
        case .allItemsFlag(let inventory, let flag, let unit):
            context.allItemsFlag(inventory, flag: flag, unit: unit)
        case .flagCount(let facts, let unit):
            context.flagCount(facts, unit: unit)
        case .perItemRatio(let inventory, let requiredArea, let perArea, let unit):
            context.perItemRatio(inventory, requiredArea: requiredArea, perArea: perArea, unit: unit)
        case .allOf(let rules):
            RuleEvaluationContext.allOf(rules.map { $0.outcome(in: &context, requirement: requirement) })
        case .xpath(let assertion):
            context.xpath(assertion, requirement: requirement)
        }
    }
}

extension RuleEvaluationContext {
    // MARK: Facts

    fileprivate func booleanFact(_ fact: SurveyFact, elementAbsent: Status) -> RuleOutcome {
        switch survey.reading(of: fact) {
        case .elementAbsent:
            return RuleOutcome(status: elementAbsent, observed: elementAbsent == .gap ? .missing : .notRecorded)
        case .attributeAbsent(let place):
            return RuleOutcome(status: .unknown, observed: .notRecorded, place: place)
        case .value(let text, let place):
            let value = XMLValues.boolean(text) ?? false
            return RuleOutcome(status: value ? .met : .gap, observed: value ? .yes : .no, place: place)
        }
    }

    fileprivate func wordFact(_ fact: SurveyFact, gapValues: Set<String>, absent: Status) -> RuleOutcome {
        let reading = survey.reading(of: fact)
        guard case .value(let word, let place) = reading else {
            return RuleOutcome(status: absent, observed: .notRecorded, place: reading.place)
        }
        return RuleOutcome(status: gapValues.contains(word) ? .gap : .met, observed: .word(word), place: place)
    }

    fileprivate func numericMinimum(_ fact: SurveyFact, minimum: ExactDecimal, unit: String, premisesNoneAsZero: Bool) -> RuleOutcome {
        if premisesNoneAsZero && hasNoPremises {
            return RuleOutcome(status: .gap, observed: .noPremises, shortfall: minimum, unit: unit, place: centrePlace)
        }
        let reading = survey.reading(of: fact)
        guard case .value(let text, let place) = reading, let value = XMLValues.decimal(text) else {
            return RuleOutcome(status: .unknown, observed: .notRecorded, place: reading.place)
        }
        return RuleOutcome(
            status: value < minimum ? .gap : .met, observed: .amount(value, unit: unit),
            shortfall: minimum - value, unit: unit, place: place)
    }

    fileprivate func areaPerUnit(
        area: SurveyFact, units: SurveyFact, requiredArea: ExactDecimal, per: ExactDecimal, unit: String, premisesNoneAsZero: Bool
    ) -> RuleOutcome {
        let unitReading = survey.reading(of: units)
        let areaReading = survey.reading(of: area)
        let noPremises = premisesNoneAsZero && hasNoPremises
        let areaPlace = centrePlace ?? areaReading.place
        guard case .value(let unitText, _) = unitReading, let unitCount = XMLValues.decimal(unitText) else {
            return RuleOutcome(status: .unknown, observed: noPremises ? .noPremises : .notRecorded, place: areaPlace ?? unitReading.place)
        }
        let required = unitCount * requiredArea / per
        let expected = FindingValue.atLeast(required, unit: unit)
        let measured: ExactDecimal
        if noPremises {
            measured = 0
        } else if case .value(let areaText, _) = areaReading, let value = XMLValues.decimal(areaText) {
            measured = value
        } else {
            return RuleOutcome(status: .unknown, expected: expected, observed: .notRecorded, place: areaPlace)
        }
        return RuleOutcome(
            status: measured < required ? .gap : .met, expected: expected,
            observed: noPremises ? .noPremises : .amount(measured, unit: unit),
            shortfall: required - measured, unit: unit, place: areaPlace)
    }

    // MARK: Inventories

    fileprivate func roomPresent(_ code: String) -> RuleOutcome {
        guard let entry = rooms.room(serving: code) else {
            return RuleOutcome(status: .gap, observed: .missing, place: centrePlace, possibleTypos: rooms.probableTypos(of: code))
        }
        return RuleOutcome(status: .met, observed: .roomFound(name: entry.normalisedName), place: entry.room.place)
    }

    /// The items of `inventory` and its element's place; nil when the list element is absent.
    private func listed(_ inventory: SurveyInventory) -> (count: Int, place: SourcePlace)? {
        listed[inventory.position]
    }

    fileprivate func itemCount(_ inventory: SurveyInventory, minimum: Int, partial: Bool, unit: String?) -> RuleOutcome {
        guard let (count, place) = listed(inventory) else {
            return RuleOutcome(status: .unknown, observed: .notRecorded)
        }
        let status: Status = count >= minimum ? .met : (count > 0 && partial ? .partial : .gap)
        return RuleOutcome(
            status: status, observed: .amount(ExactDecimal(count), unit: unit ?? ""),
            shortfall: ExactDecimal(minimum - count), unit: unit, place: place)
    }

    fileprivate func allItemsFlag(_ inventory: SurveyInventory, flag: String, unit: String) -> RuleOutcome {
        let list = flagged(inventory, flag: flag)
        guard let list, !list.items.isEmpty else {
            return RuleOutcome(status: .notApplicable, observed: .nothingListed(inventory), place: list?.place)
        }
        let lacking = list.items.filter { !$0.value }
        let everyItem = FindingValue.allItems(inventory, count: list.items.count)
        guard let firstLacking = lacking.first else {
            return RuleOutcome(status: .met, expected: everyItem, observed: everyItem, place: list.place)
        }
        return RuleOutcome(
            status: .gap, expected: everyItem,
            observed: .itemsLacking(inventory, lacking: lacking.count, total: list.items.count),
            shortfall: ExactDecimal(lacking.count), unit: unit, place: firstLacking.place)
    }

    /// Each item's `flag` in `inventory`, and the list's place; nil when the list is absent
    /// (the checklist reader admits only the flags ``SurveyInventory/flags`` names).
    private func flagged(_ inventory: SurveyInventory, flag: String) -> (items: [(value: Bool, place: SourcePlace)], place: SourcePlace)? {
        switch (inventory, flag) {
        case (.departments, "window"):
            survey.serviceStation?.departments.map { list in (list.items.map { ($0.window, $0.place) }, list.place) }
        default:
            nil
        }
    }

    fileprivate func flagCount(_ facts: [SurveyFact], unit: String) -> RuleOutcome {
        let readings = facts.map { survey.reading(of: $0) }
        let place = readings.compactMap(\.place).first
        let values = readings.compactMap { reading -> Bool? in
            guard case .value(let text, _) = reading else { return nil }
            return XMLValues.boolean(text)
        }
        guard values.count == facts.count else {
            return RuleOutcome(status: .unknown, observed: .notRecorded, place: place)
        }
        let trueCount = values.filter { $0 }.count
        let status: Status = trueCount == facts.count ? .met : (trueCount > 0 ? .partial : .gap)
        return RuleOutcome(
            status: status, observed: .factsTrue(trueCount, of: facts.count),
            shortfall: ExactDecimal(facts.count - trueCount), unit: unit, place: place)
    }

    fileprivate func perItemRatio(_ inventory: SurveyInventory, requiredArea: ExactDecimal, perArea: ExactDecimal, unit: String) -> RuleOutcome {
        let list = sized(inventory)
        guard let list, !list.items.isEmpty else {
            return RuleOutcome(status: .notApplicable, observed: .nothingListed(inventory), place: list?.place)
        }
        let obligations = list.items.map { development in
            Finding.Obligation(
                name: development.name, floorArea: development.floorArea,
                required: development.floorArea * requiredArea / perArea,
                provided: development.serviceSpace + development.fundsInLieuArea,
                fundsInLieuArea: development.fundsInLieuArea, place: development.place)
        }
        let short = obligations.filter { $0.provided < $0.required }
        let shortfall = short.reduce(0) { $0 + ($1.required - $1.provided) }
        return RuleOutcome(
            status: short.isEmpty ? .met : .gap,
            expected: .atLeast(obligations.reduce(0) { $0 + $1.required }, unit: unit),
            observed: .amount(obligations.reduce(0) { $0 + $1.provided }, unit: unit),
            shortfall: shortfall, unit: unit, place: short.first?.place ?? list.place,
            obligations: obligations)
    }

    /// The items of `inventory` that have a floor area (see ``SurveyInventory/hasFloorArea``).
    private func sized(_ inventory: SurveyInventory) -> Survey.Inventory<Survey.Development>? {
        inventory == .developments ? survey.developments : nil
    }

    // MARK: Combinations

    /// The decisive child speaks for the whole, but not for what is expected: that is every
    /// child's condition, so it comes from the rule's own expectation.
    fileprivate static func allOf(_ outcomes: [RuleOutcome]) -> RuleOutcome {
        var decisive = outcomes.first ?? RuleOutcome(status: .notApplicable)
        if let problem = [Status.gap, .partial, .unknown].lazy.compactMap({ status in outcomes.first { $0.status == status } }).first {
            decisive = problem
        } else if let met = outcomes.last(where: { $0.status == .met }) {
            decisive = met
        }
        decisive.expected = nil
        return decisive
    }

    fileprivate mutating func xpath(_ assertion: XPathAssertion, requirement: String) -> RuleOutcome {
        guard let document else { return RuleOutcome(status: .unknown, observed: .notRecorded) }
        do throws(XMLDiagnostics) {
            let namespaces = XPathAssertion.namespaces
            var place: SourcePlace?
            if let evidence = assertion.evidence, case .nodes(let nodes) = try document.evaluate(evidence, namespaces: namespaces) {
                place = nodes.first.map { survey.place(ofDocumentLine: $0.line) }
            }
            if let appliesIf = assertion.appliesIf, try !document.evaluate(appliesIf, namespaces: namespaces).truthValue {
                return RuleOutcome(status: .notApplicable, place: place)
            }
            if let knownIf = assertion.knownIf, try !document.evaluate(knownIf, namespaces: namespaces).truthValue {
                return RuleOutcome(status: .unknown, observed: .notRecorded, place: place)
            }
            let holds = try document.evaluate(assertion.test, namespaces: namespaces).truthValue
            return RuleOutcome(status: holds ? .met : .gap, observed: .assertion(holds), place: place)
        } catch {
            warnings.append(Diagnostic(
                .ruleFailed, at: Diagnostic.Location(file: survey.path), severity: .warning,
                ["requirement": .text(requirement), "message": .text(error.description)]))
            return RuleOutcome(status: .unknown, observed: .notRecorded)
        }
    }
}
