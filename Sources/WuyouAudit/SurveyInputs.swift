import Foundation
import WuyouCore

/// The survey files an audit reads, found from the files and folders named on its command line.
public enum SurveyInputs {
    /// What discovery found.
    public struct Discovery: Sendable {
        /// The surveys, sorted by path's UTF-8 bytes (a locale-independent, stable order), each
        /// file once; a workbook's surveys each once, in its stead.
        public var sources: [SurveySource]
        /// Folders that could not be listed.
        public var errors: [Diagnostic]

        /// The sources' paths.
        public var files: [String] { sources.map(\.path) }
    }

    /// Finds the surveys to audit.
    ///
    /// A file is taken as given, whatever its name (a missing one fails later, when it is read,
    /// and is reported like any unreadable survey). A folder is searched recursively for files
    /// whose name ends in `.xml` (any case); entries whose name starts with `.` are skipped. A
    /// symbolic link inside a folder is followed only when it leads to a place inside that same
    /// input folder, so a walk never leaves the tree it was given (a link to `/` is skipped)
    /// and never loops. A file named twice (directly, through two folders, or through a link)
    /// is kept once, under the path that sorts first.
    ///
    /// A file the `importer` reads (a workbook) is handed to it and replaced by the surveys it
    /// holds; folders are never searched for workbooks, only for survey XML.
    ///
    /// - Parameters:
    ///   - inputs: Paths from the command line.
    ///   - excluding: Canonical paths of folders never to enter (the site being published).
    ///   - importer: Reads workbooks named on the command line, if any.
    /// - Returns: The surveys in stable order, and the folders that could not be listed.
    public static func discover(
        _ inputs: [String], excluding: Set<String> = [], importer: (any SurveyImporting)? = nil
    ) -> Discovery {
        var found: [Found] = []
        var workbooks: [String] = []
        var errors: [Diagnostic] = []
        var visitedFolders = excluding
        for input in inputs {
            if isDirectory(input) {
                let root = identity(of: input)
                walk(folder: input, root: root, into: &found, errors: &errors, visited: &visitedFolders)
            } else if let importer, importer.reads(input) {
                workbooks.append(input)
            } else {
                found.append(Found(path: input, file: FileID(path: input)))
            }
        }
        var seen = SeenFiles()
        // Sorted in place and read once: a city's folder may hold 100,000 surveys.
        found.sort { UTF8Order.precedes($0.path, $1.path) }
        var sources: [SurveySource] = []
        sources.reserveCapacity(found.count)
        for item in found where item.file.map({ seen.isFirst(item.path, hint: $0) }) ?? true {
            sources.append(item.source ?? SurveySource(path: item.path))
        }
        if let importer, !workbooks.isEmpty {
            sources += importer.surveys(in: workbooks.filter { path in
                FileID(path: path).map { seen.isFirst(path, hint: $0) } ?? true
            })
            sources.sort { UTF8Order.precedes($0.path, $1.path) }
        }
        return Discovery(sources: sources, errors: errors.sorted { UTF8Order.precedes($0.location.file, $1.location.file) })
    }

    /// A file as the file system knows it: the same through any path or link.
    struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64

        init(_ status: stat) {
            self.init(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
        }

        /// The file `path` leads to (links followed); nil when there is none.
        init?(path: String) {
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            self.init(status)
        }

        init(device: UInt64, inode: UInt64) {
            self.device = device
            self.inode = inode
        }
    }

    /// The files kept so far. An identity from a directory listing is only a hint: a FUSE file
    /// system may give every entry the same inode number, so two paths are one file only when
    /// their own `stat`s agree.
    struct SeenFiles {
        private var first: [FileID: String] = [:]

        /// Whether `path` is a file not seen before (and now seen).
        mutating func isFirst(_ path: String, hint: FileID) -> Bool {
            guard let earlier = first[hint] else {
                first[hint] = path
                return true
            }
            return !Self.sameFile(earlier, path)
        }

        private static func sameFile(_ one: String, _ other: String) -> Bool {
            guard let left = FileID(path: one), let right = FileID(path: other) else { return false }
            return left == right
        }
    }

    /// A survey path, and its file when it exists (a missing file is reported when it is read);
    /// a file whose name is not UTF-8 comes read, with a warning about its name.
    private struct Found {
        var path: String
        var file: FileID?
        var source: SurveySource?
    }

    private static func walk(
        folder: String, root: String, into found: inout [Found], errors: inout [Diagnostic], visited: inout Set<String>
    ) {
        guard visited.insert(identity(of: folder)).inserted else { return }
        func unreadable() {
            errors.append(Diagnostic(.auditFolderUnreadable, at: Diagnostic.Location(file: folder)))
        }
        guard let directory = opendir(folder) else { return unreadable() }
        defer { closedir(directory) }
        var folderStatus = stat()
        guard fstat(dirfd(directory), &folderStatus) == 0 else { return unreadable() }
        // The entries' types and inode numbers come with the listing: a regular file needs no
        // stat of its own (a serial walk over 20,000 surveys spent a tenth of the audit on them).
        var entries: [(name: String, type: UInt8, inode: UInt64)] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                // A listing cut short is a folder that could not be read, not a smaller one.
                if errno != 0 { return unreadable() }
                break
            }
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            guard bytes.first != UInt8(ascii: ".") else { continue }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                if let item = unnamed(bytes, type: entry.pointee.d_type, in: directory, folder: folder, errors: &errors) {
                    found.append(item)
                }
                continue
            }
            entries.append((name, entry.pointee.d_type, UInt64(entry.pointee.d_ino)))
        }
        entries.sort { UTF8Order.precedes($0.name, $1.name) }
        for entry in entries {
            let path = join(folder, entry.name)
            let isSurveyName = entry.name.utf8.count >= 4 && entry.name.suffix(4).lowercased() == ".xml"
            if Int32(entry.type) == DT_REG {
                // A file lies on its folder's device (a file bind-mounted in is the rare exception,
                // and costs only the deduplication of a survey named twice).
                if isSurveyName { found.append(Found(path: path, file: FileID(device: UInt64(folderStatus.st_dev), inode: entry.inode))) }
                continue
            }
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFLNK {
                let target = identity(of: path)
                guard target == root || target.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { continue }
                // One stat per file, not a realpath: the walk is serial and a city has tens of thousands.
                guard stat(path, &status) == 0 else { continue }
            }
            if status.st_mode & S_IFMT == S_IFDIR {
                walk(folder: path, root: root, into: &found, errors: &errors, visited: &visited)
            } else if isSurveyName {
                found.append(Found(path: path, file: FileID(status)))
            }
        }
    }

    /// A survey file whose name is not UTF-8 (written on another system, or unpacked from a
    /// zip made with GBK names): no path string reaches it again, so it is read now, through
    /// its folder, and audited under its name with `\xNN` escapes, with a warning saying why.
    /// A folder of such a name is reported and not entered.
    private static func unnamed(
        _ name: [UInt8], type: UInt8, in directory: OpaquePointer, folder: String, errors: inout [Diagnostic]
    ) -> Found? {
        let shown = join(folder, escaped(name))
        let location = Diagnostic.Location(file: shown)
        let descriptor = name.withUnsafeBufferPointer { buffer in
            (Array(buffer) + [0]).withUnsafeBufferPointer {
                openat(dirfd(directory), UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self),
                       O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW)
            }
        }
        guard descriptor >= 0 else {
            if Int32(type) != DT_LNK { errors.append(Diagnostic(.fileNameNotUTF8, at: location, ["reason": .systemError(errno)])) }
            return nil
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        if status.st_mode & S_IFMT == S_IFDIR {
            errors.append(Diagnostic(.folderNameNotUTF8, at: location))
            return nil
        }
        let lower = name.suffix(4).map { $0 | 0x20 }
        guard status.st_mode & S_IFMT == S_IFREG, name.count >= 4, lower == Array(".xml".utf8) else { return nil }
        let warning = Diagnostic(.fileNameNotUTF8, at: location, severity: .warning)
        guard Int(status.st_size) <= InputLimits.surveyBytes else {
            return Found(path: shown, file: FileID(status), source: SurveySource(path: shown, content: .unusable(
                [warning, Diagnostic(.fileTooLarge, at: location, ["limit": .count(InputLimits.surveyBytes)])])))
        }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
        guard count >= 0, count <= Int(status.st_size) else {
            return Found(path: shown, file: FileID(status), source: SurveySource(path: shown, content: .unusable(
                [warning, Diagnostic(.fileUnreadable, at: location, ["reason": .systemError(count < 0 ? errno : EFBIG)])])))
        }
        return Found(path: shown, file: FileID(status),
                     source: SurveySource(path: shown, content: .listed(bytes: Array(bytes.prefix(count))), warnings: [warning]))
    }

    /// A name's bytes as text: valid UTF-8 kept, every other byte as `\xNN`.
    static func escaped(_ name: [UInt8]) -> String {
        var text = ""
        var index = 0
        while index < name.count {
            let lead = name[index]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
            if length > 0, index + length <= name.count,
               let character = String(validating: name[index..<index + length], as: UTF8.self) {
                text += character
                index += length
            } else {
                text += "\\x" + (lead < 0x10 ? "0" : "") + String(lead, radix: 16, uppercase: true)
                index += 1
            }
        }
        return text
    }

    private static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    private static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    /// The file's canonical path (links resolved), or the path itself when it does not exist.
    private static func identity(of path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
