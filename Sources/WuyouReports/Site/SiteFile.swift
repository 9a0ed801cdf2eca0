import Foundation
import WuyouCore

/// Plain file writes for the staging folder. `Data.write(to:)` syncs every file to disk, which
/// costs more than rendering a page; the site needs no per-file durability, since it is only
/// published by the final rename.
enum SiteFile {
    /// - Throws: ``Diagnostics`` holding one `output.cannot-write`.
    static func write(_ text: String, to path: String) throws(Diagnostics) {
        try write(Array(text.utf8), to: path)
    }

    /// - Throws: ``Diagnostics`` holding one `output.cannot-write`.
    static func write(_ bytes: [UInt8], to path: String) throws(Diagnostics) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw error(path) }
        defer { close(descriptor) }
        guard OutputFile.writeAll(descriptor, bytes) else { throw error(path) }
    }

    static func error(_ path: String, _ code: Int32 = errno) -> Diagnostics {
        Diagnostics(Diagnostic(.outputCannotWrite, at: Diagnostic.Location(file: path), ["reason": .text(String(cString: strerror(code)))]))
    }
}
