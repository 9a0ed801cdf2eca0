import Foundation

/// Something wuyou tells a user about one of their inputs — a survey, a checklist, a template
/// folder, a baseline, a workbook cell — or about an output it could not write.
///
/// A diagnostic holds no sentence: a stable ``code``, the ``arguments`` its message needs and
/// where it applies. The report layer words it in Chinese or English and prints it as
/// `file:line:col: message`, so every command, `audit.json` and the index say the same thing.
public struct Diagnostic: Error, Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        /// The input cannot be used (exit status 2).
        case error
        /// Worth a look; changes no status.
        case warning
    }

    /// Where a diagnostic applies: a file, and in it a line and column (1-based) or a
    /// spreadsheet cell such as `用房!C12`.
    public struct Location: Sendable, Hashable {
        public var file: String
        /// 1-based; nil when the diagnostic is about the file as a whole.
        public var line: Int?
        /// 1-based; nil when only the line is known.
        public var column: Int?
        /// A workbook cell as `SHEET!CELL`, for inputs that are spreadsheets.
        public var cell: String?

        public init(file: String, line: Int? = nil, column: Int? = nil, cell: String? = nil) {
            self.file = file
            self.line = line
            self.column = column
            self.cell = cell
        }
    }

    public var code: DiagnosticCode
    public var severity: Severity
    public var location: Location
    /// The values the message quotes, by the names its wording uses.
    public var arguments: [String: DiagnosticArgument]

    public init(
        _ code: DiagnosticCode, at location: Location, severity: Severity = .error,
        _ arguments: [String: DiagnosticArgument] = [:]
    ) {
        self.code = code
        self.severity = severity
        self.location = location
        self.arguments = arguments
    }

    public var isError: Bool { severity == .error }

    /// This diagnostic with every quoted piece of the input withheld, for a public site.
    public func withholdingQuotedText() -> Diagnostic {
        var copy = self
        copy.arguments = arguments.mapValues { argument in
            if case .quoted = argument { .withheld } else { argument }
        }
        return copy
    }
}
