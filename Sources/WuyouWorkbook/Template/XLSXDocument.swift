import Foundation
import WuyouCore
import WuyouDecimal

/// A workbook to write as `.xlsx`: sheets of cells with the few presentation features a blank
/// survey workbook needs (column widths, a frozen header, dropdowns and input messages).
public struct XLSXDocument: Sendable {
    /// The cell styles ``XLSXWriter`` defines, by their index in `styles.xml`.
    public enum Style: Int, Sendable {
        case plain = 0
        /// Bold on a light fill, centred, bordered: a header row.
        case header
        /// Text format (`@`): what is typed stays text (`0501` keeps its zero, `2024-05` is no date).
        case text
        /// A date shown as `yyyy-mm-dd`.
        case date
        /// Text format, wrapped at the top: lists and notes with line breaks.
        case wrappedText
        /// A large bold title.
        case title
        case bold
    }

    public enum Cell: Sendable, Hashable {
        /// Text, stored in the shared string table.
        case text(String, Style = .plain)
        /// Text stored in the cell itself (`t="inlineStr"`).
        case inlineText(String, Style = .plain)
        case number(ExactDecimal, Style = .plain)
        case boolean(Bool)
        /// A day, stored as a serial number with the date style.
        case date(CalendarDay)
    }

    /// A dropdown or an input message over a range of cells.
    public struct Validation: Sendable, Hashable {
        /// The range, e.g. `H2:H1048576`.
        public var range: String
        /// A dropdown: either the items themselves (at most 255 characters together) or a
        /// formula such as `说明!$A$5:$A$12`; nil for an input message alone.
        public var list: List?
        public var promptTitle: String
        public var prompt: String

        public enum List: Sendable, Hashable {
            case items([String])
            case formula(String)
        }

        public init(range: String, list: List? = nil, promptTitle: String, prompt: String) {
            self.range = range
            self.list = list
            self.promptTitle = promptTitle
            self.prompt = prompt
        }
    }

    public struct Column: Sendable, Hashable {
        /// Width in characters of the default font's digits.
        public var width: Double
        /// The style of cells typed into the column.
        public var style: Style

        public init(width: Double, style: Style = .plain) {
            self.width = width
            self.style = style
        }
    }

    public struct Sheet: Sendable {
        public var name: String
        public var columns: [Column]
        /// Rows from row 1; nil cells are empty.
        public var rows: [[Cell?]]
        /// Keep row 1 in view while scrolling.
        public var freezesHeader: Bool
        public var validations: [Validation]
        /// Print the sheet scaled to the width of one (landscape A4) page.
        public var printsToPageWidth: Bool

        public init(name: String, columns: [Column] = [], rows: [[Cell?]] = [], freezesHeader: Bool = false,
                    validations: [Validation] = [], printsToPageWidth: Bool = false) {
            self.name = name
            self.columns = columns
            self.rows = rows
            self.freezesHeader = freezesHeader
            self.validations = validations
            self.printsToPageWidth = printsToPageWidth
        }
    }

    public var sheets: [Sheet]
    public var dateSystem: DateSystem

    public init(sheets: [Sheet], dateSystem: DateSystem = .from1900) {
        self.sheets = sheets
        self.dateSystem = dateSystem
    }
}
