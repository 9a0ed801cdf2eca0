/// One sheet of a workbook — an `.xlsx` worksheet or one `.csv` file — as rows of cell values.
public struct WorkbookSheet: Sendable {
    /// The file the sheet came from, as named on the command line; diagnostics start with it.
    public var file: String
    /// The sheet's name (for a CSV file, its name without `.csv`); diagnostics cite `name!C12`.
    public var name: String
    /// The non-empty rows, in order.
    public var rows: [SheetRow]
    public var dateSystem: DateSystem

    public init(file: String, name: String, rows: [SheetRow], dateSystem: DateSystem = .from1900) {
        self.file = file
        self.name = name
        self.rows = rows
        self.dateSystem = dateSystem
    }
}

/// The sheets of one survey workbook: an `.xlsx` file's worksheets, or a set of CSV files.
public struct Workbook: Sendable {
    public var sheets: [WorkbookSheet]
    /// What the workbook is called in the marker comment of the surveys it produces (the file's
    /// name without its folder).
    public var displayName: String

    public init(sheets: [WorkbookSheet], displayName: String) {
        self.sheets = sheets
        self.displayName = displayName
    }
}

/// The sheets of one survey workbook, each read when asked (see ``SheetSource``).
public struct WorkbookSource {
    public var sheets: [SheetSource]
    /// What the workbook is called in the marker comment of the surveys it produces.
    public var displayName: String

    public init(sheets: [SheetSource], displayName: String) {
        self.sheets = sheets
        self.displayName = displayName
    }
}
