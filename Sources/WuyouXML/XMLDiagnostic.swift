/// A problem libxml2 (or this layer around it) found in an XML document, pinned to where it is.
///
/// Every error this module reports is one of these values: libxml2's own errors are copied out
/// of its callbacks, never printed by it. ``message`` is libxml2's English text; the layers
/// above word the common cases for people, using ``reason``, ``code`` and the names below.
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

    /// What kind of problem it is.
    public enum Reason: Sendable, Hashable {
        /// No document at all: empty, or only whitespace.
        case empty
        /// A DOCTYPE, refused before its internal subset is read.
        case doctype
        /// The bytes are not a well-formed XML document.
        case notWellFormed
        /// The document does not match the schema.
        case schema
        /// An XPath expression does not compile or evaluate.
        case xpath
        /// libxml2 could not allocate what it needed.
        case resource
        /// More elements in the document than ``XMLLimits/elements``.
        case tooManyElements(limit: Int)
        /// More attributes on one element than ``XMLLimits/attributesPerElement``.
        case tooManyAttributes(count: Int, limit: Int)
        /// An encoding wuyou does not read (not in ``SourceEncoding/accepted``), as the
        /// declaration names it or as the first bytes show it (`EBCDIC`, `UCS-4`, `UTF-32`).
        case unsupportedEncoding(String)
        /// A declaration naming another encoding than the bytes are in: `bytes` as the
        /// byte-order mark or the first bytes show it, `declared` as written.
        case conflictingEncoding(bytes: String, declared: String)
    }

    public var reason: Reason
    public var location: Location
    public var message: String
    /// libxml2's error code (`xmlParserErrors`), when libxml2 raised the error.
    public var code: Int?
    /// The element the error is about (its local name), when libxml2 names one.
    public var element: String?
    /// The parser stopped on the document's last line: the file most likely ends too early.
    public var atEndOfInput = false

    public init(
        _ reason: Reason, file: String, line: Int, column: Int, message: String, code: Int? = nil,
        element: String? = nil
    ) {
        self.reason = reason
        self.location = Location(file: file, line: line, column: column)
        self.message = message
        self.code = code
        self.element = element
    }

    /// The compiler-style one-liner, for logs and test failures: `file:line:col: message`.
    public var description: String {
        "\(location.file):\(location.line):\(location.column): \(message)"
    }
}
