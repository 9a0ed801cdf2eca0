import WuyouDecimal
import Foundation

/// A value a diagnostic's message quotes, kept typed so that each language words it its own
/// way (a room's label in that language, a list with that language's separator).
public enum DiagnosticArgument: Sendable, Hashable, ExpressibleByStringLiteral {
    case text(String)
    /// Text copied from the input (a room's name, a value, libxml2's message quoting the
    /// document): shortened when long, and withheld from a public site.
    case quoted(String)
    /// Quoted text left out of a public site.
    case withheld
    case number(ExactDecimal)
    /// Text the checklist gives in several languages (a room's label).
    case localized(LocalizedText)
    case list([String])
    /// An operating-system error (`errno`), worded in the report language.
    case systemError(Int32)

    public init(stringLiteral value: String) {
        self = .text(value)
    }

    public static func count(_ value: Int) -> DiagnosticArgument {
        .number(ExactDecimal(value))
    }
}
