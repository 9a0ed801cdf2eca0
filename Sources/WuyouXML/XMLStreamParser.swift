import CLibXML2
import Foundation

/// What an ``XMLStreamParser`` reports as it reads: element by element, in document order.
public protocol XMLStreamHandler: AnyObject {
    /// An element starts.
    ///
    /// - Parameters:
    ///   - name: The index of its local name in the parser's element names, whatever its
    ///     namespace; -1 for any other name.
    ///   - attributes: Its unqualified attributes among the parser's attribute names; valid
    ///     during this call only.
    func startElement(_ name: Int, attributes: XMLStreamAttributes)
    /// An element ends, with its own text (its character data and CDATA sections, without its
    /// children's) when the parser keeps the text of elements of its name, else `""`.
    func endElement(_ name: Int, text: String)
}

/// The attributes of the element an ``XMLStreamHandler`` is told of, by the index of their
/// names in the parser's attribute names. Read during the call that hands them over: they
/// are libxml2's own buffers, which the next event reuses.
public struct XMLStreamAttributes {
    fileprivate let values: UnsafeMutableBufferPointer<(start: UnsafePointer<UInt8>?, end: UnsafePointer<UInt8>?)>

    /// Whether the element has the attribute.
    public func has(_ name: Int) -> Bool {
        values[name].start != nil
    }

    /// The attribute's value, or nil when the element has none.
    public func string(_ name: Int) -> String? {
        guard let start = values[name].start, let end = values[name].end else { return nil }
        return XMLStreamParser.value(from: start, to: end)
    }

    /// The attribute's value as a whole number (digits only, spaces around them allowed); nil
    /// when the element has none, and -1 when it is not one.
    public func integer(_ name: Int) -> Int? {
        guard let start = values[name].start, let end = values[name].end else { return nil }
        var value = 0
        var digits = 0
        for byte in UnsafeBufferPointer(start: start, count: end - start) {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 18 else { return -1 }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                continue
            default:
                return -1
            }
        }
        return digits == 0 ? -1 : value
    }

    /// Calls `body` with the value's UTF-8 bytes (`&` written `&#38;` as libxml2 hands it over
    /// is not undone: for values that hold none, such as cell references); nil when the
    /// element has no such attribute.
    public func withBytes<Result>(_ name: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard let start = values[name].start, let end = values[name].end else { return nil }
        return body(UnsafeBufferPointer(start: start, count: end - start))
    }
}

/// Parses an XML document handed over in pieces — as a zip entry inflates — and reports its
/// elements to a handler as they are read; no tree is built, and only the open elements' text
/// is held.
///
/// As safe as ``ParsedDocument``: only the encodings it reads are read (``SourceEncoding``), a DOCTYPE stops the parse before its internal subset is read,
/// nothing is fetched, entities are never substituted, libxml2's own limits stay on, and
/// ``XMLLimits`` hold while reading: elements are counted as they start, and each piece is
/// scanned for start tags with too many attributes before libxml2 sees it (``StreamScan``).
/// Not `Sendable`: one task feeds one parser.
///
/// Its state is exempt from dynamic exclusivity checks (`@exclusivity(unchecked)`): one parse on
/// one thread calls it, one event at a time, and the checks cost as much as the work.
public final class XMLStreamParser {
    private let path: String
    private let limits: XMLLimits
    private let elementNames: NameIndex
    private let attributeNames: NameIndex
    /// Per element name: whether its text is kept.
    private let keepsText: [Bool]
    @exclusivity(unchecked) private var context: xmlParserCtxtPtr?
    @exclusivity(unchecked) private var scan: StreamScan
    /// The document's first bytes, until its encoding is decided.
    @exclusivity(unchecked) private var head: [UInt8] = []
    /// How pieces are scanned, once the encoding is decided.
    @exclusivity(unchecked) private var scanInput: StreamScanInput?
    /// The handler of the ``feed(_:to:)`` under way.
    @exclusivity(unchecked) private var handler: (any XMLStreamHandler)?
    private let attributeValues: UnsafeMutableBufferPointer<(start: UnsafePointer<UInt8>?, end: UnsafePointer<UInt8>?)>
    @exclusivity(unchecked) private var elementsByAddress = AddressTable()
    @exclusivity(unchecked) private var attributesByAddress = AddressTable()
    /// Per open element: its name, and where its text starts in ``text`` (-1 when not kept).
    @exclusivity(unchecked) private var open: [(name: Int, textStart: Int)] = []
    @exclusivity(unchecked) private var text: [UInt8] = []
    @exclusivity(unchecked) private var elements = 0
    /// The root element's local name, once it has started: for a message saying the document
    /// is not the kind expected.
    public private(set) var rootName: String?
    /// The first problem: libxml2's first error, a refused DOCTYPE, or a limit passed.
    @exclusivity(unchecked) private var failure: XMLDiagnostic?
    @exclusivity(unchecked) private var failed = false
    @exclusivity(unchecked) private var finished = false

    /// - Parameters:
    ///   - path: What diagnostics call the document.
    ///   - elements: The element names the handler tells apart (local names).
    ///   - attributes: The unqualified attribute names whose values it wants.
    ///   - textOf: The element names whose text it wants.
    ///   - limits: Bounds held while reading.
    public init(path: String, elements: [String], attributes: [String], textOf: [String], limits: XMLLimits) {
        LibXML2.ensureInitialised()
        self.path = path
        self.limits = limits
        elementNames = NameIndex(elements)
        attributeNames = NameIndex(attributes)
        keepsText = elements.map(textOf.contains)
        attributeValues = .allocate(capacity: max(1, attributes.count))
        attributeValues.initialize(repeating: (nil, nil))
        scan = StreamScan(attributesPerElement: limits.attributesPerElement)
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
        attributeValues.deallocate()
    }

    /// Reads the next piece of the document, reporting to `handler` the elements it completes.
    ///
    /// The first bytes are held until the XML declaration is read: they decide the encoding
    /// (``SourceEncoding``), which must be one wuyou reads, and the parse is held to it.
    ///
    /// - Throws: ``XMLDiagnostics`` with one diagnostic when the document so far is not well
    ///   formed, is in an encoding wuyou does not read, declares a DTD or goes beyond the
    ///   limits; the parser is then done.
    public func feed(_ bytes: UnsafeBufferPointer<UInt8>, to handler: any XMLStreamHandler) throws(XMLDiagnostics) {
        if let failure { throw XMLDiagnostics([failure]) }
        guard !bytes.isEmpty else { return }
        guard scanInput != nil else {
            head.append(contentsOf: bytes)
            // The declaration ends at the first `>`, a byte 0x3E in every encoding read.
            guard head.count >= Self.declarationWindow || head.count >= 4 && head.contains(UInt8(ascii: ">")) else { return }
            try start(to: handler, isLast: false)
            return
        }
        try consume(bytes, isLast: false, to: handler)
    }

    /// How many first bytes at most are held to find the encoding. Whatever a longer
    /// declaration names is ignored, by the scan and by libxml2 alike (`XML_PARSE_IGNORE_ENC`).
    private static let declarationWindow = 4096

    /// Decides the encoding from the bytes held, and reads them.
    private func start(to handler: any XMLStreamHandler, isLast: Bool) throws(XMLDiagnostics) {
        do {
            scanInput = StreamScanInput(try ParsedDocument.encoding(of: head, path: path))
        } catch {
            fail(error.items[0])
            throw error
        }
        let held = head
        head = []
        try held.withUnsafeBufferPointer { buffer throws(XMLDiagnostics) in try consume(buffer, isLast: isLast, to: handler) }
    }

    /// Scans a piece for start tags with too many attributes, then has libxml2 parse it.
    private func consume(_ bytes: UnsafeBufferPointer<UInt8>, isLast: Bool, to handler: any XMLStreamHandler) throws(XMLDiagnostics) {
        guard !bytes.isEmpty else { return }
        let excess: Int?
        if scanInput!.isIdentity {
            excess = scan.scan(bytes)
        } else {
            let scanned = scanInput!.scanned(bytes, isLast: isLast)
            excess = scanned.withUnsafeBufferPointer { scan.scan($0) }
        }
        if let count = excess {
            let (line, column) = position
            fail(XMLDiagnostic(
                .tooManyAttributes(count: count, limit: limits.attributesPerElement), file: path, line: line, column: column,
                message: "\(count) attributes on one element, more than \(limits.attributesPerElement)"))
            throw XMLDiagnostics([failure!])
        }
        var start = bytes.baseAddress!
        var rest = bytes.count
        // libxml2 takes an Int32 size: a piece is fed in parts no larger than that.
        while rest > 0 {
            let size = min(rest, 1 << 30)
            try parse(start, size, terminate: false, handler)
            start += size
            rest -= size
        }
    }

    /// Ends the document.
    ///
    /// - Throws: ``XMLDiagnostics`` when it is empty, ends too early or is otherwise not well formed.
    public func finish(to handler: any XMLStreamHandler) throws(XMLDiagnostics) {
        if let failure { throw XMLDiagnostics([failure]) }
        guard !finished else { return }
        finished = true
        if scanInput == nil, !head.isEmpty { try start(to: handler, isLast: true) }
        guard context != nil else {
            throw XMLDiagnostics([XMLDiagnostic(.empty, file: path, line: 1, column: 1, message: "the file is empty: expected an XML document")])
        }
        try parse(nil, 0, terminate: true, handler)
        if let context, context.pointee.wellFormed == 0 || open.count > 0 {
            fail(XMLDiagnostic(.notWellFormed, file: path, line: position.line, column: position.column,
                               message: "the document is not well formed"))
            throw XMLDiagnostics([failure!])
        }
    }

    private func parse(_ bytes: UnsafePointer<UInt8>?, _ count: Int, terminate: Bool, _ handler: any XMLStreamHandler) throws(XMLDiagnostics) {
        // Per thread: a parser may be fed on another thread than the one that made it.
        LibXML2.ensureInitialised()
        self.handler = handler
        defer { self.handler = nil }
        let user = Unmanaged.passUnretained(self).toOpaque()
        if context == nil {
            var sax = Self.handler()
            context = xmlCreatePushParserCtxt(&sax, user, nil, 0, path)
            guard let context else {
                fail(XMLDiagnostic(.resource, file: path, line: 1, column: 1, message: "cannot create an XML parser"))
                throw XMLDiagnostics([failure!])
            }
            // The encoding the scan reads, and no other: the declaration cannot switch it.
            if let name = scanInput?.encoding.parserName, let encoder = xmlFindCharEncodingHandler(name) {
                _ = xmlSwitchToEncoding(context, encoder)
            }
            _ = xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_IGNORE_ENC.rawValue))
        }
        withExtendedLifetime(self) {
            if let bytes {
                bytes.withMemoryRebound(to: CChar.self, capacity: count) { chars in
                    _ = xmlParseChunk(context, chars, Int32(count), terminate ? 1 : 0)
                }
            } else {
                _ = xmlParseChunk(context, nil, 0, terminate ? 1 : 0)
            }
        }
        if let failure { throw XMLDiagnostics([failure]) }
    }

    /// Where the parser is (1-based).
    private var position: (line: Int, column: Int) {
        guard let input = context?.pointee.input?.pointee else { return (1, 1) }
        return (max(1, Int(input.line)), max(1, Int(input.col)))
    }

    private func fail(_ diagnostic: XMLDiagnostic) {
        guard !failed else { return }
        failed = true
        failure = diagnostic
        if let context { xmlStopParser(context) }
    }

    // MARK: Events

    fileprivate func startElement(
        _ localName: UnsafePointer<xmlChar>?, count: Int, _ fields: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard !failed else { return }
        elements += 1
        if elements > limits.elements {
            let (line, column) = position
            fail(XMLDiagnostic(.tooManyElements(limit: limits.elements), file: path, line: line, column: column,
                               message: "more than \(limits.elements) elements"))
            return
        }
        if elements == 1, let localName { rootName = String(cString: localName) }
        // libxml2 keeps one copy of each name in its dictionary: names are looked up once, by address.
        let name = ElementTableBuilder.name(localName, in: elementNames, cache: &elementsByAddress)
        for index in attributeValues.indices { attributeValues[index] = (nil, nil) }
        if let fields {
            for field in stride(from: 0, to: 5 * count, by: 5) where fields[field + 2] == nil {
                guard let attributeName = fields[field] else { continue }
                let index = ElementTableBuilder.name(attributeName, in: attributeNames, cache: &attributesByAddress)
                guard index >= 0 else { continue }
                attributeValues[index] = (fields[field + 3], fields[field + 4])
            }
        }
        open.append((name, name >= 0 && keepsText[name] ? text.count : -1))
        handler?.startElement(name, attributes: XMLStreamAttributes(values: attributeValues))
    }

    fileprivate func endElement() {
        guard !failed, let (name, start) = open.popLast() else { return }
        var own = ""
        if start >= 0 {
            own = text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start...]), as: UTF8.self) }
            text.removeSubrange(start...)
        }
        handler?.endElement(name, text: own)
    }

    fileprivate func characters(_ bytes: UnsafePointer<xmlChar>?, _ count: Int32) {
        guard let last = open.last, last.textStart >= 0, let bytes, count > 0 else { return }
        text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(count)))
    }

    fileprivate func refuseDoctype() {
        let (line, column) = position
        fail(XMLDiagnostic(.doctype, file: path, line: line, column: column,
                           message: "a DOCTYPE is not allowed: the document must not declare a DTD or entities"))
    }

    fileprivate func record(_ error: xmlErrorPtr) {
        let error = error.pointee
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue, !failed else { return }
        let message = error.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "not well formed"
        let reason: XMLDiagnostic.Reason = error.code == Int32(XML_ERR_DOCUMENT_EMPTY.rawValue) ? .empty : .notWellFormed
        fail(XMLDiagnostic(reason, file: path, line: max(1, Int(error.line)), column: max(1, Int(error.int2)),
                           message: message, code: Int(error.code)))
    }

    /// An attribute's value as SAX hands it over (``SAXAttributeValue``).
    fileprivate static func value(from start: UnsafePointer<xmlChar>, to end: UnsafePointer<xmlChar>) -> String {
        guard end > start else { return "" }
        let value = UnsafeBufferPointer(start: start, count: end - start)
        guard value.contains(UInt8(ascii: "&")) else { return String(decoding: value, as: UTF8.self) }
        var bytes: [UInt8] = []
        SAXAttributeValue.append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: SAX

    private static func handler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { user, localName, _, _, _, _, count, _, fields in
            withParser(user) { $0.startElement(localName, count: Int(count), fields) }
        }
        handler.endElementNs = { user, _, _, _ in withParser(user) { $0.endElement() } }
        handler.characters = { user, bytes, count in withParser(user) { $0.characters(bytes, count) } }
        handler.ignorableWhitespace = handler.characters
        handler.cdataBlock = { user, bytes, count in withParser(user) { $0.characters(bytes, count) } }
        // Called at `<!DOCTYPE`, before the internal subset is parsed: nothing in it is ever read.
        handler.internalSubset = { user, _, _, _ in withParser(user) { $0.refuseDoctype() } }
        handler.serror = { user, error in
            guard let error else { return }
            withParser(user) { $0.record(error) }
        }
        return handler
    }
}

/// The parser behind a SAX event's user data, without a retain: ``XMLStreamParser/feed(_:to:)``
/// holds it for the whole parse.
private func withParser(_ user: UnsafeMutableRawPointer?, _ body: (XMLStreamParser) -> Void) {
    guard let user else { return }
    Unmanaged<XMLStreamParser>.fromOpaque(user)._withUnsafeGuaranteedRef(body)
}
