/// What an XPath 1.0 expression evaluated to.
public enum XPathValue: Sendable, Hashable {
    case boolean(Bool)
    case number(Double)
    case string(String)
    case nodes([XPathNode])

    /// XPath's own `boolean()` conversion.
    public var truthValue: Bool {
        switch self {
        case .boolean(let value): value
        case .number(let value): value != 0 && !value.isNaN
        case .string(let value): !value.isEmpty
        case .nodes(let nodes): !nodes.isEmpty
        }
    }
}
