/// The elements of one namespace in a document, flat and in document order, with names
/// resolved to indices of an ``XMLVocabulary`` and every value kept as UTF-8 in one buffer.
///
/// Made for reading thousands of documents of one known format: no `String` is made until
/// the reader asks for one, and names are compared as integers. Elements of other namespaces
/// are left out with everything inside them, as are attributes in a namespace; an element's
/// text is its own text and CDATA, without its children's.
public struct ElementTable: Sendable {
    /// No element: the root's parent, a leaf's first child, a last child's next sibling.
    public static let none = -1

    public struct Element: Sendable {
        /// Index in the vocabulary's ``XMLVocabulary/elements``, or ``ElementTable/none`` for a
        /// name it does not hold.
        public var name: Int
        public var parent: Int
        public var firstChild: Int
        public var nextSibling: Int
        /// 1-based line of the start tag.
        public var line: Int
        /// Its unqualified attributes, in ``ElementTable/attributes``.
        public var attributes: Range<Int>
        /// Its own text, in ``ElementTable/utf8``.
        public var text: Range<Int>
    }

    public struct Attribute: Sendable {
        /// Index in the vocabulary's ``XMLVocabulary/attributes``, or ``ElementTable/none``.
        public var name: Int
        /// The value, in ``ElementTable/utf8``.
        public var value: Range<Int>
    }

    /// Element 0 is the root; empty when the root is in another namespace.
    public let elements: [Element]
    public let attributes: [Attribute]
    /// Every attribute value and text, one after another.
    public let utf8: [UInt8]

    init(elements: [Element], attributes: [Attribute], utf8: [UInt8]) {
        self.elements = elements
        self.attributes = attributes
        self.utf8 = utf8
    }

    /// The text at `range` of ``utf8``.
    public func string(_ range: Range<Int>) -> String {
        utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// Where the value of attribute `name` (a vocabulary index) of element `element` lies, or
    /// nil when the element has no such attribute.
    public func attribute(_ name: Int, of element: Int) -> Range<Int>? {
        for index in elements[element].attributes where attributes[index].name == name {
            return attributes[index].value
        }
        return nil
    }

    /// The children of `element`, in document order.
    public func children(of element: Int) -> Children {
        Children(elements: elements, first: elements[element].firstChild)
    }

    /// The children of an element, following sibling links.
    public struct Children: Sequence {
        // Only the elements: a copy of the whole table retained each of its arrays, for every
        // loop over children.
        let elements: [Element]
        let first: Int

        public func makeIterator() -> Iterator {
            Iterator(elements: elements, upcoming: first)
        }

        public struct Iterator: IteratorProtocol {
            let elements: [Element]
            var upcoming: Int

            public mutating func next() -> Int? {
                guard upcoming != ElementTable.none else { return nil }
                defer { upcoming = elements[upcoming].nextSibling }
                return upcoming
            }
        }
    }
}
