import Foundation
import WuyouCore
import WuyouReports
import WuyouMustache

/// Plain file writes for the staging folder. `Data.write(to:)` syncs every file to disk, which
/// costs more than rendering a page; the site needs no per-file durability, since it is only
/// published by the final rename.
enum SiteFile {
    /// - Throws: ``Diagnostics`` holding one `output.cannot-write`.
    static func write(_ text: String, to path: String) throws(Diagnostics) {
        // Straight from the string's storage: the manifest of 100,000 surveys is megabytes.
        var text = text
        let failure = text.withUTF8 { write(UnsafeRawBufferPointer($0), to: path) }
        if let failure { throw error(path, failure) }
    }

    /// - Throws: ``Diagnostics`` holding one `output.cannot-write`.
    static func write(_ bytes: [UInt8], to path: String) throws(Diagnostics) {
        let failure = bytes.withUnsafeBytes { write($0, to: path) }
        if let failure { throw error(path, failure) }
    }

    /// The `errno` of a failure, or nil.
    private static func write(_ buffer: UnsafeRawBufferPointer, to path: String) -> Int32? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return errno }
        defer { close(descriptor) }
        return OutputFile.writeAll(descriptor, buffer) ? nil : errno
    }

    /// Writes a page rendered in pieces (see ``CompiledTemplate/render(_:writingTo:)``).
    ///
    /// - Throws: ``Diagnostics`` holding one `output.cannot-write`.
    static func write<Root>(_ template: CompiledTemplate<Root>, _ model: Root, to path: String) throws(Diagnostics) {
        try write(to: path) { drain in template.render(model, writingTo: drain) }
    }

    /// Writes a file produced in pieces: `produce` hands each piece to the drain it is given,
    /// which writes the bytes and empties them.
    ///
    /// - Throws: ``Diagnostics`` holding one `output.cannot-write`.
    static func write(to path: String, _ produce: (_ drain: @escaping (inout [UInt8]) -> Void) -> Void) throws(Diagnostics) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw error(path) }
        defer { close(descriptor) }
        var failure: Int32 = 0
        produce { bytes in
            if failure == 0, !OutputFile.writeAll(descriptor, bytes) { failure = errno }
            bytes.removeAll(keepingCapacity: true)
        }
        guard failure == 0 else { throw error(path, failure) }
    }

    static func error(_ path: String, _ code: Int32 = errno) -> Diagnostics {
        Diagnostics(Diagnostic(.outputCannotWrite, at: Diagnostic.Location(file: path), ["reason": .systemError(code)]))
    }
}
