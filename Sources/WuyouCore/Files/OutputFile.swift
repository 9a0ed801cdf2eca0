import Foundation

/// The one way wuyou writes a file it was asked to write (`--html FILE`, imported surveys):
/// readers see the old file or the whole new one, nothing but a regular file is replaced, and
/// a file wuyou did not write is never replaced.
///
/// - No file: the bytes go to a temporary file beside it, are synced, and the temporary file is
///   renamed into place.
/// - A regular file: replaced the same way (keeping its permissions), but only when it is empty
///   or ``Ownership`` recognises it as wuyou's own, and never when it is one of the command's
///   inputs (the same file, through any path or link).
/// - A character device or FIFO (`/dev/stdout`, `/dev/null`, a named pipe): written through,
///   never replaced.
/// - A symbolic link is followed, and its target is treated as above; the link itself is never
///   replaced. A link that points nowhere is refused.
/// - A directory, socket or block device is refused.
public enum OutputFile {
    /// Which existing files a command may replace.
    public struct Ownership: Sendable {
        /// Files the command reads: never written, whatever they hold.
        public var inputs: [String]
        /// Whether a non-empty file holding these bytes is one wuyou wrote (for a report, its
        /// mark; for an imported survey, its first lines).
        public var isOurs: @Sendable ([UInt8]) -> Bool

        public init(inputs: [String], isOurs: @escaping @Sendable ([UInt8]) -> Bool) {
            self.inputs = inputs
            self.isOurs = isOurs
        }
    }

    /// Writes `text` as UTF-8 to `path`.
    ///
    /// - Throws: ``Diagnostics`` holding one `output.*` diagnostic; the old file is then untouched.
    public static func write(_ text: String, to path: String, ownership: Ownership) throws(Diagnostics) {
        try write(Array(text.utf8), to: path, ownership: ownership)
    }

    /// Writes `bytes` to `path`.
    ///
    /// - Throws: ``Diagnostics`` holding one `output.*` diagnostic; the old file is then untouched.
    public static func write(_ bytes: [UInt8], to path: String, ownership: Ownership) throws(Diagnostics) {
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
                try checkReplaceable(target, status: status, ownership: ownership, reportedAs: location)
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

    /// Refuses to replace an input of the command, or a file that is neither empty nor wuyou's.
    private static func checkReplaceable(
        _ path: String, status: stat, ownership: Ownership, reportedAs location: Diagnostic.Location
    ) throws(Diagnostics) {
        for input in ownership.inputs {
            var inputStatus = stat()
            if stat(input, &inputStatus) == 0, inputStatus.st_dev == status.st_dev, inputStatus.st_ino == status.st_ino {
                throw Diagnostics(Diagnostic(.outputIsInput, at: location, ["input": .text(input)]))
            }
        }
        guard status.st_size > 0 else { return }
        guard let bytes = try? InputFile.bytes(at: path, byteLimit: Ownership.readLimit), ownership.isOurs(bytes) else {
            throw Diagnostics(Diagnostic(.outputNotOurs, at: location))
        }
    }

    private static func failure(_ location: Diagnostic.Location, _ code: Int32 = errno) -> Diagnostics {
        Diagnostics(Diagnostic(.outputCannotWrite, at: location, ["reason": .systemError(code)]))
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

extension OutputFile.Ownership {
    /// A file larger than this is not one of wuyou's reports or surveys: it is not read to find out.
    static let readLimit = 64 << 20

    /// Replaces only files whose bytes end with `mark` (white space after it allowed): the mark
    /// every report wuyou writes ends with.
    public static func endingWith(_ mark: String, inputs: [String]) -> Self {
        let mark = Array(mark.utf8)
        return Self(inputs: inputs) { bytes in
            var end = bytes.endIndex
            while end > bytes.startIndex, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[end - 1]) { end -= 1 }
            return bytes[..<end].suffix(mark.count).elementsEqual(mark)
        }
    }

    /// Replaces only files that start with `prefix`: an imported survey's declaration and mark.
    public static func startingWith(_ prefix: String, inputs: [String]) -> Self {
        let prefix = Array(prefix.utf8)
        return Self(inputs: inputs) { $0.starts(with: prefix) }
    }
}
