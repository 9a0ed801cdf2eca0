import Foundation
import WuyouWords
import WuyouXML

/// Reads libxml2's English schema errors about a survey and names the common mistakes — a date
/// written 2024/06/18, a missing namespace, a value outside the list, a unit typed into a number,
/// a misspelt element — so that the report layer can say what is wrong and how to fix it in the
/// reader's language. Anything else keeps libxml2's text (``DiagnosticCode/surveySchema``).
enum SurveySchemaErrors {
    /// `Element '{namespace}name', attribute 'attribute': detail`
    private static let head = try! NSRegularExpression(
        pattern: #"^Element '(?:\{([^}]*)\})?([^']*)'(?:, attribute '([^']*)')?: (.*)$"#, options: [.dotMatchesLineSeparators])
    private static let atomic = try! NSRegularExpression(
        pattern: #"^'(.*)' is not a valid value of the atomic type '(?:\{[^}]*\})?([^']*)'\.$"#, options: [.dotMatchesLineSeparators])
    private static let enumeration = try! NSRegularExpression(
        pattern: #"^\[facet 'enumeration'\] The value '(.*)' is not an element of the set \{(.*)\}\.$"#, options: [.dotMatchesLineSeparators])
    private static let minimum = try! NSRegularExpression(
        pattern: #"^\[facet 'minInclusive'\] The value '(.*)' is less than the minimum value allowed"#, options: [.dotMatchesLineSeparators])
    private static let minimumLength = try! NSRegularExpression(
        pattern: #"^\[facet 'minLength'\] The value '(.*)' has a length of"#, options: [.dotMatchesLineSeparators])
    private static let quotedName = try! NSRegularExpression(pattern: #"'([^']*)'"#)

    /// The diagnostic for a schema error of a survey, named when it is a common mistake, with
    /// a hint where one helps: `wuyou init`'s placeholder left in a value, or a value that
    /// names an allowed word in another way (改扩建 for `renovated`, a misspelling).
    static func diagnostic(for xml: XMLDiagnostic, at location: Diagnostic.Location) -> Diagnostic {
        var diagnostic = namedMistake(for: xml, at: location)
        guard case .quoted(let value)? = diagnostic.arguments["value"] else { return diagnostic }
        if SurveyTemplate.isPlaceholder(value) {
            diagnostic.arguments["placeholder"] = .text(value)
        } else if diagnostic.code == .surveyValueNotInList, case .list(let allowed)? = diagnostic.arguments["allowed"],
                  let suggestion = allowedWord(for: value, among: allowed) {
            diagnostic.arguments["suggestion"] = .text(suggestion)
        }
        return diagnostic
    }

    /// The allowed word `value` names in words (改扩建, "no premises"), or misspells.
    private static func allowedWord(for value: String, among allowed: [String]) -> String? {
        let written = XMLValues.trimmed(value)
        for language in ReportLanguage.allCases {
            let words = Words(language)
            if let word = allowed.first(where: { words.has("premises.\($0)") && words["premises.\($0)"] == written }) { return word }
        }
        return EditDistance.closest(to: written.lowercased(), among: allowed)
    }

    /// The diagnostic for a schema error of a survey, named when it is a common mistake.
    private static func namedMistake(for xml: XMLDiagnostic, at location: Diagnostic.Location) -> Diagnostic {
        let raw = Diagnostic(.surveySchema, at: location, ["message": .quoted(xml.message)])
        guard let parts = match(head, xml.message), parts.count == 4 else { return raw }
        let namespace = parts[0]
        let element = parts[1]
        let attribute = parts[2]
        let detail = parts[3]
        func make(_ code: DiagnosticCode, _ arguments: [String: DiagnosticArgument] = [:]) -> Diagnostic {
            var all = arguments
            all["element"] = .text(element)
            if !attribute.isEmpty { all["attribute"] = .text(attribute) }
            return Diagnostic(code, at: location, all)
        }

        if detail.hasPrefix("No matching global declaration available for the validation root") {
            if element != "survey" { return make(.surveyRootWrong) }
            return namespace.isEmpty
                ? make(.surveyNamespaceMissing)
                : make(.surveyNamespaceWrong, ["found": .quoted(namespace)])
        }
        if detail.hasPrefix("This element is not expected") {
            if namespace.isEmpty { return make(.surveyElementNoNamespace) }
            if SurveyVocabulary.elements.contains(element) { return make(.surveyElementMisplaced) }
            var arguments: [String: DiagnosticArgument] = [:]
            if let suggestion = EditDistance.closest(to: element, among: SurveyVocabulary.elements) {
                arguments["suggestion"] = .text(suggestion)
            }
            return make(.surveyElementUnknown, arguments)
        }
        if detail.hasPrefix("The attribute '"), detail.hasSuffix("is not allowed.") {
            let known = SurveyVocabulary.attributes[element] ?? []
            var arguments: [String: DiagnosticArgument] = ["allowed": .list(known)]
            if let suggestion = EditDistance.closest(to: attribute, among: known) {
                arguments["suggestion"] = .text(suggestion)
            }
            return make(.surveyAttributeUnknown, arguments)
        }
        if detail.hasSuffix("is required but missing."), let name = match(quotedName, detail)?.first {
            return Diagnostic(.surveyAttributeMissing, at: location, ["element": .text(element), "attribute": .text(name)])
        }
        if detail.hasPrefix("Character content other than whitespace is not allowed") {
            return make(.surveyElementText)
        }
        if let values = match(enumeration, detail), values.count == 2 {
            let allowed = (match(quotedName, values[1], all: true) ?? [])
            return make(.surveyValueNotInList, ["value": .quoted(values[0]), "allowed": .list(allowed)])
        }
        if let values = match(minimum, detail) {
            return make(.surveyValueNegative, ["value": .quoted(values[0])])
        }
        if let values = match(minimumLength, detail) {
            return make(.surveyValueEmpty, ["value": .quoted(values[0])])
        }
        if let values = match(atomic, detail), values.count == 2 {
            let value = values[0]
            let number = XMLValues.decimal(value)
            let isNumber = number != nil
            let type = values[1].split(separator: ":").last.map(String.init) ?? values[1]
            switch type {
            case "date":
                return make(.surveyDateFormat, ["value": .quoted(value)])
            case "boolean":
                return make(.surveyValueNotBoolean, ["value": .quoted(value)])
            case "positiveInteger":
                if isNumber, let number, number <= 0 { return make(.surveyValueNotPositive, ["value": .quoted(value)]) }
                return make(isNumber ? .surveyValueNotWhole : .surveyValueNotNumber, ["value": .quoted(value)])
            case "nonNegativeInteger":
                if isNumber, let number, number < 0 { return make(.surveyValueNegative, ["value": .quoted(value)]) }
                return make(isNumber ? .surveyValueNotWhole : .surveyValueNotNumber, ["value": .quoted(value)])
            case "decimal", "NonNegativeDecimal":
                if isNumber, let number, number < 0 { return make(.surveyValueNegative, ["value": .quoted(value)]) }
                return make(.surveyValueNotNumber, ["value": .quoted(value)])
            case "NonEmptyText", "token", "string":
                return make(.surveyValueEmpty, ["value": .quoted(value)])
            default:
                return raw
            }
        }
        return raw
    }

    /// The capture groups of `expression`'s first match in `text` (empty strings for groups
    /// that did not take part), or with `all`, the first group of every match.
    private static func match(_ expression: NSRegularExpression, _ text: String, all: Bool = false) -> [String]? {
        let range = NSRange(text.startIndex..., in: text)
        if all {
            let matches = expression.matches(in: text, range: range)
            guard !matches.isEmpty else { return nil }
            return matches.compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } }
        }
        guard let result = expression.firstMatch(in: text, range: range) else { return nil }
        return (1..<result.numberOfRanges).map { index in
            Range(result.range(at: index), in: text).map { String(text[$0]) } ?? ""
        }
    }
}
