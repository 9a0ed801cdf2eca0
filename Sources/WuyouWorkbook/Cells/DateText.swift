/// Dates written as text: `2023-06-12`, `2023/6/12`, `2023.6.12`, `2023年6月12日`.
///
/// After NFKC (so full-width digits work). A time after the day (`2023/6/12 0:00`, which Excel
/// writes when it saves a date-time cell as CSV, or ISO 8601's `2023-06-12T08:30:00+08:00`) is
/// allowed and ignored.
enum DateText {
    enum Outcome: Equatable {
        case day(CalendarDay)
        /// Shaped like a date, but no such day exists (`2023-02-30`).
        case noSuchDay
        case notADate
    }

    static func parse(_ text: String) -> Outcome {
        var body = Substring(CellText.normalised(text))
        if let space = body.firstIndex(where: { $0 == " " || $0 == "T" }), isTime(body[body.index(after: space)...]) {
            body = body[..<space]
        }
        let numbers: [Substring]
        if body.hasSuffix("日"), body.contains("年"), body.contains("月") {
            numbers = body.dropLast().split(omittingEmptySubsequences: false) { $0 == "年" || $0 == "月" }
        } else if let separator = body.first(where: { $0 == "-" || $0 == "/" || $0 == "." }) {
            numbers = body.split(separator: separator, omittingEmptySubsequences: false)
        } else {
            return .notADate
        }
        guard numbers.count == 3, numbers[0].count == 4, (1...2).contains(numbers[1].count),
              (1...2).contains(numbers[2].count), numbers.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(numbers[0]), let month = Int(numbers[1]), let day = Int(numbers[2])
        else { return .notADate }
        guard let calendarDay = CalendarDay(year: year, month: month, day: day) else { return .noSuchDay }
        return .day(calendarDay)
    }

    /// `H:MM`, `HH:MM:SS`, with an optional fraction of a second, and the zone an ISO 8601
    /// date and time may end with (`Z`, `+08:00`), as `.xlsx` date cells store them.
    private static func isTime(_ text: Substring) -> Bool {
        var text = text
        if text.hasSuffix("Z") {
            text = text.dropLast()
        } else if let sign = text.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = text[text.index(after: sign)...].filter { $0 != ":" }
            guard zone.count == 2 || zone.count == 4, zone.allSatisfy(\.isASCIIDigit) else { return false }
            text = text[..<sign]
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count) else { return false }
        return parts.enumerated().allSatisfy { index, part in
            let digits = index == 2 ? part.split(separator: ".", maxSplits: 1).first ?? "" : part
            return (1...2).contains(digits.count) && digits.allSatisfy(\.isASCIIDigit)
        }
    }
}
