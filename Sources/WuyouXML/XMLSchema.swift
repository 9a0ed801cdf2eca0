import CLibXML2

/// A compiled XSD, shared read-only by every validation.
///
/// libxml2 never writes to a compiled `xmlSchema` while validating (all per-document state
/// lives in the validation context, which each validation creates for itself), so one
/// instance serves many threads; the parallel validation test exercises exactly that.
public final class XMLSchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr

    /// Compiles the XSD held in `source`.
    ///
    /// - Parameters:
    ///   - source: The schema document's text.
    ///   - name: What diagnostics call the schema.
    /// - Throws: ``XMLDiagnostics`` when the XSD is malformed.
    public init(source: String, name: String) throws(XMLDiagnostics) {
        LibXML2.ensureInitialised()
        // The XSD is always our own embedded text, never a user's file, so libxml2's schema
        // loader (which parses with its own options) is trusted with it.
        let bytes = Array(source.utf8)
        let parserContext = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                xmlSchemaNewMemParserCtxt(base, Int32(buffer.count))
            }
        }
        guard let parserContext else {
            throw XMLDiagnostics([XMLDiagnostic(.resource, file: name, line: 1, column: 1, message: "cannot create a schema parser")])
        }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        let collector = ErrorCollector(file: name, reason: .schema)
        let schema = collector.withUserData { userData in
            xmlSchemaSetParserStructuredErrors(parserContext, ErrorCollector.structuredHandler, userData)
            return withExtendedLifetime(bytes) { xmlSchemaParse(parserContext) }
        }
        guard let schema, collector.diagnostics.isEmpty else {
            if let schema { xmlSchemaFree(schema) }
            throw XMLDiagnostics(collector.diagnostics.isEmpty
                ? [XMLDiagnostic(.schema, file: name, line: 1, column: 1, message: "the schema does not compile")]
                : collector.diagnostics)
        }
        pointer = schema
    }

    deinit {
        xmlSchemaFree(pointer)
    }
}
