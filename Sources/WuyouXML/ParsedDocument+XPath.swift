import CLibXML2

extension ParsedDocument {
    /// Evaluates an XPath 1.0 expression against this document.
    ///
    /// The expression is compiled for this call only: libxml2 writes into a compiled
    /// expression while evaluating it, so a compiled one cannot be shared between tasks.
    /// Evaluation is bounded by libxml2's operation counter, so an expression that would take
    /// minutes (`count(//node()[count(//node())])` on a large document) fails quickly instead.
    ///
    /// - Parameters:
    ///   - expression: XPath 1.0 source.
    ///   - namespaces: Prefix → namespace URI bindings the expression may use.
    ///   - operationLimit: libxml2 XPath operations allowed before evaluation stops.
    /// - Throws: ``XMLDiagnostics`` naming the expression when it does not compile, refers to
    ///   an unbound prefix or unknown function, or exceeds `operationLimit`.
    public func evaluate(
        _ expression: String, namespaces: [String: String] = [:], operationLimit: UInt = XPathLimits.operations
    ) throws(XMLDiagnostics) -> XPathValue {
        LibXML2.ensureInitialised()
        guard let context = xmlXPathNewContext(pointer) else {
            throw XMLDiagnostics([XMLDiagnostic(.resource, file: path, line: 1, column: 1, message: "cannot create an XPath context")])
        }
        defer { xmlXPathFreeContext(context) }
        context.pointee.opLimit = operationLimit
        context.pointee.opCount = 0
        for (prefix, uri) in namespaces.sorted(by: { $0.key < $1.key }) {
            xmlXPathRegisterNs(context, prefix, uri)
        }
        let collector = ErrorCollector(file: path, reason: .xpath)
        let result = collector.withUserData { userData in
            context.pointee.error = ErrorCollector.structuredHandler
            context.pointee.userData = userData
            return xmlXPathEvalExpression(expression, context)
        }
        guard let result else {
            let reason = collector.diagnostics.first?.message ?? "cannot be evaluated"
            throw XMLDiagnostics([XMLDiagnostic(.xpath, file: path, line: 1, column: 1, message: "XPath \(expression): \(reason)")])
        }
        defer { xmlXPathFreeObject(result) }
        switch result.pointee.type {
        case XPATH_BOOLEAN:
            return .boolean(result.pointee.boolval != 0)
        case XPATH_NUMBER:
            return .number(result.pointee.floatval)
        case XPATH_STRING:
            return .string(LibXML2.string(result.pointee.stringval) ?? "")
        case XPATH_NODESET:
            return .nodes(Self.nodes(in: result.pointee.nodesetval))
        default:
            return .boolean(xmlXPathCastToBoolean(result) != 0)
        }
    }

    private static func nodes(in set: xmlNodeSetPtr?) -> [XPathNode] {
        guard let set, set.pointee.nodeNr > 0, let table = set.pointee.nodeTab else { return [] }
        return (0..<Int(set.pointee.nodeNr)).compactMap { index in
            guard let node = table[index] else { return nil }
            let lineNode = node.pointee.type == XML_ATTRIBUTE_NODE ? node.pointee.parent : node
            return XPathNode(
                name: LibXML2.string(node.pointee.name) ?? "",
                line: lineNode.map { LibXML2.line(of: $0) } ?? 1,
                text: LibXML2.takeString(xmlNodeGetContent(node)) ?? "")
        }
    }
}
