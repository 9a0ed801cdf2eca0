/// Diagnostics that together stopped an input from being used; what loaders throw.
public struct Diagnostics: Error, Sendable, Hashable {
    public var items: [Diagnostic]

    public init(_ items: [Diagnostic]) {
        self.items = items
    }

    public init(_ item: Diagnostic) {
        self.items = [item]
    }
}
