/// One or more diagnostics that together stopped a document from being used.
public struct XMLDiagnostics: Error, Sendable, Hashable, CustomStringConvertible {
    public var items: [XMLDiagnostic]

    public init(_ items: [XMLDiagnostic]) {
        self.items = items
    }

    public var description: String {
        items.map(\.description).joined(separator: "\n")
    }
}
