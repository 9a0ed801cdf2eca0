import CLibXML2

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
    public let path: String
    /// The root element as a tree of Swift values, built on first use (readers of one known
    /// format use ``elementTable(_:)`` instead).
    public private(set) lazy var root: SourceElement = SourceTreeBuilder.element(from: xmlDocGetRootElement(pointer))
    let pointer: xmlDocPtr
    private let bytes: [UInt8]
    /// Built on the first diagnostic that needs a column.
    private lazy var lines = LineIndex(bytes)

    private init(pointer: xmlDocPtr, path: String, bytes: [UInt8]) {
        self.pointer = pointer
        self.path = path
        self.bytes = bytes
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// Parses `bytes`, naming them `path` in diagnostics.
    ///
    /// The encoding is taken from the byte-order mark and the XML declaration, as libxml2
    /// takes it, among ``SourceEncoding/accepted``.
    /// - Parameters:
    ///   - bytes: The document.
    ///   - path: What diagnostics call it.
    ///   - limits: Bounds checked in one linear pass before libxml2 parses anything.
    /// - Throws: ``XMLDiagnostics`` holding one diagnostic when the bytes are in an encoding
    ///   wuyou does not read, exceed `limits` or are not a well-formed document (libxml2's
    ///   follow-on errors are joined to the first).
    public static func parse(bytes: [UInt8], path: String, limits: XMLLimits = .standard) throws(XMLDiagnostics) -> ParsedDocument {
        LibXML2.ensureInitialised()
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw XMLDiagnostics([XMLDiagnostic(
                .empty, file: path, line: 1, column: 1, message: "the file is empty: expected an XML document")])
        }
        let encoding = try encoding(of: bytes, path: path)
        if let excess = SourceScan.check(encoding.scanned(bytes), against: limits) {
            let (reason, message): (XMLDiagnostic.Reason, String) = switch excess.what {
            case .elements(let limit):
                (.tooManyElements(limit: limit), "more than \(limit) elements")
            case .attributes(let count, let limit):
                (.tooManyAttributes(count: count, limit: limit), "\(count) attributes on one element, more than \(limit)")
            }
            throw XMLDiagnostics([XMLDiagnostic(reason, file: path, line: excess.line, column: excess.column, message: message)])
        }
        guard bytes.count <= Int(Int32.max), let context = xmlNewParserCtxt() else {
            throw XMLDiagnostics([XMLDiagnostic(.resource, file: path, line: 1, column: 1, message: "cannot create an XML parser")])
        }
        defer { xmlFreeParserCtxt(context) }

        let collector = ErrorCollector(file: path, reason: .notWellFormed)
        let document: xmlDocPtr? = collector.withUserData { userData in
            ParserCallbacks.install(on: context, collector: userData)
            // The encoding the scan read, and no other: the declaration cannot switch it.
            let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_IGNORE_ENC.rawValue)
            return bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                    if let name = encoding.parserName {
                        xmlCtxtReadMemory(context, base, Int32(buffer.count), path, name, options)
                    } else {
                        xmlCtxtReadMemory(context, base, Int32(buffer.count), path, nil, options)
                    }
                }
            }
        }
        let wellFormed = context.pointee.wellFormed != 0
        guard let document, wellFormed, collector.diagnostics.isEmpty, xmlDocGetRootElement(document) != nil else {
            if let document { xmlFreeDoc(document) }
            var diagnostics = collector.diagnostics.map { diagnostic in
                // The parser reports where it stopped, after the DOCTYPE's identifiers; cite its start.
                guard diagnostic.reason == .doctype,
                      let column = SourceColumns.column(ofTagNamed: "!DOCTYPE", onLine: diagnostic.location.line, in: LineIndex(bytes))
                else { return diagnostic }
                var moved = diagnostic
                moved.location.column = column
                return moved
            }
            if diagnostics.isEmpty {
                diagnostics.append(XMLDiagnostic(.notWellFormed, file: path, line: 1, column: 1, message: "not a well-formed XML document"))
            }
            var first = oneLine(diagnostics)
            first.atEndOfInput = first.reason == .notWellFormed && isAtEnd(first.location, of: bytes)
            throw XMLDiagnostics([first])
        }
        return ParsedDocument(pointer: document, path: path, bytes: bytes)
    }

    /// The encoding libxml2 is to read `bytes` in (see ``SourceEncoding``).
    ///
    /// - Throws: ``XMLDiagnostics`` at 1:1 when wuyou does not read it.
    static func encoding(of bytes: [UInt8], path: String) throws(XMLDiagnostics) -> SourceEncoding {
        switch SourceEncoding.of(bytes) {
        case .success(let encoding):
            return encoding
        case .failure(.unsupported(let name)):
            throw XMLDiagnostics([XMLDiagnostic(
                .unsupportedEncoding(name), file: path, line: 1, column: 1,
                message: "the encoding \(name) is not read (only \(SourceEncoding.accepted.joined(separator: ", ")))")])
        case .failure(.conflicting(let found, let declared)):
            throw XMLDiagnostics([XMLDiagnostic(
                .conflictingEncoding(bytes: found, declared: declared), file: path, line: 1, column: 1,
                message: "the bytes are \(found) but the declaration says \(declared)")])
        }
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

    /// The number of the last line that holds anything but white space.
    /// Whether an error lies where the input ends: on its last line that is not blank, at or
    /// after that line's last character (a file cut short), rather than earlier on it.
    private static func isAtEnd(_ location: XMLDiagnostic.Location, of bytes: [UInt8]) -> Bool {
        var line = 1
        var last = 1
        var lastLineStart = 0
        var lineStart = 0
        for (offset, byte) in bytes.enumerated() {
            if byte == 0x0A {
                line += 1
                lineStart = offset + 1
            } else if byte != 0x20 && byte != 0x09 && byte != 0x0D && byte != 0 {
                last = line
                lastLineStart = lineStart
            }
        }
        guard location.line >= last else { return false }
        guard location.line == last else { return true }
        let column = location.column
        // libxml2 counts columns in characters; UTF-16's NUL halves and UTF-8's continuation bytes are no characters.
        let tail = bytes[lastLineStart...].prefix { $0 != 0x0A }
        var characters = 0
        var trailingBlank = 0
        for byte in tail where byte != 0 && byte & 0xC0 != 0x80 {
            characters += 1
            trailingBlank = byte == 0x20 || byte == 0x09 || byte == 0x0D ? trailingBlank + 1 : 0
        }
        return column >= characters - trailingBlank
    }

    /// The elements in `vocabulary`'s namespace, flat, with names as vocabulary indices: one
    /// walk of libxml2's tree, and no `String` until the caller asks for one.
    public func elementTable(_ vocabulary: XMLVocabulary) -> ElementTable {
        ElementTableBuilder.table(of: xmlDocGetRootElement(pointer), vocabulary: vocabulary, capacity: bytes.count)
    }

    /// The bytes the document was parsed from, e.g. to fingerprint a checklist.
    public var sourceBytes: [UInt8] { bytes }

    /// The 1-based column of the start tag `<name` on `line`, or 1 when it cannot be found.
    ///
    /// libxml2 keeps no columns for nodes; this recovers one for diagnostics raised after parsing.
    public func column(ofStartTag name: String, line: Int) -> Int {
        SourceColumns.column(ofTagNamed: name, onLine: line, in: lines) ?? 1
    }

    /// Validates the document against `schema`.
    ///
    /// - Returns: One diagnostic per schema error, in document order; empty when valid.
    public func validate(against schema: XMLSchema) -> [XMLDiagnostic] {
        LibXML2.ensureInitialised()
        guard let context = xmlSchemaNewValidCtxt(schema.pointer) else {
            return [XMLDiagnostic(.resource, file: path, line: 1, column: 1, message: "cannot create a schema validator")]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = ErrorCollector(file: path, reason: .schema)
        // The line index is built only if an error needs a column (most documents are valid).
        collector.columnForError = { line, node in
            SourceColumns.column(ofTagOf: node, onLine: line, in: self.lines)
        }
        let result = collector.withUserData { userData in
            xmlSchemaSetValidStructuredErrors(context, ErrorCollector.structuredHandler, userData)
            return xmlSchemaValidateDoc(context, pointer)
        }
        if result != 0 && collector.diagnostics.isEmpty {
            return [XMLDiagnostic(.schema, file: path, line: 1, column: 1, message: "the document does not match the schema")]
        }
        return collector.diagnostics
    }
}
