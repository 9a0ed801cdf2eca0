import Foundation

/// Reads input files the one safe way: a regular file (symbolic links followed) of bounded size.
public enum InputFile {
    /// Files bigger than this are refused unread: a survey or checklist is a few kilobytes.
    public static let defaultByteLimit = 8 << 20

    /// Reads the regular file at `path`.
    ///
    /// The file is opened without blocking and checked through the open descriptor, so a FIFO
    /// or device, even one swapped in after a check, can neither hang nor stream forever.
    ///
    /// - Parameters:
    ///   - path: The file; also the name its diagnostics carry.
    ///   - byteLimit: Files larger than this are refused.
    ///   - followLinks: When false, a symbolic link is refused as not a regular file.
    ///   - singleName: When true, a file with more than one name (a hard link, which can name a
    ///     file anywhere on the disk) is refused as not a regular file.
    /// - Throws: ``Diagnostics`` holding one `file.*` diagnostic.
    public static func bytes(
        at path: String, byteLimit: Int = defaultByteLimit, followLinks: Bool = true, singleName: Bool = false
    ) throws(Diagnostics) -> [UInt8] {
        let location = Diagnostic.Location(file: path)
        func failure() -> Diagnostics {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return Diagnostics(Diagnostic(.fileNotFound, at: location)) }
            return Diagnostics(Diagnostic(.fileUnreadable, at: location, ["reason": .systemError(code)]))
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else {
            if errno == ELOOP && !followLinks { throw Diagnostics(Diagnostic(.fileNotRegular, at: location)) }
            throw failure()
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure() }
        switch status.st_mode & S_IFMT {
        case S_IFREG where singleName && status.st_nlink > 1: throw Diagnostics(Diagnostic(.fileNotRegular, at: location))
        case S_IFREG: break
        case S_IFDIR: throw Diagnostics(Diagnostic(.fileIsDirectory, at: location))
        default: throw Diagnostics(Diagnostic(.fileNotRegular, at: location))
        }
        if Int(status.st_size) > byteLimit {
            throw Diagnostics(Diagnostic(.fileTooLarge, at: location, ["limit": .count(byteLimit)]))
        }
        // Read straight into an array sized from fstat, one byte more to see the end; only a file
        // that grew since fstat is read on in chunks. (A 64 KB scratch buffer cleared for every
        // few-KB survey was 2.5% of an audit.)
        let expected = Int(status.st_size) + 1
        var errorCode: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            while count < expected {
                let got = read(descriptor, buffer.baseAddress! + count, expected - count)
                if got < 0 {
                    if errno == EINTR { continue }
                    errorCode = errno
                    return
                }
                if got == 0 { return }
                count += got
                // A regular file reads short only at its end: no second call to learn that.
                if count < expected { return }
            }
        }
        if errorCode != 0 {
            errno = errorCode
            throw failure()
        }
        if bytes.count == expected {
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            while bytes.count <= byteLimit {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw failure()
                }
                if count == 0 { break }
                bytes += chunk[0..<count]
            }
        }
        guard bytes.count <= byteLimit else {
            throw Diagnostics(Diagnostic(.fileTooLarge, at: location, ["limit": .count(byteLimit)]))
        }
        return bytes
    }
}
