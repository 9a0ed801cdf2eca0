import SystemZlib
import WuyouCore

/// One part of an `.xlsx` file, inflated a piece at a time: a sheet is parsed as it inflates, and
/// never held whole.
///
/// Fed only the entry's own compressed bytes, so a truncated or overlapping entry fails instead
/// of reading its neighbours. The size is checked while inflating, against the part's limit and
/// the workbook's (a zip bomb declares small sizes), and the size and checksum against the zip
/// directory at the end. Each ``next()`` gives the next piece, valid until the following call.
final class PartInflater {
    /// Raw deflate (no zlib header), as zip entries hold it.
    private static let rawDeflateWindowBits: Int32 = -15
    private static let pieceSize = 64 << 10

    private let source: [UInt8]
    private let start: Int
    private let end: Int
    private let compressed: Bool
    private let expectedSize: Int
    private let expectedChecksum: UInt32
    /// The most this part may inflate to: its own limit, and what is left of the workbook's.
    private let limit: Int
    private let tooLarge: Diagnostics
    private let invalid: Diagnostics

    private var stream: UnsafeMutablePointer<z_stream>?
    private var output: UnsafeMutableBufferPointer<UInt8>
    private var consumed = 0
    private var produced = 0
    private var checksum: uLong = 0
    private var ended = false

    /// - Parameters:
    ///   - source: The whole file; the entry's data is `start..<end` of it.
    ///   - compressed: Deflated (method 8), or stored.
    ///   - limit: The most the part may inflate to.
    ///   - tooLarge: Thrown when it inflates beyond `limit`.
    ///   - invalid: Thrown when the data is damaged, or does not match the directory.
    init(source: [UInt8], range: Range<Int>, compressed: Bool, expectedSize: Int, expectedChecksum: UInt32,
         limit: Int, tooLarge: Diagnostics, invalid: Diagnostics) throws(Diagnostics) {
        self.source = source
        start = range.lowerBound
        end = range.upperBound
        self.compressed = compressed
        self.expectedSize = expectedSize
        self.expectedChecksum = expectedChecksum
        self.limit = limit
        self.tooLarge = tooLarge
        self.invalid = invalid
        output = .allocate(capacity: Self.pieceSize)
        checksum = crc32(0, nil, 0)
        guard compressed else { return }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // zlib checks that the stream stays where it was initialised: hence the allocation.
        guard inflateInit2_(stream, Self.rawDeflateWindowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            stream.deallocate()
            output.deallocate()
            throw invalid
        }
        self.stream = stream
    }

    deinit {
        if let stream {
            inflateEnd(stream)
            stream.deallocate()
        }
        output.deallocate()
    }

    /// How many bytes the part has inflated to so far.
    var size: Int { produced }

    /// The next piece of the part, or nil after the last one (when its size and checksum have
    /// been checked).
    ///
    /// - Throws: ``Diagnostics`` when the part is damaged, does not match the directory, or
    ///   inflates beyond its limit.
    func next() throws(Diagnostics) -> UnsafeBufferPointer<UInt8>? {
        guard !ended else { return nil }
        let count = compressed ? try inflatePiece() : copyPiece()
        if count == 0 {
            ended = true
            guard produced == expectedSize, UInt32(truncatingIfNeeded: checksum) == expectedChecksum else { throw invalid }
            return nil
        }
        produced += count
        guard produced <= limit else { throw tooLarge }
        checksum = crc32(checksum, output.baseAddress, uInt(count))
        return UnsafeBufferPointer(rebasing: output[..<count])
    }

    /// Reads the whole part.
    func bytes() throws(Diagnostics) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(expectedSize, limit))
        while let piece = try next() { bytes.append(contentsOf: piece) }
        return bytes
    }

    private func copyPiece() -> Int {
        let count = min(Self.pieceSize, end - start - consumed)
        guard count > 0 else { return 0 }
        source.withUnsafeBufferPointer { bytes in
            _ = UnsafeMutableBufferPointer(rebasing: output[..<count])
                .initialize(from: bytes[(start + consumed)..<(start + consumed + count)])
        }
        consumed += count
        return count
    }

    private var streamEnded = false

    /// Inflates until the output piece is full or the stream ends; 0 at the end.
    private func inflatePiece() throws(Diagnostics) -> Int {
        guard !streamEnded, let stream else { return 0 }
        let status: Int32 = source.withUnsafeBufferPointer { bytes in
            let input = UnsafeMutablePointer(mutating: bytes.baseAddress! + start + consumed)
            stream.pointee.next_in = input
            stream.pointee.avail_in = uInt(end - start - consumed)
            stream.pointee.next_out = output.baseAddress
            stream.pointee.avail_out = uInt(Self.pieceSize)
            var status = Z_OK
            while stream.pointee.avail_out > 0 {
                status = inflate(stream, Z_NO_FLUSH)
                if status != Z_OK { break }
            }
            consumed += input.distance(to: stream.pointee.next_in)
            return status
        }
        let count = Self.pieceSize - Int(stream.pointee.avail_out)
        switch status {
        case Z_STREAM_END:
            streamEnded = true
        case Z_OK:
            break
        case Z_BUF_ERROR where count > 0:
            // Out of input with output still to come: the stream is cut short; fail at the next call.
            break
        default:
            throw invalid
        }
        if count == 0 && !streamEnded { throw invalid }
        return count
    }
}
