import Foundation
import WuyouCore
import ZIPFoundation

/// The parts of an `.xlsx` file held in memory: listed by ZIPFoundation, inflated on demand
/// under ``WorkbookLimits``.
///
/// Sizes are checked while inflating (a zip bomb declares small sizes), each entry's checksum
/// and size are checked against the directory, and an entry is fed to the inflater from its own
/// compressed bytes only, so a truncated or overlapping entry fails instead of hanging or reading
/// its neighbours (ZIPFoundation's own `extract` reads on to the end of the archive and then
/// loops forever on a deflate stream that never ends). Part names are compared
/// case-insensitively, as OOXML requires.
final class WorkbookArchive {
    private struct Part {
        var entry: Entry
        var record: ZipDirectory.Record
    }

    let path: String
    let limits: WorkbookLimits
    private let bytes: [UInt8]
    private var parts: [String: Part] = [:]
    /// Bytes inflated so far, for the workbook's total limit.
    private var inflated = 0

    /// Opens the archive in `bytes`.
    ///
    /// - Throws: ``Diagnostics`` when the bytes are not a zip (an old `.xls`, an encrypted
    ///   workbook), hold too many entries, or list a name twice.
    init(bytes: [UInt8], path: String, limits: WorkbookLimits) throws(Diagnostics) {
        self.path = path
        self.limits = limits
        self.bytes = bytes
        let location = Diagnostic.Location(file: path)
        // Excel's own binary formats (.xls, and password-protected .xlsx) are compound files.
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw Diagnostics(Diagnostic(.workbookCompoundFile, at: location))
        }
        guard bytes.starts(with: [0x50, 0x4B]) else {
            throw Diagnostics(Diagnostic(.workbookNotZip, at: location))
        }
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw Diagnostics(Diagnostic(.workbookNotZip, at: location))
        }
        if let count = ZipDirectory.declaredEntryCount(in: bytes), count > limits.entries {
            throw Diagnostics(Diagnostic(.workbookZipTooManyEntries, at: location, [
                "count": .count(count), "limit": .count(limits.entries),
            ]))
        }
        guard let directory = ZipDirectory(bytes, maximumEntries: limits.entries) else {
            throw Diagnostics(Diagnostic(.workbookZipInvalid, at: location))
        }
        var entries: [Entry] = []
        for entry in archive {
            entries.append(entry)
            if entries.count > directory.records.count { break }
        }
        guard entries.count == directory.records.count else {
            throw Diagnostics(Diagnostic(.workbookZipInvalid, at: location))
        }
        for (entry, record) in zip(entries, directory.records) {
            guard entry.compressedSize == UInt64(record.compressedSize) || entry.type != .file else {
                throw Diagnostics(Diagnostic(.workbookZipInvalid, at: location))
            }
            let key = entry.path.lowercased()
            guard parts.updateValue(Part(entry: entry, record: record), forKey: key) == nil else {
                throw Diagnostics(Diagnostic(.workbookZipInvalid, at: location))
            }
        }
    }

    /// Stops the inflater from inside its callbacks.
    private struct Stop: Error {}

    /// Whether the archive has a part of that name.
    func contains(_ name: String) -> Bool {
        parts[name.lowercased()] != nil
    }

    /// The inflated bytes of the part `name` (e.g. `xl/workbook.xml`), or nil when there is none.
    ///
    /// - Throws: ``Diagnostics`` when the part is encrypted, corrupt, or larger than the limits allow.
    func part(_ name: String) throws(Diagnostics) -> [UInt8]? {
        guard let part = parts[name.lowercased()] else { return nil }
        let location = Diagnostic.Location(file: path)
        let invalid = Diagnostics(Diagnostic(.workbookZipInvalid, at: location, ["part": .text(name)]))
        let tooLarge = Diagnostics(Diagnostic(.workbookZipTooLarge, at: location, [
            "part": .text(name), "limit": .count(min(limits.partBytes, limits.totalBytes)),
        ]))
        guard part.entry.type == .file, !part.record.encrypted else { throw invalid }
        guard part.entry.uncompressedSize <= UInt64(limits.partBytes),
              inflated + Int(part.entry.uncompressedSize) <= limits.totalBytes
        else { throw tooLarge }

        let start = part.record.dataStart
        let end = start + part.record.compressedSize
        var output: [UInt8] = []
        var overLimit = false
        let checksum: CRC32
        if part.entry.isCompressed {
            let input = bytes
            do {
                checksum = try Data.decompress(
                    size: Int64(part.record.compressedSize), bufferSize: 64 * 1024, skipCRC32: false,
                    provider: { position, size in
                        let from = start + Int(position)
                        // Asked for more after the last byte: the stream never ended.
                        guard from < end else { throw Stop() }
                        // ZIPFoundation 0.9.20 (zlib path) tells zlib every chunk is `size` bytes
                        // long, so a shorter one would be read past its end. The last chunk is
                        // padded with 0xFF, which zlib reads as an invalid block type once the
                        // entry's own bytes are used up; a stream that has not ended by then fails
                        // at the next request above, or at the checksum.
                        var chunk = Array(input[from..<min(end, from + size)])
                        chunk += repeatElement(0xFF, count: size - chunk.count)
                        return Data(chunk)
                    },
                    consumer: { [limits, inflated] chunk in
                        output.append(contentsOf: chunk)
                        if output.count > limits.partBytes || inflated + output.count > limits.totalBytes {
                            overLimit = true
                            throw Stop()
                        }
                    })
            } catch {
                throw overLimit ? tooLarge : invalid
            }
        } else {
            output = Array(bytes[start..<end])
            checksum = Data(output).crc32(checksum: 0)
        }
        guard output.count == Int(part.entry.uncompressedSize), checksum == part.entry.checksum else { throw invalid }
        inflated += output.count
        return output
    }
}
