/// An element as it stood in the source file: names, attributes, direct text and the
/// 1-based line of its start tag.
///
/// Built once from libxml2's tree so that nothing above this module holds a C pointer.
public struct SourceElement: Sendable, Hashable {
    public struct Attribute: Sendable, Hashable {
        public var name: String
        public var namespace: String?
        public var value: String
    }

    public var name: String
    public var namespace: String?
    public var attributes: [Attribute]
    public var children: [SourceElement]
    /// The element's own text and CDATA, concatenated, without its children's text.
    public var text: String
    public var line: Int

    public init(
        name: String, namespace: String?, attributes: [Attribute] = [],
        children: [SourceElement] = [], text: String = "", line: Int
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.text = text
        self.line = line
    }

    /// The value of the unqualified attribute `name`, or nil when it is absent.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name && $0.namespace == nil }?.value
    }

    /// The child elements called `name` in `namespace`, in document order.
    public func children(named name: String, in namespace: String?) -> [SourceElement] {
        children.filter { $0.name == name && $0.namespace == namespace }
    }

    /// The first child element called `name` in `namespace`.
    public func child(named name: String, in namespace: String?) -> SourceElement? {
        children.first { $0.name == name && $0.namespace == namespace }
    }
}
