import Foundation

/// An `xs:date` as written, with its calendar day for comparisons (any time zone is ignored).
public struct SurveyDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var text: String
    public var year: Int
    public var month: Int
    public var day: Int

    /// Parses the `YYYY-MM-DD` part of an `xs:date` (a trailing zone such as `Z` or `+08:00` is allowed).
    public init?(_ text: String) {
        let trimmed = XMLValues.trimmed(text)
        let negative = trimmed.hasPrefix("-")
        let body = negative ? trimmed.dropFirst() : Substring(trimmed)
        let parts = body.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
              let day = Int(parts[2].prefix(2)), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        self.text = trimmed
        self.year = negative ? -year : year
        self.month = month
        self.day = day
    }

    public static func < (lhs: SurveyDate, rhs: SurveyDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String { text }
}
