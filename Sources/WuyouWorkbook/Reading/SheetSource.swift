import WuyouCore

/// Gives a sheet's rows in order, one at a time.
public protocol SheetRowReader {
    /// The next row with a cell in it, or nil after the last.
    ///
    /// - Throws: ``Diagnostics`` when the sheet turns out not to be readable (a damaged part).
    func next() throws(Diagnostics) -> SheetRow?
}

/// A sheet whose rows can be read, as many times as asked, without being held: an `.xlsx`
/// worksheet inflates and is parsed again each time, a CSV file's text is read again.
public struct SheetSource {
    /// The file the sheet is in, as named on the command line; diagnostics start with it.
    public var file: String
    /// The sheet's name (for a CSV file, its name without `.csv`); diagnostics cite `name!C12`.
    public var name: String
    public var dateSystem: DateSystem
    private let open: () throws(Diagnostics) -> any SheetRowReader

    public init(file: String, name: String, dateSystem: DateSystem = .from1900,
                open: @escaping () throws(Diagnostics) -> any SheetRowReader) {
        self.file = file
        self.name = name
        self.dateSystem = dateSystem
        self.open = open
    }

    /// A reader of the rows from the first.
    public func rows() throws(Diagnostics) -> any SheetRowReader {
        try open()
    }

    /// Every row, read into memory.
    public func allRows() throws(Diagnostics) -> [SheetRow] {
        let reader = try rows()
        var rows: [SheetRow] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }
}

extension WorkbookSheet {
    /// This sheet's rows, read from memory.
    public var source: SheetSource {
        let rows = rows
        return SheetSource(file: file, name: name, dateSystem: dateSystem) { ArrayRowReader(rows) }
    }
}

/// Rows held in memory, given one at a time.
final class ArrayRowReader: SheetRowReader {
    private let rows: [SheetRow]
    private var index = 0

    init(_ rows: [SheetRow]) {
        self.rows = rows
    }

    func next() -> SheetRow? {
        guard index < rows.count else { return nil }
        defer { index += 1 }
        return rows[index]
    }
}
