/// Where a part of a survey was written down: a line of its XML file, or a cell of the
/// spreadsheet its rows were read from (``Survey/cells``). What a report says about a room or a
/// fact points there, in the survey's own terms: `第12行` of a survey file, `用房!A5` of a workbook.
///
/// A plain number, so that the dozens of places a survey carries cost no more than its lines
/// did; ``Survey/location(of:)`` shows it.
public struct SourcePlace: Sendable, Hashable, Comparable {
    /// A line when positive; a cell of ``Survey/cells`` (`-raw - 1`) when negative.
    private let raw: Int

    private init(raw: Int) {
        self.raw = raw
    }

    /// The 1-based `line` of the survey's XML file.
    static func line(_ line: Int) -> SourcePlace {
        SourcePlace(raw: max(1, line))
    }

    /// The cell at `index` of the survey's ``Survey/cells``.
    static func cell(_ index: Int) -> SourcePlace {
        SourcePlace(raw: -index - 1)
    }

    /// The line, for a place in an XML file. Reports show a place through
    /// ``Survey/location(of:)``, which knows which it is.
    var line: Int? { raw > 0 ? raw : nil }

    /// The index in ``Survey/cells``, for a place in a spreadsheet.
    var cellIndex: Int? { raw < 0 ? -raw - 1 : nil }

    /// In the order the places were written: by line, or by cell as the survey's cells were read
    /// (sheet by sheet, row by row).
    public static func < (lhs: SourcePlace, rhs: SourcePlace) -> Bool {
        abs(lhs.raw) < abs(rhs.raw)
    }
}

/// A spreadsheet cell a survey was read from: its file, as named on the command line (a set of
/// CSV files has one per sheet), and its name, `SHEET!CELL`.
public struct SourceCell: Sendable, Hashable {
    public var file: String
    /// E.g. `用房!A5`.
    public var name: String

    public init(file: String, name: String) {
        self.file = file
        self.name = name
    }
}
