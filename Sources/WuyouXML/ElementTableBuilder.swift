import CLibXML2

/// Walks libxml2's tree once and copies one namespace's elements into an ``ElementTable``.
struct ElementTableBuilder {
    private let vocabulary: XMLVocabulary
    private var elements: [ElementTable.Element] = []
    private var attributes: [ElementTable.Attribute] = []
    private var utf8: [UInt8] = []
    /// libxml2 keeps each name of a document once (its dictionary), so a name's index is
    /// looked up by bytes once and then found by address.
    private var elementNames = AddressTable()
    private var attributeNames = AddressTable()
    private var namespaces = AddressTable()

    init(vocabulary: XMLVocabulary, capacity: Int) {
        self.vocabulary = vocabulary
        elements.reserveCapacity(128)
        attributes.reserveCapacity(256)
        utf8.reserveCapacity(capacity)
    }

    static func table(of root: xmlNodePtr?, vocabulary: XMLVocabulary, capacity: Int) -> ElementTable {
        var builder = ElementTableBuilder(vocabulary: vocabulary, capacity: capacity)
        if let root, builder.inNamespace(root) {
            _ = builder.add(root, parent: ElementTable.none)
        }
        return ElementTable(elements: builder.elements, attributes: builder.attributes, utf8: builder.utf8)
    }

    /// Adds `node` and, depth first, its children in the namespace; returns its index.
    private mutating func add(_ node: xmlNodePtr, parent: Int) -> Int {
        let index = elements.count
        let line = node.pointee.line < 65535 ? Int(node.pointee.line) : LibXML2.line(of: node)
        let firstAttribute = attributes.count
        var attribute = node.pointee.properties
        while let current = attribute {
            if current.pointee.ns == nil {
                let start = utf8.count
                appendValue(of: current)
                let name = Self.name(current.pointee.name, in: vocabulary.attributeIndex, cache: &attributeNames)
                attributes.append(ElementTable.Attribute(name: name, value: start..<utf8.count))
            }
            attribute = current.pointee.next
        }
        // Text first, in one run, so that it stays contiguous before the children's.
        let textStart = utf8.count
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE {
                appendCString(current.pointee.content)
            }
            child = current.pointee.next
        }
        elements.append(ElementTable.Element(
            name: Self.name(node.pointee.name, in: vocabulary.elementIndex, cache: &elementNames), parent: parent,
            firstChild: ElementTable.none, nextSibling: ElementTable.none, line: line,
            attributes: firstAttribute..<attributes.count, text: textStart..<utf8.count))
        var previous = ElementTable.none
        child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, inNamespace(current) {
                let added = add(current, parent: index)
                if previous == ElementTable.none {
                    elements[index].firstChild = added
                } else {
                    elements[previous].nextSibling = added
                }
                previous = added
            }
            child = current.pointee.next
        }
        return index
    }

    private mutating func inNamespace(_ node: xmlNodePtr) -> Bool {
        guard let namespace = node.pointee.ns else { return false }
        let address = UnsafeRawPointer(namespace)
        if let known = namespaces.value(for: address) { return known == 1 }
        let href = namespace.pointee.href.map { UnsafeBufferPointer(start: $0, count: Int(xmlStrlen($0))) }
        let matches = href.map { $0.elementsEqual(vocabulary.namespaceUTF8) } ?? false
        namespaces.insert(matches ? 1 : 0, for: address)
        return matches
    }

    /// The index of the name at `pointer` (a libxml2 dictionary string), found by its address
    /// in `cache` or else by its bytes.
    static func name(_ pointer: UnsafePointer<xmlChar>?, in index: NameIndex, cache: inout AddressTable) -> Int {
        guard let pointer else { return ElementTable.none }
        let address = UnsafeRawPointer(pointer)
        if let known = cache.value(for: address) { return known }
        let found = index.position(of: UnsafeBufferPointer(start: pointer, count: Int(xmlStrlen(pointer))))
        cache.insert(found, for: address)
        return found
    }

    /// Appends an attribute's value: the text of its one text node, as libxml2 builds it for
    /// every attribute it parses, or else its content put together.
    private mutating func appendValue(of attribute: xmlAttrPtr) {
        if let text = attribute.pointee.children, text.pointee.type == XML_TEXT_NODE, text.pointee.next == nil {
            appendCString(text.pointee.content)
            return
        }
        // xmlNodeGetContent takes any node kind through its common header, as C callers cast.
        guard let content = xmlNodeGetContent(UnsafeMutablePointer<xmlNode>(OpaquePointer(attribute))) else { return }
        defer { wuyou_xmlFree(content) }
        appendCString(content)
    }

    private mutating func appendCString(_ pointer: UnsafePointer<xmlChar>?) {
        guard let pointer else { return }
        let count = Int(xmlStrlen(pointer))
        utf8.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count))
    }
}

/// A small open-addressing table from addresses to integers.
struct AddressTable {
    private static let size = 128
    private var keys = [UInt](repeating: 0, count: size)
    private var values = [Int](repeating: 0, count: size)
    private var count = 0

    private static func slot(_ key: UInt) -> Int { Int(truncatingIfNeeded: (key ^ key >> 7) & UInt(size - 1)) }

    func value(for address: UnsafeRawPointer) -> Int? {
        let key = UInt(bitPattern: address)
        var slot = Self.slot(key)
        while keys[slot] != 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & (Self.size - 1)
        }
        return nil
    }

    mutating func insert(_ value: Int, for address: UnsafeRawPointer) {
        // A full table forgets what it held; lookups then go by bytes again.
        if count >= Self.size * 3 / 4 {
            keys = [UInt](repeating: 0, count: Self.size)
            count = 0
        }
        let key = UInt(bitPattern: address)
        var slot = Self.slot(key)
        while keys[slot] != 0, keys[slot] != key { slot = (slot + 1) & (Self.size - 1) }
        if keys[slot] == 0 { count += 1 }
        keys[slot] = key
        values[slot] = value
    }
}
