import CLibXML2

/// The SAX hooks every parse installs: errors into our collector, DOCTYPEs refused before
/// their internal subset is read, and exact lines kept for elements past line 65535.
enum ParserCallbacks {
    /// Installs the hooks on `context`; `collector` is an ``ErrorCollector``'s user-data pointer.
    static func install(on context: xmlParserCtxtPtr, collector: UnsafeMutableRawPointer) {
        context.pointee._private = collector
        context.pointee.sax.pointee.serror = parserErrorHandler
        context.pointee.sax.pointee.internalSubset = rejectDoctype
        context.pointee.sax.pointee.startElementNs = startElementKeepingBigLine
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

/// Called at `<!DOCTYPE`, before the internal subset is parsed: records the error and stops,
/// so no entity declaration is ever read, let alone expanded.
private let rejectDoctype: internalSubsetSAXFunc = { userData, _, _, _ in
    guard let userData else { return }
    let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
    if let collector = ErrorCollector.from(context.pointee._private) {
        let input = context.pointee.input?.pointee
        collector.append(XMLDiagnostic(
            .doctype, file: collector.file, line: Int(input?.line ?? 1), column: Int(input?.col ?? 1),
            message: "a DOCTYPE is not allowed: the document must not declare a DTD or entities"))
    }
    xmlStopParser(context)
}
