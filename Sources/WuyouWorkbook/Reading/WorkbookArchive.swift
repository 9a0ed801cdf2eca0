import Foundation
import WuyouCore
import ZIPFoundation

/// The parts of an `.xlsx` file held in memory: listed by ZIPFoundation, inflated on demand
/// under ``WorkbookLimits``, a piece at a time (``PartInflater``).
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
    /// What the parts read so far inflate to, for the workbook's total limit, and each part's share.
    private var inflated = 0
    private var inflatedParts: [String: Int] = [:]

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

    /// Whether the archive has a part of that name.
    func contains(_ name: String) -> Bool {
        parts[name.lowercased()] != nil
    }

    /// The inflated bytes of the part `name` (e.g. `xl/workbook.xml`), or nil when there is none.
    ///
    /// - Throws: ``Diagnostics`` when the part is encrypted, corrupt, or larger than the limits allow.
    func part(_ name: String) throws(Diagnostics) -> [UInt8]? {
        try inflater(name)?.bytes()
    }

    /// The part `name`, to be inflated a piece at a time, or nil when there is none. A part may
    /// be read more than once; it counts once towards the workbook's total.
    ///
    /// - Throws: ``Diagnostics`` when the part is encrypted, not a file, or declares a size
    ///   beyond the limits (its real size is checked while it inflates).
    func inflater(_ name: String) throws(Diagnostics) -> PartInflater? {
        let key = name.lowercased()
        guard let part = parts[key] else { return nil }
        let location = Diagnostic.Location(file: path)
        let invalid = Diagnostics(Diagnostic(.workbookZipInvalid, at: location, ["part": .text(name)]))
        let tooLarge = Diagnostics(Diagnostic(.workbookZipTooLarge, at: location, [
            "part": .text(name), "limit": .count(min(limits.partBytes, limits.totalBytes)),
        ]))
        guard part.entry.type == .file, !part.record.encrypted else { throw invalid }
        let counted = inflatedParts[key]
        let others = inflated - (counted ?? 0)
        guard part.entry.uncompressedSize <= UInt64(limits.partBytes), others + Int(part.entry.uncompressedSize) <= limits.totalBytes
        else { throw tooLarge }
        // A part inflates to its declared size or fails, so that size is what it adds to the total.
        inflatedParts[key] = Int(part.entry.uncompressedSize)
        inflated = others + Int(part.entry.uncompressedSize)
        return try PartInflater(
            source: bytes, range: part.record.dataStart..<(part.record.dataStart + part.record.compressedSize),
            compressed: part.entry.isCompressed, expectedSize: Int(part.entry.uncompressedSize),
            expectedChecksum: part.entry.checksum, limit: min(limits.partBytes, limits.totalBytes - others),
            tooLarge: tooLarge, invalid: invalid)
    }
}
