import WuyouDecimal
import Foundation

/// The numbers a requirement's title states: ASCII or full-width digits, with thousands
/// separators, and 万 (ten thousand) after a number, as 2万元.
enum TitleNumbers {
    static func `in`(_ title: String) -> Set<ExactDecimal> {
        // Full-width digits and commas count as digits; ² in m² does not.
        let text = String(String.UnicodeScalarView(title.unicodeScalars.map { scalar in
            (0xFF10...0xFF19).contains(scalar.value) || scalar.value == 0xFF0C
                ? Unicode.Scalar(scalar.value - 0xFEE0)! : scalar
        }))
        var numbers: Set<ExactDecimal> = []
        var digits = ""
        func finish(multiplier: ExactDecimal = 1) {
            // Separators go; a second point ends the number (`1.2.3` is 1.2), as in a sentence.
            let cleaned = digits.replacingOccurrences(of: ",", with: "").split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
                .prefix(2).joined(separator: ".")
            if let value = ExactDecimal(cleaned) {
                numbers.insert(value * multiplier)
            }
            digits = ""
        }
        for character in text {
            if character.isASCII && (character.isNumber || (!digits.isEmpty && (character == "." || character == ","))) {
                digits.append(character)
            } else if !digits.isEmpty {
                finish(multiplier: character == "万" ? 10_000 : 1)
            }
        }
        if !digits.isEmpty { finish() }
        return numbers
    }
}
