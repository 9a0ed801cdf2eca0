import Foundation
import WuyouCore
import WuyouDecimal

/// A cell's value as the workbook stores it, before its column gives it a meaning.
///
/// CSV cells are always ``text(_:)``; `.xlsx` cells keep their stored type, so that a number
/// the sheet shows as a date is not mistaken for an area.
public enum CellValue: Sendable, Hashable {
    case text(String)
    /// A numeric cell, exactly as stored (at most 15 significant digits, as Excel shows it),
    /// and whether its number format displays it as a date or time.
    case number(ExactDecimal, isDate: Bool)
    case boolean(Bool)
    /// An error value such as `#N/A` or `#DIV/0!`.
    case error(String)
    /// A formula whose result the file does not hold (it was never calculated).
    case uncalculatedFormula
    /// A formula that takes its value from another workbook: its cached value cannot be checked.
    case externalFormula

    /// Whether the cell holds nothing a person could read: no value, or only whitespace.
    public var isBlank: Bool {
        if case .text(let text) = self { return CellText.isBlank(text) }
        return false
    }
}

/// A cell of a sheet row: its 1-based column and its value.
public struct SheetCell: Sendable, Hashable {
    public var column: Int
    public var value: CellValue

    public init(column: Int, value: CellValue) {
        self.column = column
        self.value = value
    }
}

/// A row of a sheet: its 1-based number and its non-empty cells, by column.
public struct SheetRow: Sendable, Hashable {
    public var number: Int
    public var cells: [SheetCell]

    public init(number: Int, cells: [SheetCell]) {
        self.number = number
        self.cells = cells
    }

    /// The value in the 1-based `column`, or nil when that cell is empty.
    public func value(at column: Int) -> CellValue? {
        cells.first { $0.column == column }?.value
    }

    /// Whether every cell is blank: such rows are skipped.
    public var isBlank: Bool { cells.allSatisfy(\.value.isBlank) }
}
