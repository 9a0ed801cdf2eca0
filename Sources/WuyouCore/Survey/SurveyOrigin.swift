/// Where a survey that was not read from an XML file of its own came from (a workbook's rows),
/// so that what is said about it points at those places (`普查.xlsx:用房!A7`) rather than at
/// lines of XML nobody has seen.
public struct SurveyOrigin: Sendable, Hashable {
    /// The survey's row: its workbook file, as named on the command line, and the cell naming
    /// the row, e.g. `调查表!A5`.
    public var row: Diagnostic.Location
    /// For each 1-based line of the imported survey XML, the row it came from (for a workbook
    /// of CSV files, the other sheets are other files).
    public var lines: [Int: Diagnostic.Location]

    public init(row: Diagnostic.Location, lines: [Int: Diagnostic.Location]) {
        self.row = row
        self.lines = lines
    }

    /// The workbook location of a line of the imported XML; the survey's row when the line is
    /// unknown or nil.
    public func location(ofLine line: Int?) -> Diagnostic.Location {
        line.flatMap { lines[$0] } ?? row
    }

    /// `普查.xlsx:用房!A7` for a line of the imported XML.
    public func place(ofLine line: Int?) -> String {
        let location = location(ofLine: line)
        return "\(location.file):\(location.cell ?? "")"
    }
}
