/// Where each entry's data starts in a zip held in memory.
///
/// ZIPFoundation lists the entries (names, sizes, checksums) but keeps their offsets to itself,
/// and its own `extract` reads compressed data up to the end of the archive: a truncated deflate
/// stream there makes it loop forever on empty reads. Reading the offsets here lets
/// ``WorkbookArchive`` hand the inflater exactly an entry's compressed bytes and no more.
struct ZipDirectory {
    struct Record {
        var name: [UInt8]
        var compressedSize: Int
        var dataStart: Int
        var encrypted: Bool
    }

    var records: [Record]

    /// Reads the central directory of `bytes`; nil when it is not a plain (non-ZIP64) zip whose
    /// records and local headers all lie inside the file.
    init?(_ bytes: [UInt8], maximumEntries: Int) {
        guard let end = Self.endOfCentralDirectory(in: bytes) else { return nil }
        let count = Int(Self.u16(bytes, end + 10))
        let directoryStart = Int(Self.u32(bytes, end + 16))
        guard count != 0xFFFF, directoryStart != 0xFFFF_FFFF, count <= maximumEntries else { return nil }
        var records: [Record] = []
        var offset = directoryStart
        for _ in 0..<count {
            guard offset + 46 <= end, Self.u32(bytes, offset) == 0x0201_4b50 else { return nil }
            let flags = Self.u16(bytes, offset + 8)
            let compressedSize = Int(Self.u32(bytes, offset + 20))
            let nameLength = Int(Self.u16(bytes, offset + 28))
            let extraLength = Int(Self.u16(bytes, offset + 30))
            let commentLength = Int(Self.u16(bytes, offset + 32))
            let localHeader = Int(Self.u32(bytes, offset + 42))
            guard offset + 46 + nameLength <= end, compressedSize != 0xFFFF_FFFF, localHeader != 0xFFFF_FFFF,
                  localHeader + 30 <= bytes.count, Self.u32(bytes, localHeader) == 0x0403_4b50
            else { return nil }
            let dataStart = localHeader + 30 + Int(Self.u16(bytes, localHeader + 26)) + Int(Self.u16(bytes, localHeader + 28))
            guard dataStart + compressedSize <= bytes.count else { return nil }
            records.append(Record(
                name: Array(bytes[(offset + 46)..<(offset + 46 + nameLength)]), compressedSize: compressedSize,
                dataStart: dataStart, encrypted: flags & 1 != 0))
            offset += 46 + nameLength + extraLength + commentLength
        }
        self.records = records
    }

    /// The offset of the end-of-central-directory record: the last signature within the final
    /// 64 KiB + 22 bytes (the record, then a comment of at most 65535 bytes).
    /// The entry count the end-of-central-directory record declares, read before anything is listed.
    static func declaredEntryCount(in bytes: [UInt8]) -> Int? {
        endOfCentralDirectory(in: bytes).map { Int(u16(bytes, $0 + 10)) }
    }

    private static func endOfCentralDirectory(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        var offset = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while offset >= lowest {
            if u32(bytes, offset) == 0x0605_4b50 { return offset }
            offset -= 1
        }
        return nil
    }

    private static func u16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func u32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(u16(bytes, offset)) | UInt32(u16(bytes, offset + 2)) << 16
    }
}
