import WuyouXML

/// A rule as its checklist wrote it: the kind and parameters, for `checklist show` and
/// `checklist diff` to print and compare without interpreting them.
public struct RuleSource: Sendable, Hashable {
    public struct Parameter: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    public var kind: String
    /// In document order.
    public var parameters: [Parameter]
    /// The rules inside an `all-of`.
    public var children: [RuleSource]

    init(_ element: SourceElement) {
        kind = element.attribute("kind") ?? ""
        parameters = element.children(named: "param", in: ChecklistReader.namespace).map {
            Parameter(name: $0.attribute("name") ?? "", value: $0.attribute("value") ?? "")
        }
        children = element.children(named: "rule", in: ChecklistReader.namespace).map(RuleSource.init)
    }

    /// `kind(name=value, …)`, children inside the parentheses of an `all-of`.
    public var description: String {
        let inner = parameters.map { "\($0.name)=\($0.value)" } + children.map(\.description)
        return "\(kind)(\(inner.joined(separator: ", ")))"
    }
}
