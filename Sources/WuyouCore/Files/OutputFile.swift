import Foundation

/// The one way wuyou writes a file it was asked to write (`--html FILE`, imported surveys):
/// readers see the old file or the whole new one, and nothing but a regular file is replaced.
///
/// - A regular file, or no file: the bytes go to a temporary file beside it, are synced, and
///   the temporary file is renamed over it (keeping the old file's permissions).
/// - A character device or FIFO (`/dev/stdout`, `/dev/null`, a named pipe): written through,
///   never replaced.
/// - A symbolic link is followed, and its target is treated as above; the link itself is never
///   replaced. A link that points nowhere is refused.
/// - A directory, socket or block device is refused.
public enum OutputFile {
    /// Writes `text` as UTF-8 to `path`.
    ///
    /// - Throws: ``Diagnostics`` holding one `output.*` diagnostic; the old file is then untouched.
    public static func write(_ text: String, to path: String) throws(Diagnostics) {
        try write(Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path`.
    ///
    /// - Throws: ``Diagnostics`` holding one `output.*` diagnostic; the old file is then untouched.
    public static func write(_ bytes: [UInt8], to path: String) throws(Diagnostics) {
        let location = Diagnostic.Location(file: path)
        var target = path
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                throw Diagnostics(Diagnostic(.outputDanglingLink, at: location))
            }
            target = String(cString: resolved)
            free(resolved)
        }
        if stat(target, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFREG:
                try replace(target, with: bytes, mode: status.st_mode & 0o7777, reportedAs: location)
            case S_IFCHR, S_IFIFO:
                try writeThrough(target, bytes, reportedAs: location)
            case S_IFDIR:
                throw Diagnostics(Diagnostic(.outputIsDirectory, at: location))
            default:
                throw Diagnostics(Diagnostic(.outputNotAFile, at: location))
            }
        } else if errno == ENOENT {
            try replace(target, with: bytes, mode: nil, reportedAs: location)
        } else {
            throw failure(location)
        }
    }

    private static func failure(_ location: Diagnostic.Location, _ code: Int32 = errno) -> Diagnostics {
        Diagnostics(Diagnostic(.outputCannotWrite, at: location, ["reason": .text(String(cString: strerror(code)))]))
    }

    private static func replace(_ path: String, with bytes: [UInt8], mode: mode_t?, reportedAs location: Diagnostic.Location) throws(Diagnostics) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).wuyou-\(getpid())-\(UUID().uuidString.prefix(8)).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode ?? 0o644)
        guard descriptor >= 0 else { throw failure(location) }
        var written = true
        if let mode { written = fchmod(descriptor, mode) == 0 }
        written = written && writeAll(descriptor, bytes) && fsync(descriptor) == 0
        let code = errno
        close(descriptor)
        guard written, rename(temporary, path) == 0 else {
            let renameCode = written ? errno : code
            unlink(temporary)
            throw failure(location, renameCode)
        }
    }

    private static func writeThrough(_ path: String, _ bytes: [UInt8], reportedAs location: Diagnostic.Location) throws(Diagnostics) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(location) }
        defer { close(descriptor) }
        guard writeAll(descriptor, bytes) else { throw failure(location) }
    }

    /// Writes every byte, retrying after interruptions; false on an error (see `errno`).
    public static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { writeAll(descriptor, $0) }
    }

    /// Writes every byte of `buffer`, retrying after interruptions; false on an error (see `errno`).
    public static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }
}
