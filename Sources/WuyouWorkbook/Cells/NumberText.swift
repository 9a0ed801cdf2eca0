import Foundation
import WuyouCore
import WuyouDecimal

/// Numbers written as text: `1800`, `1,800`, `１８００`, `300 m²`, `12.5平方米`.
///
/// The text is NFKC-normalised first (full-width digits, commas and points become ASCII), a
/// trailing unit is taken off, and what is left must be digits with an optional fraction;
/// thousands separators must group by three. A leading minus is read, so that the message can
/// say "negative" rather than "not a number".
enum NumberText {
    enum Outcome: Equatable {
        case number(ExactDecimal)
        /// The text ends in a known unit other than the column's.
        case wrongUnit(String)
        case notANumber
    }

    static func parse(_ text: String, unit: NumberUnit) -> Outcome {
        // Most number cells hold plain digits: no unit to take off, nothing to normalise.
        if let plain = PlainDecimal.parse(text) { return .number(plain) }
        var body = CellText.folded(text)
        for candidate in NumberUnit.allCases {
            guard let spelling = candidate.spellings.first(where: { body.hasSuffix($0) }) else { continue }
            guard candidate == unit else { return .wrongUnit(candidate.symbol) }
            body = String(body.dropLast(spelling.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        guard let number = decimal(body) else { return .notANumber }
        return .number(number)
    }

    /// The number text that is not a number probably meant, for a message to suggest: a number
    /// counted in 万 or 千 (`2万元` is 20000), with the column's unit or none; nil otherwise.
    static func meant(_ text: String, unit: NumberUnit) -> ExactDecimal? {
        var body = CellText.folded(text)
        if let spelling = unit.spellings.first(where: { body.hasSuffix($0) }) {
            body = String(body.dropLast(spelling.count)).trimmingCharacters(in: .whitespaces)
        }
        for (word, factor) in [("万", ExactDecimal(10_000)), ("千", ExactDecimal(1_000))] where body.hasSuffix(word) {
            let digits = String(body.dropLast()).trimmingCharacters(in: .whitespaces)
            guard let number = decimal(digits), number >= 0 else { return nil }
            return number * factor
        }
        return nil
    }

    /// The value of `-?digits[.digits]`, with `,` allowed between groups of three digits.
    static func decimal(_ text: String) -> ExactDecimal? {
        if let plain = PlainDecimal.parse(text) { return plain }
        var rest = Substring(text)
        let negative = rest.hasPrefix("-")
        if negative { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty else { return nil }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        var digits = groups.joined()
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
            digits += "." + parts[1]
        }
        guard let value = ExactDecimal(digits) else { return nil }
        return negative ? -value : value
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
