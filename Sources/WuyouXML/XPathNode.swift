/// A node selected by an XPath expression: enough to cite it in a report.
public struct XPathNode: Sendable, Hashable {
    public var name: String
    /// 1-based source line; for an attribute, its element's line.
    public var line: Int
    public var text: String
}
