import CLibXML2

extension XMLSchema {
    /// Parses `bytes` and validates them against this schema in one pass (libxml2's SAX events
    /// with the schema plugged in), keeping only the elements of `vocabulary`'s namespace as an
    /// ``ElementTable``: no tree is built, walked by the validator or freed.
    ///
    /// For documents that are valid, which is nearly all of them. Nil for any other: in an
    /// encoding other than UTF-8 or UTF-16, beyond `limits`, not well-formed (a namespace
    /// error included), with a DOCTYPE, not valid, or anything libxml2 could not do. Parse
    /// those with ``ParsedDocument/parse(bytes:path:limits:)`` and
    /// ``ParsedDocument/validate(against:)``, which say what is wrong and where; a table given
    /// here is the one ``ParsedDocument/elementTable(_:)`` gives for the same bytes.
    public func validTable(of bytes: [UInt8], limits: XMLLimits, vocabulary: XMLVocabulary) -> ElementTable? {
        LibXML2.ensureInitialised()
        // No parser option reaches this parse, so libxml2 reads the declaration itself: only
        // UTF-8 and UTF-16 are read here, which no declaration ``SourceEncoding`` accepts
        // switches away from. GB18030 and the others take the other path, which names the
        // encoding to libxml2.
        guard bytes.count <= Int(Int32.max), case .success(let encoding) = SourceEncoding.of(bytes), encoding.parserName == nil,
              SourceScan.check(encoding.scanned(bytes), against: limits) == nil,
              let validation = xmlSchemaNewValidCtxt(pointer)
        else { return nil }
        defer { xmlSchemaFreeValidCtxt(validation) }
        // Validity errors are only counted (by the result); the other path words them.
        xmlSchemaSetValidStructuredErrors(validation, { _, _ in }, nil)
        let builder = StreamedTableBuilder(vocabulary: vocabulary, validation: validation, capacity: bytes.count)
        var handler = StreamedTableBuilder.handler()
        let result = bytes.withUnsafeBufferPointer { buffer -> Int32 in
            let input = buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                // A copy: libxml2 2.9's buffers over memory it does not own stop reading early.
                xmlParserInputBufferCreateMem(base, Int32(buffer.count), XML_CHAR_ENCODING_NONE)
            }
            guard let input else { return -1 }
            return withUnsafeMutablePointer(to: &handler) { handler in
                withExtendedLifetime(builder) {
                    xmlSchemaValidateStream(
                        validation, input, XML_CHAR_ENCODING_NONE, handler, Unmanaged.passUnretained(builder).toOpaque())
                }
            }
        }
        guard result == 0, builder.clean else { return nil }
        return builder.table
    }
}
