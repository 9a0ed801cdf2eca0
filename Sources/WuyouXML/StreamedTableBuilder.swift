import CLibXML2

/// Builds an ``ElementTable`` from libxml2's SAX events while the schema validates the same
/// events (``XMLSchema/validTable(of:limits:vocabulary:)``): no tree is built, walked or freed.
///
/// It keeps what ``ElementTableBuilder`` takes from a tree, the same way: one namespace's
/// elements with everything inside others left out, unqualified attributes, an element's own
/// text and CDATA. It also notes whether the parse was clean; anything else means the
/// document is read again the usual way, for its diagnostics.
///
/// Its state is exempt from dynamic exclusivity checks (`@exclusivity(unchecked)`): one parse
/// on one thread calls it, one event at a time, and the checks cost as much as the work.
final class StreamedTableBuilder {
    private let vocabulary: XMLVocabulary
    private let validation: xmlSchemaValidCtxtPtr
    @exclusivity(unchecked) private var elements: [ElementTable.Element] = []
    @exclusivity(unchecked) private var attributes: [ElementTable.Attribute] = []
    @exclusivity(unchecked) private var utf8: [UInt8] = []
    @exclusivity(unchecked) private var elementNames = AddressTable()
    @exclusivity(unchecked) private var attributeNames = AddressTable()
    /// Per open element kept in the table: its index, its last child so far, and where its
    /// text starts in ``pendingText``.
    @exclusivity(unchecked) private var open: [(index: Int, lastChild: Int, textStart: Int)] = []
    /// The text of the open elements, outermost first: an element's own text is moved to
    /// ``utf8`` when it ends, so that it stays contiguous there and its children's text, moved
    /// out before, never splits it.
    @exclusivity(unchecked) private var pendingText: [UInt8] = []
    /// Open elements inside one left out (another namespace), itself included.
    @exclusivity(unchecked) private var skipped = 0
    /// The document ended with no parse error, namespace error or DOCTYPE.
    @exclusivity(unchecked) private(set) var clean = false
    @exclusivity(unchecked) private var refused = false

    init(vocabulary: XMLVocabulary, validation: xmlSchemaValidCtxtPtr, capacity: Int) {
        self.vocabulary = vocabulary
        self.validation = validation
        elements.reserveCapacity(128)
        attributes.reserveCapacity(256)
        utf8.reserveCapacity(capacity)
    }

    var table: ElementTable {
        ElementTable(elements: elements, attributes: attributes, utf8: utf8)
    }

    /// The parser the validation runs, while it runs.
    private var parser: xmlParserCtxtPtr? {
        xmlSchemaValidCtxtGetParserCtxt(validation)
    }

    fileprivate func startElement(
        _ localName: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?, count: Int,
        _ attributeFields: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        // An element of another namespace is left out with all inside it, in the namespace or not.
        guard skipped == 0, inNamespace(uri), let localName else {
            skipped += 1
            return
        }
        let parent = open.last?.index ?? ElementTable.none
        let index = elements.count
        let firstAttribute = attributes.count
        if let attributeFields {
            for field in stride(from: 0, to: 5 * count, by: 5) where attributeFields[field + 2] == nil {
                let start = utf8.count
                appendValue(from: attributeFields[field + 3], to: attributeFields[field + 4])
                let name = ElementTableBuilder.name(attributeFields[field], in: vocabulary.attributeIndex, cache: &attributeNames)
                attributes.append(ElementTable.Attribute(name: name, value: start..<utf8.count))
            }
        }
        // The line the tree builder gives the element's node (there, past 65535, kept aside).
        let line = parser.flatMap { $0.pointee.input.map { Int($0.pointee.line) } } ?? 0
        elements.append(ElementTable.Element(
            name: ElementTableBuilder.name(localName, in: vocabulary.elementIndex, cache: &elementNames), parent: parent,
            firstChild: ElementTable.none, nextSibling: ElementTable.none, line: line,
            attributes: firstAttribute..<attributes.count, text: 0..<0))
        if let last = open.indices.last {
            ElementTable.link(index, toParent: open[last].index, lastChild: &open[last].lastChild, in: &elements)
        }
        open.append((index, ElementTable.none, pendingText.count))
    }

    private func inNamespace(_ uri: UnsafePointer<xmlChar>?) -> Bool {
        guard let uri else { return false }
        let namespace = vocabulary.namespaceUTF8
        for (offset, byte) in namespace.enumerated() where uri[offset] != byte { return false }
        return uri[namespace.count] == 0
    }

    fileprivate func endElement() {
        guard skipped == 0 else {
            skipped -= 1
            return
        }
        guard let (index, _, textStart) = open.popLast() else { return }
        let start = utf8.count
        utf8.append(contentsOf: pendingText[textStart...])
        pendingText.removeLast(pendingText.count - textStart)
        elements[index].text = start..<utf8.count
    }

    fileprivate func characters(_ bytes: UnsafePointer<xmlChar>?, _ count: Int32) {
        guard skipped == 0, !open.isEmpty, let bytes, count > 0 else { return }
        pendingText.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(count)))
    }

    /// An attribute's value as SAX hands it over (``SAXAttributeValue``).
    private func appendValue(from start: UnsafePointer<xmlChar>?, to end: UnsafePointer<xmlChar>?) {
        guard let start, let end, end > start else { return }
        SAXAttributeValue.append(UnsafeBufferPointer(start: start, count: end - start), to: &utf8)
    }

    fileprivate func endDocument() {
        guard let parser, !refused else { return }
        clean = parser.pointee.wellFormed != 0 && parser.pointee.nsWellFormed != 0 && parser.pointee.errNo == 0
    }

    fileprivate func refuseDoctype() {
        refused = true
        if let parser { xmlStopParser(parser) }
    }

    // MARK: SAX

    /// A SAX2 handler whose events go to the builder behind `userData`.
    static func handler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { userData, localName, _, uri, _, _, count, _, fields in
            withBuilder(userData) { $0.startElement(localName, uri, count: Int(count), fields) }
        }
        handler.endElementNs = { userData, _, _, _ in withBuilder(userData) { $0.endElement() } }
        handler.characters = { userData, bytes, count in withBuilder(userData) { $0.characters(bytes, count) } }
        handler.ignorableWhitespace = handler.characters
        handler.cdataBlock = { userData, bytes, count in withBuilder(userData) { $0.characters(bytes, count) } }
        handler.endDocument = { userData in withBuilder(userData) { $0.endDocument() } }
        // As every parse here: a DOCTYPE stops it before its internal subset is read.
        handler.internalSubset = { userData, _, _, _ in withBuilder(userData) { $0.refuseDoctype() } }
        return handler
    }

}

/// Hands `body` the builder a SAX event's user data points to, without retaining it: the
/// parse that sends the events holds it (``XMLSchema/validTable(of:limits:vocabulary:)``),
/// and a retain and release per event showed in profiles.
private func withBuilder(_ userData: UnsafeMutableRawPointer?, _ body: (StreamedTableBuilder) -> Void) {
    Unmanaged<StreamedTableBuilder>.fromOpaque(userData!)._withUnsafeGuaranteedRef(body)
}
