/// A document read in pieces as ``StreamScan`` must see it: one byte per character in the
/// document's ``SourceEncoding``, as ``SourceEncoding/scanned(_:)`` gives a whole document.
///
/// A character may be split between two pieces (the two bytes of a UTF-16 unit, the second
/// byte of a GB18030 character): its first bytes are held back until the next piece, so that
/// the scan reads exactly the characters libxml2 decodes, whatever the pieces' sizes.
struct StreamScanInput {
    let encoding: SourceEncoding
    /// Bytes of a character begun at the end of the last piece.
    private var held: [UInt8] = []

    init(_ encoding: SourceEncoding) {
        self.encoding = encoding
    }

    /// Whether pieces are scanned as they are (UTF-8 and single-byte encodings): nothing to do.
    var isIdentity: Bool {
        switch encoding {
        case .utf8, .singleByte: true
        case .chinese, .utf16: false
        }
    }

    /// The next piece as the scan reads it; `isLast` when no piece follows, so that nothing is
    /// held back.
    mutating func scanned(_ piece: UnsafeBufferPointer<UInt8>, isLast: Bool) -> [UInt8] {
        let bytes = held + piece
        held = []
        switch encoding {
        case .utf8, .singleByte:
            return bytes
        case .utf16(let bigEndian):
            // A byte-order mark is passed over wherever a piece starts with one: U+FEFF is no markup.
            let end = bytes.count / 2 * 2
            if !isLast { held = Array(bytes[end...]) }
            return SourceEncoding.utf16(bigEndian: bigEndian).scanned(Array(bytes[..<end]))
        case .chinese:
            let (scanned, consumed) = SourceEncoding.chineseScanned(bytes, isLast: isLast)
            held = Array(bytes[consumed...])
            return scanned
        }
    }
}
