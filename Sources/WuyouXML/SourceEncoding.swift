/// The character encoding of a document, decided as libxml2 decides it, for the encodings
/// wuyou reads: ``SourceScan`` must count the characters libxml2 will parse, not bytes that
/// happen to look like `<` and `=` in another encoding.
///
/// libxml2 looks first at a byte-order mark or the pattern of the first four bytes (UTF-16,
/// UCS-4, EBCDIC), then at the XML declaration, whose `encoding` switches the decoder for the
/// rest of the document. Every name it can switch to, in every spelling and case, is found
/// here the same way, and only encodings whose characters the scan reads exactly are accepted:
/// UTF-8 and single-byte ASCII supersets byte by byte, GB18030/GBK/GB2312 with their
/// double-byte characters set apart (a second byte may be `[` or `]`), UTF-16 by 16-bit unit.
/// Anything else (EBCDIC, UCS-4/UTF-32, ISO-2022, Shift_JIS, UTF-7…), and a declaration that
/// names another encoding than the byte-order mark or the bytes themselves, is refused.
///
/// The parse is then told the encoding decided here and to ignore the declaration
/// (`XML_PARSE_IGNORE_ENC`), so that libxml2 cannot switch to anything the scan did not read.
public enum SourceEncoding: Sendable, Hashable {
    /// UTF-8, with or without a byte-order mark, declared so or not declared.
    case utf8
    /// US-ASCII or ISO-8859-1: every byte is one character, and bytes below 0x80 are ASCII.
    case singleByte(String)
    /// GB18030, GBK or GB2312: ASCII bytes, and characters of two or four bytes whose first
    /// byte is 0x81–0xFE.
    case chinese(String)
    /// UTF-16, by its byte-order mark or by `<?` in 16-bit units.
    case utf16(bigEndian: Bool)

    /// The encodings wuyou reads, as the README lists them.
    public static let accepted = ["UTF-8", "UTF-16", "GB18030", "GBK", "GB2312", "US-ASCII", "ISO-8859-1"]

    /// Why a document's encoding is refused.
    enum Refusal: Error, Equatable {
        /// An encoding not in ``accepted``: as declared, or as the first bytes show it.
        case unsupported(String)
        /// The declaration names another encoding than the byte-order mark or the first bytes.
        case conflicting(bytes: String, declared: String)
    }

    /// The name the parser is given; nil where libxml2's own detection gives the same reading
    /// (UTF-8, UTF-16), so that its messages for bad bytes stay as they are.
    var parserName: String? {
        switch self {
        case .utf8, .utf16: nil
        case .singleByte(let name), .chinese(let name): name
        }
    }

    /// The encoding of `bytes`, or why it is refused.
    static func of(_ bytes: [UInt8]) -> Result<SourceEncoding, Refusal> {
        // libxml2 detects nothing in fewer than four bytes and reads them as UTF-8.
        guard bytes.count >= 4 else { return .success(.utf8) }
        let first = (bytes[0], bytes[1], bytes[2], bytes[3])
        switch first {
        case (0x00, 0x00, 0xFE, 0xFF), (0xFF, 0xFE, 0x00, 0x00):
            return .failure(.unsupported("UTF-32"))
        case (0x00, 0x00, 0x00, 0x3C), (0x3C, 0x00, 0x00, 0x00), (0x00, 0x00, 0x3C, 0x00), (0x00, 0x3C, 0x00, 0x00):
            // UCS-4 in any byte order: each character is four bytes, `<` at the same place in each.
            let place = [bytes[0], bytes[1], bytes[2], bytes[3]].firstIndex(of: 0x3C)!
            let names = declaredNames { index in
                let start = 4 * index
                guard start + 3 < bytes.count else { return nil }
                let unit = bytes[start..<(start + 4)]
                return unit.indices.allSatisfy({ $0 - start == place || unit[$0] == 0 }) ? unit[start + place] : 0x80
            }
            return .failure(.unsupported(names.first ?? "UCS-4"))
        case (0x4C, 0x6F, 0xA7, 0x94):
            let names = declaredNames { index in index < bytes.count ? Self.ebcdic[Int(bytes[index])] : nil }
            return .failure(.unsupported(names.first ?? "EBCDIC"))
        case (0xFF, 0xFE, _, _), (0x3C, 0x00, 0x3F, 0x00):
            return utf16(bytes, bigEndian: false)
        case (0xFE, 0xFF, _, _), (0x00, 0x3C, 0x00, 0x3F):
            return utf16(bytes, bigEndian: true)
        case (0xEF, 0xBB, 0xBF, _):
            let names = declaredNames { index in 3 + index < bytes.count ? bytes[3 + index] : nil }
            return decide(names, bytesAre: "UTF-8", allowed: ["UTF-8", "UTF8"]).map { _ in .utf8 }
        default:
            let names = declaredNames { index in index < bytes.count ? bytes[index] : nil }
            return decide(names, bytesAre: "UTF-8", allowed: Array(byteNames.keys)).map { name in
                name.flatMap { byteNames[$0] } ?? .utf8
            }
        }
    }

    /// The names a document in bytes (no byte-order mark, or none of UTF-16's) may declare.
    private static let byteNames: [String: SourceEncoding] = [
        "UTF-8": .utf8, "UTF8": .utf8,
        "GB18030": .chinese("GB18030"), "GBK": .chinese("GBK"), "GB2312": .chinese("GB2312"),
        "US-ASCII": .singleByte("US-ASCII"), "ISO-8859-1": .singleByte("ISO-8859-1"),
    ]

    private static func utf16(_ bytes: [UInt8], bigEndian: Bool) -> Result<SourceEncoding, Refusal> {
        let start = bytes[0] == 0xFF || bytes[0] == 0xFE ? 2 : 0
        let names = declaredNames { index in
            let at = start + 2 * index
            guard at + 1 < bytes.count else { return nil }
            let unit = bigEndian ? UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1]) : UInt16(bytes[at + 1]) << 8 | UInt16(bytes[at])
            return unit < 0x80 ? UInt8(unit) : 0x80
        }
        let own = bigEndian ? "UTF-16BE" : "UTF-16LE"
        return decide(names, bytesAre: own, allowed: ["UTF-16", "UTF16", own]).map { _ in .utf16(bigEndian: bigEndian) }
    }

    /// The one encoding name `names` agree on (upper-cased), nil when there is none, or why
    /// they are refused: a name not in `allowed` (nor of the right kind for the bytes), or two
    /// different names (libxml2 might take either).
    private static func decide(_ names: [String], bytesAre found: String, allowed: [String]) -> Result<String?, Refusal> {
        let upper = names.map { $0.uppercased() }
        for (name, written) in zip(upper, names) where !allowed.contains(name) {
            let known = byteNames[name] != nil || ["UTF-16", "UTF16", "UTF-16LE", "UTF-16BE"].contains(name)
            return .failure(known ? .conflicting(bytes: found, declared: written) : .unsupported(written))
        }
        if Set(upper).count > 1 { return .failure(.unsupported(names.joined(separator: " / "))) }
        return .success(upper.first)
    }

    /// The values of every `encoding` pseudo-attribute in the XML declaration, if the document
    /// starts with one; `character` gives the document's characters as ASCII bytes (0x80 for
    /// any other), nil past the end.
    ///
    /// libxml2 reads the declaration from `<?xml` and a blank at the very start, and reads its
    /// `encoding` where the version ends, even after a broken version (`version='encoding="x"'`
    /// switches to x). So every `encoding` up to the declaration's first `>` counts here, with
    /// blanks around `=` as libxml2 allows them; one it could not read (no `=`, no closing
    /// quote) it does not switch to either.
    static func declaredNames(_ character: (Int) -> UInt8?) -> [String] {
        let start = Array("<?xml".utf8)
        for (index, byte) in start.enumerated() where character(index) != byte { return [] }
        guard let blank = character(5), isBlank(blank) else { return [] }
        var declaration: [UInt8] = []
        var index = 6
        while let byte = character(index), byte != UInt8(ascii: ">") {
            declaration.append(byte)
            index += 1
        }
        let keyword = Array("encoding".utf8)
        var names: [String] = []
        var at = 0
        while at + keyword.count <= declaration.count {
            guard declaration[at..<(at + keyword.count)].elementsEqual(keyword) else {
                at += 1
                continue
            }
            at += keyword.count
            var cursor = at
            while cursor < declaration.count, isBlank(declaration[cursor]) { cursor += 1 }
            guard cursor < declaration.count, declaration[cursor] == UInt8(ascii: "=") else { continue }
            cursor += 1
            while cursor < declaration.count, isBlank(declaration[cursor]) { cursor += 1 }
            guard cursor < declaration.count, declaration[cursor] == UInt8(ascii: "\"") || declaration[cursor] == UInt8(ascii: "'"),
                  let close = declaration[(cursor + 1)...].firstIndex(of: declaration[cursor])
            else { continue }
            names.append(String(decoding: declaration[(cursor + 1)..<close], as: UTF8.self))
        }
        return names
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The characters a declaration is written in, in EBCDIC (the same in every EBCDIC code
    /// page): enough to name the encoding a refused document declares.
    private static let ebcdic: [UInt8] = {
        var table = [UInt8](repeating: 0x80, count: 256)
        let pairs: [(UInt8, String)] = [
            (0x40, " "), (0x05, "\t"), (0x25, "\n"), (0x15, "\n"), (0x0D, "\r"), (0x4B, "."), (0x4C, "<"), (0x60, "-"),
            (0x6D, "_"), (0x6E, ">"), (0x6F, "?"), (0x7D, "'"), (0x7E, "="), (0x7F, "\""),
            (0x81, "abcdefghi"), (0x91, "jklmnopqr"), (0xA2, "stuvwxyz"),
            (0xC1, "ABCDEFGHI"), (0xD1, "JKLMNOPQR"), (0xE2, "STUVWXYZ"), (0xF0, "0123456789"),
        ]
        for (code, characters) in pairs {
            for (offset, character) in characters.utf8.enumerated() { table[Int(code) + offset] = character }
        }
        return table
    }()

    /// `bytes` as ``SourceScan`` reads them: one byte per character or 16-bit unit, an ASCII
    /// character as itself and any other as a byte no markup uses (0xC2 where a character
    /// starts, 0x80 inside one, so that columns still count characters).
    func scanned(_ bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .utf8, .singleByte:
            return bytes
        case .chinese:
            return Self.chineseScanned(bytes)
        case .utf16(let bigEndian):
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count / 2)
            var index = bytes.count >= 2 && (bytes[0], bytes[1]) == (bigEndian ? (0xFE, 0xFF) : (0xFF, 0xFE)) ? 2 : 0
            while index + 1 < bytes.count {
                let unit = bigEndian ? UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
                                     : UInt16(bytes[index + 1]) << 8 | UInt16(bytes[index])
                // A low surrogate continues the character its high surrogate began.
                result.append(unit < 0x80 ? UInt8(unit) : unit & 0xFC00 == 0xDC00 ? 0x80 : 0xC2)
                index += 2
            }
            return result
        }
    }

    /// GB18030 with each multi-byte character's bytes replaced: a second byte may be 0x40–0x7E,
    /// which holds `[`, `]` and letters, and a CDATA section's `]]>` could otherwise end early
    /// in the scan and not in libxml2. GBK and GB2312 characters are GB18030's two-byte ones;
    /// a sequence valid in GB18030 only stops their decoder, and libxml2 with it, so the scan
    /// reading further only counts more.
    private static func chineseScanned(_ bytes: [UInt8]) -> [UInt8] {
        chineseScanned(bytes, isLast: true).scanned
    }

    /// ``chineseScanned(_:)`` of a piece of a document: when more follows (not `isLast`), a
    /// character whose bytes the piece ends before deciding is left for the next piece.
    ///
    /// - Returns: The scanned bytes, and how many of `bytes` they stand for.
    static func chineseScanned(_ bytes: [UInt8], isLast: Bool) -> (scanned: [UInt8], consumed: Int) {
        var result = bytes
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = bytes[index]
            guard (0x81...0xFE).contains(lead) else {
                index += 1
                continue
            }
            let second = index + 1 < count ? bytes[index + 1] : nil
            if !isLast, second == nil || (0x30...0x39).contains(second!) && index + 3 >= count {
                return (Array(result[..<index]), index)
            }
            if index + 3 < count, (0x30...0x39).contains(bytes[index + 1]), (0x81...0xFE).contains(bytes[index + 2]),
               (0x30...0x39).contains(bytes[index + 3]) {
                result.replaceSubrange(index..<(index + 4), with: [0xC2, 0x80, 0x80, 0x80])
                index += 4
            } else if let second, (0x40...0x7E).contains(second) || (0x80...0xFE).contains(second) {
                result[index] = 0xC2
                result[index + 1] = 0x80
                index += 2
            } else {
                // Not a character in any of them: the decoder stops here, and the scan reads on.
                index += 1
            }
        }
        return (result, count)
    }
}
