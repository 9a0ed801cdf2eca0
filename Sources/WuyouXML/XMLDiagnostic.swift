/// A problem found in an XML file, pinned to where it is.
///
/// Every error this module reports is one of these values: libxml2's own errors are
/// copied out of its callbacks, never printed by it.
public struct XMLDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// A place in a file. Lines and columns are 1-based.
    public struct Location: Sendable, Hashable {
        public var file: String
        public var line: Int
        public var column: Int

        public init(file: String, line: Int, column: Int) {
            self.file = file
            self.line = line
            self.column = column
        }
    }

    public var location: Location
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.location = Location(file: file, line: line, column: column)
        self.message = message
    }

    /// The compiler-style one-liner every command prints: `file:line:col: message`.
    public var description: String {
        "\(location.file):\(location.line):\(location.column): \(message)"
    }
}
