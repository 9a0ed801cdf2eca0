import Foundation
import Testing
import WuyouXML

/// Small helpers shared by the WuyouXML tests.
enum Support {
    /// The UTF-8 bytes of `text`.
    static func utf8(_ text: String) -> [UInt8] {
        Array(text.utf8)
    }

    /// A fresh, empty directory that `body` may fill; removed afterwards.
    static func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("wuyou-xml-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }

    /// Writes `bytes` to `name` inside `directory` and returns its path.
    static func write(_ bytes: [UInt8], named name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Runs a parse that must fail and returns its diagnostics (recording an issue if it succeeds).
    static func failure(
        _ parse: () throws(XMLDiagnostics) -> ParsedDocument,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> XMLDiagnostics? {
        do {
            let document = try parse()
            Issue.record("expected the parse to fail, but it produced <\(document.root.name)>", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    /// Every text and attribute value in the tree under `element`, joined.
    static func allText(of element: SourceElement) -> String {
        var parts = [element.name, element.text] + element.attributes.map(\.value)
        parts += element.children.map(allText(of:))
        return parts.joined(separator: "\n")
    }

    // MARK: gzip

    /// A valid gzip stream holding `payload` in one stored (uncompressed) deflate block.
    ///
    /// Built by hand so the test needs no zlib or `gzip` binary; zlib reads it like any other.
    static func gzip(_ payload: [UInt8]) -> [UInt8] {
        precondition(payload.count <= 0xFFFF, "one stored block holds at most 65535 bytes")
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
        let length = UInt16(payload.count)
        out += [0x01, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
        out += payload
        out += littleEndian(crc32(payload))
        out += littleEndian(UInt32(payload.count))
        return out
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8((value >> (8 * UInt32($0))) & 0xFF) }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
            }
        }
        return ~crc
    }

    // MARK: stderr

    private static let stderrLock = NSLock()

    /// Runs `body` with file descriptor 2 redirected to a temporary file and returns what was
    /// written there. The captured text is echoed back to the real stderr afterwards so that
    /// nothing another concurrently running test printed is lost.
    static func capturingStandardError(_ body: () throws -> Void) throws -> String {
        stderrLock.lock()
        defer { stderrLock.unlock() }
        return try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("stderr.txt")
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
            let capture = open(url.path, O_WRONLY | O_TRUNC)
            guard capture >= 0 else { throw CocoaError(.fileWriteUnknown) }
            fflush(nil)
            let saved = dup(2)
            dup2(capture, 2)
            close(capture)
            var thrown: (any Error)?
            do { try body() } catch { thrown = error }
            fflush(nil)
            dup2(saved, 2)
            close(saved)
            // Decoded leniently: libxml2 would echo the offending (possibly invalid UTF-8) bytes.
            let data = (try? Data(contentsOf: url)) ?? Data()
            if !data.isEmpty { FileHandle.standardError.write(data) }
            let captured = String(decoding: data, as: UTF8.self)
            if let thrown { throw thrown }
            return captured
        }
    }
}
