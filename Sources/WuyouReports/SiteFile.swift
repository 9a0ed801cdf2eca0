import Foundation

/// Plain file writes for the staging folder. `Data.write(to:)` syncs every file to disk, which
/// costs more than rendering a page; the site needs no per-file durability, since it is only
/// published by the final rename.
enum SiteFile {
    static func write(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw error(path) }
        defer { close(descriptor) }
        var text = text
        try text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw error(path)
                }
                offset += written
            }
        }
    }

    private static func error(_ path: String) -> SiteBuilder.BuildError {
        .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
}
