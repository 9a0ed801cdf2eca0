import Foundation
import WuyouXML

/// A file an audit had to leave out, and why.
public struct AuditError: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Unreadable, not well-formed or not valid; the message is libxml2's or the loader's.
        case invalid(message: String)
        /// Another file, earlier in path order, has the same survey id.
        case duplicateID(id: String, firstPath: String)
    }

    public var path: String
    /// 1-based.
    public var line: Int
    /// 1-based.
    public var column: Int
    public var kind: Kind

    public init(path: String, line: Int, column: Int, kind: Kind) {
        self.path = path
        self.line = line
        self.column = column
        self.kind = kind
    }

    public init(diagnostic: XMLDiagnostic) {
        self.init(path: diagnostic.location.file, line: diagnostic.location.line, column: diagnostic.location.column,
                  kind: .invalid(message: diagnostic.message))
    }
}
