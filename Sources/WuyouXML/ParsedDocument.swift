import CLibXML2
import Foundation

/// A well-formed XML document, parsed safely from untrusted bytes.
///
/// Safe by construction: entities are never substituted, no DTD is loaded, nothing is
/// fetched (`XML_PARSE_NONET` plus a deny-all entity loader), and any document with a
/// DOCTYPE is rejected before its internal subset is even read. libxml2's depth and
/// amplification limits stay on because `XML_PARSE_HUGE` is never set.
///
/// The libxml2 tree is owned here and freed in `deinit`; callers see ``root`` as Swift
/// values. Not `Sendable`: one task parses, queries and drops a document.
public final class ParsedDocument {
    /// Files bigger than this are refused unread: a survey is a few kilobytes.
    public static let defaultByteLimit = 8 << 20

    public let path: String
    public let root: SourceElement
    let pointer: xmlDocPtr
    private let bytes: [UInt8]

    private init(pointer: xmlDocPtr, path: String, bytes: [UInt8]) {
        self.pointer = pointer
        self.path = path
        self.bytes = bytes
        self.root = SourceTreeBuilder.element(from: xmlDocGetRootElement(pointer))
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// Reads and parses the file at `path`.
    ///
    /// - Parameters:
    ///   - path: The file to read; also the name every diagnostic carries.
    ///   - byteLimit: Files larger than this are refused.
    /// - Returns: The parsed document.
    /// - Throws: ``XMLDiagnostics`` when the file cannot be read or is not well-formed.
    public static func parse(fileAt path: String, byteLimit: Int = defaultByteLimit) throws(XMLDiagnostics) -> ParsedDocument {
        let bytes = try readBytes(at: path, byteLimit: byteLimit)
        return try parse(bytes: bytes, path: path)
    }

    /// Parses `bytes`, naming them `path` in diagnostics.
    ///
    /// The encoding is taken from the XML declaration or byte-order mark (UTF-8, UTF-16,
    /// GB18030, GBK… whatever libxml2's iconv knows).
    public static func parse(bytes: [UInt8], path: String) throws(XMLDiagnostics) -> ParsedDocument {
        LibXML2.ensureInitialised()
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw XMLDiagnostics([XMLDiagnostic(file: path, line: 1, column: 1, message: "the file is empty: expected an XML document")])
        }
        guard bytes.count <= Int(Int32.max), let context = xmlNewParserCtxt() else {
            throw XMLDiagnostics([XMLDiagnostic(file: path, line: 1, column: 1, message: "cannot create an XML parser")])
        }
        defer { xmlFreeParserCtxt(context) }

        let collector = ErrorCollector(file: path)
        let document: xmlDocPtr? = collector.withUserData { userData in
            context.pointee._private = userData
            context.pointee.sax.pointee.serror = parserErrorHandler
            context.pointee.sax.pointee.internalSubset = rejectDoctype
            context.pointee.sax.pointee.startElementNs = startElementKeepingBigLine
            let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
            return bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                    xmlCtxtReadMemory(context, base, Int32(buffer.count), path, nil, options)
                }
            }
        }
        let wellFormed = context.pointee.wellFormed != 0
        guard let document, wellFormed, collector.diagnostics.isEmpty, xmlDocGetRootElement(document) != nil else {
            if let document { xmlFreeDoc(document) }
            var diagnostics = collector.diagnostics.map { diagnostic in
                // The parser reports where it stopped, after the DOCTYPE's identifiers; cite its start.
                guard diagnostic.message == doctypeMessage,
                      let column = SourceColumns.column(ofTagNamed: "!DOCTYPE", onLine: diagnostic.location.line, in: bytes)
                else { return diagnostic }
                var moved = diagnostic
                moved.location.column = column
                return moved
            }
            if diagnostics.isEmpty {
                diagnostics.append(XMLDiagnostic(file: path, line: 1, column: 1, message: "not a well-formed XML document"))
            }
            throw XMLDiagnostics([oneLine(diagnostics)])
        }
        return ParsedDocument(pointer: document, path: path, bytes: bytes)
    }

    /// A file that is not well-formed gets one line: libxml2 follows its first error with
    /// consequences of it ("Couldn't find end of Start Tag" after "attributes construct
    /// error"), so they are joined, at the first error's place, up to three of them.
    private static func oneLine(_ diagnostics: [XMLDiagnostic]) -> XMLDiagnostic {
        var messages: [String] = []
        for diagnostic in diagnostics where !messages.contains(diagnostic.message) && messages.count < 3 {
            messages.append(diagnostic.message)
        }
        var first = diagnostics[0]
        first.message = messages.joined(separator: "; ")
        return first
    }

    /// Reads a regular file (symbolic links followed) of at most `byteLimit` bytes.
    ///
    /// The file is opened without blocking and checked through the open descriptor, so a FIFO
    /// or device, even one swapped in after a check, can neither hang nor stream forever.
    private static func readBytes(at path: String, byteLimit: Int) throws(XMLDiagnostics) -> [UInt8] {
        func failure(_ message: String) -> XMLDiagnostics {
            XMLDiagnostics([XMLDiagnostic(file: path, line: 1, column: 1, message: message)])
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw failure("cannot read the file: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw failure("cannot read the file: \(String(cString: strerror(errno)))")
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw failure("cannot read the file: it is a directory")
        default: throw failure("cannot read the file: not a regular file")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= byteLimit {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("cannot read the file: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        guard bytes.count <= byteLimit else {
            throw failure("the file is larger than \(byteLimit) bytes; a survey is never that big")
        }
        return bytes
    }

    /// The bytes the document was parsed from, e.g. to fingerprint a checklist.
    public var sourceBytes: [UInt8] { bytes }

    /// The 1-based column of the start tag `<name` on `line`, or 1 when it cannot be found.
    ///
    /// libxml2 keeps no columns for nodes; this recovers one for diagnostics raised after parsing.
    public func column(ofStartTag name: String, line: Int) -> Int {
        SourceColumns.column(ofTagNamed: name, onLine: line, in: bytes) ?? 1
    }

    /// Validates the document against `schema`.
    ///
    /// - Returns: One diagnostic per schema error, in document order; empty when valid.
    public func validate(against schema: XMLSchema) -> [XMLDiagnostic] {
        LibXML2.ensureInitialised()
        guard let context = xmlSchemaNewValidCtxt(schema.pointer) else {
            return [XMLDiagnostic(file: path, line: 1, column: 1, message: "cannot create a schema validator")]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = ErrorCollector(file: path)
        collector.columnForError = { [bytes] line, node in
            SourceColumns.column(ofTagOf: node, onLine: line, in: bytes)
        }
        let result = collector.withUserData { userData in
            xmlSchemaSetValidStructuredErrors(context, ErrorCollector.structuredHandler, userData)
            return xmlSchemaValidateDoc(context, pointer)
        }
        if result != 0 && collector.diagnostics.isEmpty {
            return [XMLDiagnostic(file: path, line: 1, column: 1, message: "the document does not match the schema")]
        }
        return collector.diagnostics
    }
}

/// Parser errors arrive with the parser context as user data; our collector rides in `_private`.
private let parserErrorHandler: xmlStructuredErrorFunc = { userData, error in
    guard let error, let userData else { return }
    let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
    ErrorCollector.from(context.pointee._private)?.record(error)
}

/// libxml2 stores an element's line in 16 bits; with `XML_PARSE_BIG_LINES` only text nodes get
/// the real line, and `xmlGetLineNo` guesses an element's from its neighbours (an empty element
/// past line 65535 gets the next text's line). Elements past that line keep the exact line in
/// their `psvi` field, which nothing in our use of libxml2 (parser, XSD, XPath) reads or
/// writes; ``LibXML2/line(of:)`` reads it back.
private let startElementKeepingBigLine: startElementNsSAX2Func = {
    context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaultedCount, attributes in
    xmlSAX2StartElementNs(
        context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaultedCount, attributes)
    guard let context else { return }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let line = parser.pointee.input?.pointee.line, line >= 65535,
          let node = parser.pointee.node, node.pointee.type == XML_ELEMENT_NODE, node.pointee.line == 65535
    else { return }
    node.pointee.psvi = UnsafeMutableRawPointer(bitPattern: Int(line))
}

private let doctypeMessage = "a DOCTYPE is not allowed: surveys must not declare a DTD or entities"

/// Called at `<!DOCTYPE`, before the internal subset is parsed: records the error and stops,
/// so no entity declaration is ever read, let alone expanded.
private let rejectDoctype: internalSubsetSAXFunc = { userData, _, _, _ in
    guard let userData else { return }
    let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
    if let collector = ErrorCollector.from(context.pointee._private) {
        let input = context.pointee.input?.pointee
        collector.append(
            XMLDiagnostic(
                file: collector.file, line: Int(input?.line ?? 1), column: Int(input?.col ?? 1),
                message: doctypeMessage))
    }
    xmlStopParser(context)
}
