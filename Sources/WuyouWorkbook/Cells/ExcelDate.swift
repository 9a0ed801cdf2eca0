import Foundation
import WuyouCore
import WuyouDecimal

/// A calendar day, and Excel's serial day numbers.
///
/// Excel counts days from 1900-01-01 = 1 and, copying Lotus 1-2-3, treats 1900 as a leap year:
/// serial 60 is 1900-02-29, a day that never was, and every later serial is one too high. Mac
/// workbooks may use the 1904 system instead (`<workbookPr date1904="1"/>`), counting from
/// 1904-01-01 = 0. The time of day (the fraction) is ignored.
public struct CalendarDay: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// A real day of the proleptic Gregorian calendar between years 1 and 9999; nil otherwise.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.days(inMonth: month, of: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`, as `xs:date` wants it.
    public var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days since 1970-01-01 (H. Hinnant's days_from_civil).
    var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `days` after 1970-01-01 (H. Hinnant's civil_from_days).
    init?(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.init(year: era * 400 + yearOfEra + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}

/// Which day a workbook's serial 0 or 1 is.
public enum DateSystem: Sendable, Hashable {
    /// Windows Excel, LibreOffice, WPS: 1 = 1900-01-01, with the phantom 1900-02-29 at 60.
    case from1900
    /// Old Mac Excel: 0 = 1904-01-01.
    case from1904

    /// The day of an Excel serial number; nil for serials that name no real day (before the
    /// system's first day, 60 in the 1900 system, after 9999-12-31).
    public func day(fromSerial serial: ExactDecimal) -> CalendarDay? {
        let whole = serial.rounded(places: 0, .down)
        guard whole >= 0, whole <= 3_000_000, let days = Int(exactly: whole) else { return nil }
        switch self {
        case .from1900:
            guard days >= 1, days != 60 else { return nil }
            // 1899-12-31 + days before the phantom leap day; one less after it.
            let base = CalendarDay(year: 1899, month: 12, day: 31)!.daysSinceEpoch
            return CalendarDay(daysSinceEpoch: base + days - (days > 60 ? 1 : 0))
        case .from1904:
            return CalendarDay(daysSinceEpoch: CalendarDay(year: 1904, month: 1, day: 1)!.daysSinceEpoch + days)
        }
    }

    /// The serial number of `day` in this system (for writing date cells).
    public func serial(of day: CalendarDay) -> Int {
        switch self {
        case .from1900:
            let days = day.daysSinceEpoch - CalendarDay(year: 1899, month: 12, day: 31)!.daysSinceEpoch
            return days >= 60 ? days + 1 : days
        case .from1904:
            return day.daysSinceEpoch - CalendarDay(year: 1904, month: 1, day: 1)!.daysSinceEpoch
        }
    }
}
