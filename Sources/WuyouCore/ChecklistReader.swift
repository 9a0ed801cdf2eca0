import Foundation
import WuyouXML

/// Reads checklist files: schema validation, then every check a schema cannot make
/// (duplicate ids, unknown room codes, facts or parameters, XPath that does not compile).
public enum ChecklistReader {
    public static let namespace = "urn:wuyou:checklist:1"

    /// The bundled checklist used when none is named: the city's own standard.
    public static let defaultID = "laohekou-2023"

    private static let schema: XMLSchema = {
        do {
            return try XMLSchema(source: EmbeddedResources.checklistSchema, name: "checklist.xsd")
        } catch {
            fatalError("the embedded checklist.xsd does not compile (a build defect): \(error)")
        }
    }()

    /// The checklists built into the binary, in file-name order.
    public static func bundled() throws(XMLDiagnostics) -> [Checklist] {
        var result: [Checklist] = []
        for entry in EmbeddedResources.checklists {
            result.append(try read(bytes: Array(entry.text.utf8), path: entry.fileName))
        }
        return result
    }

    /// The bundled checklist with this id, or the checklist file at this path.
    ///
    /// - Throws: ``XMLDiagnostics`` when neither exists or the file is not a valid checklist.
    public static func load(idOrPath: String) throws(XMLDiagnostics) -> Checklist {
        if let entry = EmbeddedResources.checklists.first(where: { $0.fileName == idOrPath + ".xml" }) {
            return try read(bytes: Array(entry.text.utf8), path: entry.fileName)
        }
        let document = try ParsedDocument.parse(fileAt: idOrPath)
        return try read(document)
    }

    /// Reads checklist XML held in memory.
    public static func read(bytes: [UInt8], path: String) throws(XMLDiagnostics) -> Checklist {
        try read(try ParsedDocument.parse(bytes: bytes, path: path), bytes: bytes)
    }

    /// Every problem in the checklist file at `path`, schema and semantic; empty when it is sound.
    public static func lint(path: String) -> [XMLDiagnostic] {
        do {
            _ = try load(idOrPath: path)
            return []
        } catch {
            return error.items
        }
    }

    private static func read(_ document: ParsedDocument) throws(XMLDiagnostics) -> Checklist {
        try read(document, bytes: document.sourceBytes)
    }

    private static func read(_ document: ParsedDocument, bytes: [UInt8]) throws(XMLDiagnostics) -> Checklist {
        let schemaErrors = document.validate(against: schema)
        guard schemaErrors.isEmpty else { throw XMLDiagnostics(schemaErrors) }
        var builder = ChecklistBuilder(document: document)
        let checklist = builder.build(shortHash: String(SHA256.hexDigest(of: bytes).prefix(12)))
        guard builder.diagnostics.isEmpty else { throw XMLDiagnostics(builder.diagnostics) }
        return checklist
    }
}

/// Builds a ``Checklist`` from a schema-valid document, collecting semantic errors as it goes.
private struct ChecklistBuilder {
    let document: ParsedDocument
    var diagnostics: [XMLDiagnostic] = []

    init(document: ParsedDocument) {
        self.document = document
    }

    mutating func build(shortHash: String) -> Checklist {
        let root = document.root
        let categories = children(of: root, "categories").flatMap { children(of: $0, "category") }.map { element in
            Checklist.Category(id: element.attribute("id") ?? "", label: localized(element, "label"))
        }
        let rooms = children(of: root, "rooms").flatMap { children(of: $0, "room") }.map { element in
            Checklist.RoomKind(
                code: element.attribute("code") ?? "",
                label: localized(element, "label"),
                aliases: children(of: element, "alias").map { alias in
                    Checklist.RoomKind.Alias(
                        name: RoomNames.normalised(alias.text),
                        spinner: XMLValues.boolean(alias.attribute("spinner")) ?? false)
                })
        }
        let awards = children(of: root, "funding").flatMap { children(of: $0, "award") }.map { element in
            Checklist.FundingAward(
                premises: element.attribute("premises") ?? "",
                city: amount(element.attribute("city"), at: element, "city"),
                subdistrict: amount(element.attribute("subdistrict"), at: element, "subdistrict"),
                clause: element.attribute("clause") ?? "")
        }
        var checklist = Checklist(
            id: root.attribute("id") ?? "", version: root.attribute("version") ?? "",
            title: localized(root, "title"), source: children(of: root, "source").first?.text,
            categories: categories, rooms: rooms, awards: awards, requirements: [],
            shortHash: shortHash, origin: document.path)

        reportDuplicates(categories.map(\.id), what: "category id", elements: children(of: root, "categories").flatMap { children(of: $0, "category") })
        reportDuplicates(rooms.map(\.code), what: "room code", elements: children(of: root, "rooms").flatMap { children(of: $0, "room") })

        let requirementElements = children(of: root, "requirement")
        for element in requirementElements {
            if let requirement = requirement(from: element, in: checklist) {
                checklist.requirements.append(requirement)
            }
        }
        reportDuplicates(requirementElements.map { $0.attribute("id") ?? "" }, what: "requirement id", elements: requirementElements)
        return checklist
    }

    private mutating func requirement(from element: SourceElement, in checklist: Checklist) -> Requirement? {
        let id = element.attribute("id") ?? ""
        let category = element.attribute("category") ?? ""
        if checklist.category(id: category) == nil {
            error(at: element, "requirement \(id): unknown category \"\(category)\"")
        }
        var effectiveFrom: SurveyDate?
        if let text = element.attribute("effective-from") {
            effectiveFrom = SurveyDate(text)
            if effectiveFrom == nil { error(at: element, "requirement \(id): effective-from \"\(text)\" is not a date") }
        }
        guard let ruleElement = children(of: element, "rule").first,
              let rule = rule(from: ruleElement, requirement: id, checklist: checklist)
        else { return nil }
        return Requirement(
            id: id, category: category, clause: element.attribute("clause") ?? "",
            severity: Requirement.Severity(rawValue: element.attribute("severity") ?? "") ?? .mandatory,
            basis: Requirement.Basis(rawValue: element.attribute("basis") ?? "") ?? .quoted,
            facility: XMLValues.boolean(element.attribute("facility")) ?? false,
            centralOnly: XMLValues.boolean(element.attribute("central-only")) ?? false,
            effectiveFrom: effectiveFrom,
            title: localized(element, "title"), basisNote: localized(element, "basis-note"),
            advice: localized(element, "advice"), rule: rule, line: element.line)
    }

    private mutating func rule(from element: SourceElement, requirement: String, checklist: Checklist) -> Rule? {
        let kind = element.attribute("kind") ?? ""
        var params = RuleParameters(element: element, namespace: ChecklistReader.namespace)
        let rule: Rule?
        switch kind {
        case "boolean-fact":
            rule = fact(&params, "fact", .boolean).map {
                .booleanFact($0, elementAbsent: status(&params, "element-absent", default: .unknown, allowed: [.unknown, .gap]))
            }
        case "word-fact":
            rule = fact(&params, "fact", .word).map {
                .wordFact(
                    $0, gapValues: Set((required(&params, "gap-values") ?? "").split(separator: " ").map(String.init)),
                    absent: status(&params, "absent", default: .unknown, allowed: [.unknown, .met]))
            }
        case "numeric-minimum":
            let fact = fact(&params, "fact", .decimal)
            let minimum = requiredDecimal(&params, "minimum", atLeast: 0)
            let unit = required(&params, "unit")
            let asZero = flag(&params, "premises-none-as-zero")
            if let fact, let minimum, let unit {
                rule = .numericMinimum(fact, minimum: minimum, unit: unit, premisesNoneAsZero: asZero)
            } else { rule = nil }
        case "area-per-unit":
            let area = fact(&params, "area-fact", .decimal)
            let units = fact(&params, "unit-fact", .decimal)
            let required = requiredDecimal(&params, "area", atLeast: 0)
            let per = requiredDecimal(&params, "per", above: 0)
            let unit = self.required(&params, "unit")
            let asZero = flag(&params, "premises-none-as-zero")
            if let area, let units, let required, let per, let unit {
                rule = .areaPerUnit(area: area, units: units, requiredArea: required, per: per, unit: unit, premisesNoneAsZero: asZero)
            } else { rule = nil }
        case "room-present":
            rule = self.required(&params, "room").flatMap { code in
                guard checklist.room(code: code) != nil else {
                    error(at: element, "requirement \(requirement): unknown room code \"\(code)\"")
                    return nil
                }
                return .roomPresent(code: code)
            }
        case "item-count":
            let inventory = self.inventory(&params, allowed: [.services, .regulations, .departments, .developments, .rooms])
            let minimum = requiredCount(&params, "minimum")
            let partial = flag(&params, "partial")
            let unit = params.take("unit")
            if let inventory, let minimum {
                rule = .itemCount(inventory, minimum: minimum, partial: partial, unit: unit)
            } else { rule = nil }
        case "all-items-flag":
            let inventory = self.inventory(&params, allowed: [.departments])
            let flag = self.required(&params, "flag")
            let unit = self.required(&params, "unit")
            if let flag, flag != "window" { error(at: element, "requirement \(requirement): departments have no flag \"\(flag)\" (only \"window\")") }
            if let inventory, let flag, flag == "window", let unit {
                rule = .allItemsFlag(inventory, flag: flag, unit: unit)
            } else { rule = nil }
        case "flag-count":
            let names = (self.required(&params, "facts") ?? "").split(separator: " ").map(String.init)
            let facts = names.compactMap { name in factNamed(name, .boolean, at: element) }
            let unit = self.required(&params, "unit")
            rule = (facts.count == names.count && !facts.isEmpty && unit != nil) ? .flagCount(facts, unit: unit!) : nil
        case "per-item-ratio":
            let inventory = self.inventory(&params, allowed: [.developments])
            let required = requiredDecimal(&params, "required-area", atLeast: 0)
            let per = requiredDecimal(&params, "per-area", above: 0)
            let unit = self.required(&params, "unit")
            if let inventory, let required, let per, let unit {
                rule = .perItemRatio(inventory, requiredArea: required, perArea: per, unit: unit)
            } else { rule = nil }
        case "all-of":
            let children = children(of: element, "rule")
            let rules = children.compactMap { self.rule(from: $0, requirement: requirement, checklist: checklist) }
            if children.isEmpty { error(at: element, "requirement \(requirement): all-of needs at least one child rule") }
            rule = (rules.count == children.count && !rules.isEmpty) ? .allOf(rules) : nil
        case "xpath":
            let test = self.required(&params, "test")
            let assertion = XPathAssertion(
                test: test ?? "", appliesIf: params.take("applies-if"), knownIf: params.take("known-if"),
                evidence: params.take("evidence"))
            for expression in [assertion.test, assertion.appliesIf, assertion.knownIf, assertion.evidence].compactMap({ $0 }) {
                if let problem = XPathSyntax.error(in: expression) {
                    error(at: element, "requirement \(requirement): XPath \"\(expression)\" does not compile: \(problem)")
                }
            }
            rule = test == nil ? nil : .xpath(assertion)
        default:
            error(at: element, "requirement \(requirement): unknown rule kind \"\(kind)\"")
            return nil
        }
        for leftover in params.unused {
            error(at: leftover.element, "requirement \(requirement): rule kind \(kind) has no parameter \"\(leftover.name)\"")
        }
        for duplicate in params.duplicates {
            error(at: duplicate, "requirement \(requirement): parameter \"\(duplicate.attribute("name") ?? "")\" is given twice")
        }
        return rule
    }

    // MARK: Parameters

    private mutating func required(_ params: inout RuleParameters, _ name: String) -> String? {
        guard let value = params.take(name) else {
            error(at: params.element, "rule kind \(params.element.attribute("kind") ?? "") needs parameter \"\(name)\"")
            return nil
        }
        return value
    }

    /// A required number; `atLeast` and `above` bound it so that no threshold is negative and
    /// no divisor is zero (a division by zero would make every comparison quietly false).
    private mutating func requiredDecimal(
        _ params: inout RuleParameters, _ name: String, atLeast lowest: Decimal? = nil, above floor: Decimal? = nil
    ) -> Decimal? {
        guard let text = required(&params, name),
              let value = decimal(text, at: params.element, name)
        else { return nil }
        if let lowest, value < lowest {
            error(at: params.element, "\(name) must be at least \(lowest), not \(text)")
            return nil
        }
        if let floor, value <= floor {
            error(at: params.element, "\(name) must be more than \(floor), not \(text)")
            return nil
        }
        return value
    }

    /// A required whole number of items, from 0 to a million.
    private mutating func requiredCount(_ params: inout RuleParameters, _ name: String) -> Int? {
        guard let value = requiredDecimal(&params, name, atLeast: 0) else { return nil }
        guard value <= 1_000_000, let count = Int(exactly: NSDecimalNumber(decimal: value).doubleValue),
              Decimal(count) == value
        else {
            error(at: params.element, "\(name) must be a whole number of items up to 1000000, not \(value)")
            return nil
        }
        return count
    }

    private mutating func decimal(_ text: String?, at element: SourceElement, _ name: String) -> Decimal? {
        guard let text else { return nil }
        guard let value = XMLValues.decimal(text) else {
            error(at: element, "\(name) \"\(text)\" is not a decimal number")
            return nil
        }
        return value
    }

    /// A funding amount: a decimal of at least 0.
    private mutating func amount(_ text: String?, at element: SourceElement, _ name: String) -> Decimal {
        guard let value = decimal(text, at: element, name) else { return 0 }
        guard value >= 0 else {
            error(at: element, "\(name) must be at least 0, not \(value)")
            return 0
        }
        return value
    }

    private mutating func flag(_ params: inout RuleParameters, _ name: String) -> Bool {
        guard let text = params.take(name) else { return false }
        guard let value = XMLValues.boolean(text) else {
            error(at: params.element(named: name) ?? params.element, "parameter \(name) \"\(text)\" is not true or false")
            return false
        }
        return value
    }

    private mutating func status(_ params: inout RuleParameters, _ name: String, default fallback: Status, allowed: [Status]) -> Status {
        guard let text = params.take(name) else { return fallback }
        guard let value = Status(rawValue: text), allowed.contains(value) else {
            error(at: params.element(named: name) ?? params.element,
                  "parameter \(name) must be one of \(allowed.map(\.rawValue).joined(separator: ", ")), not \"\(text)\"")
            return fallback
        }
        return value
    }

    private mutating func fact(_ params: inout RuleParameters, _ name: String, _ type: SurveyFact.ValueType) -> SurveyFact? {
        guard let text = required(&params, name) else { return nil }
        return factNamed(text, type, at: params.element(named: name) ?? params.element)
    }

    private mutating func factNamed(_ text: String, _ type: SurveyFact.ValueType, at element: SourceElement) -> SurveyFact? {
        guard let fact = SurveyFact(rawValue: text) else {
            error(at: element, "unknown fact \"\(text)\"")
            return nil
        }
        guard fact.valueType == type else {
            error(at: element, "fact \"\(text)\" is not a \(type) fact")
            return nil
        }
        return fact
    }

    private mutating func inventory(_ params: inout RuleParameters, allowed: [SurveyInventory]) -> SurveyInventory? {
        guard let text = required(&params, "inventory") else { return nil }
        guard let inventory = SurveyInventory(rawValue: text), allowed.contains(inventory) else {
            error(at: params.element(named: "inventory") ?? params.element,
                  "inventory \"\(text)\" is not one of \(allowed.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return inventory
    }

    // MARK: Helpers

    private func children(of element: SourceElement, _ name: String) -> [SourceElement] {
        element.children(named: name, in: ChecklistReader.namespace)
    }

    private func localized(_ element: SourceElement, _ name: String) -> LocalizedText {
        LocalizedText(Dictionary(
            children(of: element, name).map { ($0.attribute("lang") ?? "zh", $0.text.trimmingCharacters(in: .whitespacesAndNewlines)) },
            uniquingKeysWith: { first, _ in first }))
    }

    private mutating func reportDuplicates(_ values: [String], what: String, elements: [SourceElement]) {
        var seen: [String: Int] = [:]
        for (value, element) in zip(values, elements) {
            if let first = seen[value] {
                error(at: element, "duplicate \(what) \"\(value)\" (first on line \(first))")
            } else {
                seen[value] = element.line
            }
        }
    }

    private mutating func error(at element: SourceElement, _ message: String) {
        diagnostics.append(XMLDiagnostic(
            file: document.path, line: element.line,
            column: document.column(ofStartTag: element.name, line: element.line), message: message))
    }
}

/// A rule's `<param>` children, consumed one by one so that leftovers can be reported.
private struct RuleParameters {
    let element: SourceElement
    private var remaining: [(name: String, value: String, element: SourceElement)]
    private(set) var duplicates: [SourceElement] = []

    init(element: SourceElement, namespace: String) {
        self.element = element
        var seen = Set<String>()
        var remaining: [(name: String, value: String, element: SourceElement)] = []
        for param in element.children(named: "param", in: namespace) {
            let name = param.attribute("name") ?? ""
            if seen.insert(name).inserted {
                remaining.append((name, (param.attribute("value") ?? "").trimmingCharacters(in: .whitespacesAndNewlines), param))
            } else {
                duplicates.append(param)
            }
        }
        self.remaining = remaining
    }

    func element(named name: String) -> SourceElement? {
        remaining.first { $0.name == name }?.element
    }

    mutating func take(_ name: String) -> String? {
        guard let index = remaining.firstIndex(where: { $0.name == name }) else { return nil }
        return remaining.remove(at: index).value
    }

    var unused: [(name: String, element: SourceElement)] {
        remaining.map { ($0.name, $0.element) }
    }
}
