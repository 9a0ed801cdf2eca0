extension ElementTable {
    /// Builds a table element by element, for a document of a known format that was never XML
    /// text (a survey read from a spreadsheet's rows): the same table a parse of the same
    /// document would give, without writing the text and parsing it again.
    ///
    /// Names are indices of the format's ``XMLVocabulary``; `line` is whatever place number the
    /// reader of the table expects (a line, or an index of the places it keeps itself).
    public struct Builder: Sendable {
        private var elements: [Element] = []
        private var attributes: [Attribute] = []
        private var utf8: [UInt8] = []
        /// Per open element: its index and its last child so far.
        private var open: [(index: Int, lastChild: Int)] = []

        public init() {
            elements.reserveCapacity(64)
            attributes.reserveCapacity(64)
            utf8.reserveCapacity(1024)
        }

        /// Opens an element, a child of the one open (the root when none is).
        public mutating func start(_ name: Int, line: Int) {
            let index = elements.count
            elements.append(Element(
                name: name, parent: open.last?.index ?? ElementTable.none, firstChild: ElementTable.none,
                nextSibling: ElementTable.none, line: line, attributes: attributes.count..<attributes.count, text: 0..<0))
            if let last = open.indices.last {
                ElementTable.link(index, toParent: open[last].index, lastChild: &open[last].lastChild, in: &elements)
            }
            open.append((index, ElementTable.none))
        }

        /// Adds an attribute to the open element (before any child of it is started).
        public mutating func attribute(_ name: Int, _ value: String) {
            guard let element = open.last?.index else { return }
            let start = utf8.count
            utf8.append(contentsOf: value.utf8)
            attributes.append(Attribute(name: name, value: start..<utf8.count))
            elements[element].attributes = elements[element].attributes.lowerBound..<attributes.count
        }

        /// Sets the open element's own text.
        public mutating func text(_ text: String) {
            guard let element = open.last?.index else { return }
            let start = utf8.count
            utf8.append(contentsOf: text.utf8)
            elements[element].text = start..<utf8.count
        }

        /// Closes the open element.
        public mutating func end() {
            _ = open.popLast()
        }

        /// The table built so far.
        public var table: ElementTable {
            ElementTable(elements: elements, attributes: attributes, utf8: utf8)
        }
    }

    /// Makes `child` the last child of `parent`, whose last child so far is `lastChild`: the
    /// one linking of a table built element by element, from a parse or from rows.
    @inline(__always)
    static func link(_ child: Int, toParent parent: Int, lastChild: inout Int, in elements: inout [Element]) {
        if lastChild == none {
            elements[parent].firstChild = child
        } else {
            elements[lastChild].nextSibling = child
        }
        lastChild = child
    }
}
