import Foundation

/// Typed readings of XML Schema lexical values, as the schema already checked them.
enum XMLValues {
    /// An `xs:decimal` (or integer) as an exact `Decimal`; nil when not a plain decimal.
    static func decimal(_ text: String?) -> Decimal? {
        guard let text else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var digits = 0
        var dots = 0
        for (offset, character) in trimmed.enumerated() {
            if character.isASCII, character.isNumber {
                digits += 1
            } else if character == "." {
                dots += 1
            } else if !(offset == 0 && (character == "+" || character == "-")) {
                return nil
            }
        }
        guard digits > 0, dots <= 1 else { return nil }
        let unsigned = trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed
        return Decimal(string: unsigned, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// An `xs:boolean`: `true`/`1` or `false`/`0`.
    static func boolean(_ text: String?) -> Bool? {
        switch text?.trimmingCharacters(in: .whitespacesAndNewlines) {
        case "true", "1": true
        case "false", "0": false
        default: nil
        }
    }

    /// An `xs:token` or `xs:string` attribute, whitespace-trimmed; nil when absent.
    static func token(_ text: String?) -> String? {
        text?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
