import CSystem
import Foundation
import WuyouCore
import WuyouReports

/// Publishes a site built in a staging folder into `--out`, deleting or replacing only what
/// wuyou wrote.
///
/// - The output folder must be absent, empty, or a site whose every file its
///   ``SiteManifest`` lists; anything else is refused, naming one file that is not wuyou's.
/// - A lock file beside the folder (`.<name>.wuyou-lock`, `flock`) admits one audit at a time;
///   while it is held, staging folders left beside the output by a killed run are removed.
/// - The new site replaces the old one in one atomic step (`renameat2(RENAME_EXCHANGE)` on
///   Linux, `renamex_np(RENAME_SWAP)` on macOS; elsewhere two renames, and a kill between them
///   leaves the new site in its staging folder). The old site is then deleted file by file, as
///   its manifest lists them.
final class SitePublisher {
    let output: URL
    /// The output as the user named it, for messages.
    private let displayPath: String
    private let parent: URL
    private let name: String
    private var lockDescriptor: Int32 = -1

    /// - Parameters:
    ///   - output: The `--out` folder, standardised.
    ///   - displayPath: The folder as the user named it.
    init(output: URL, displayPath: String) {
        self.output = output
        self.displayPath = displayPath
        parent = output.deletingLastPathComponent()
        name = output.lastPathComponent
    }

    deinit {
        if lockDescriptor >= 0 { close(lockDescriptor) }
    }

    private var stagingPrefix: String { ".\(name).wuyou-" }

    // MARK: Lock and leftovers

    /// Takes the lock for `output`, then removes staging folders that killed runs left behind.
    ///
    /// - Throws: ``Diagnostics`` when another audit holds the lock or it cannot be made.
    func lock() throws(Diagnostics) {
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw SiteFile.error(parent.path, EACCES)
        }
        let path = parent.appendingPathComponent(".\(name).wuyou-lock").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw SiteFile.error(path) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw Diagnostics(Diagnostic(.auditOutputLocked, at: .init(file: displayPath)))
        }
        lockDescriptor = descriptor
        removeLeftovers()
    }

    /// Staging folders beside the output that no live run owns (the lock says so).
    private func removeLeftovers() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in names where entry.hasPrefix(stagingPrefix) && !entry.hasSuffix("lock") {
            let folder = parent.appendingPathComponent(entry)
            // An old site swapped out before its deletion finished goes by its manifest; a
            // staging folder without one holds nothing but what its run wrote.
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(SiteManifest.fileName).path) {
                removeSite(at: folder)
            } else {
                removeTree(folder)
            }
        }
    }

    // MARK: Checks

    /// Refuses an output that is not absent, empty, or wholly a site wuyou wrote.
    ///
    /// - Throws: ``Diagnostics`` naming the output and one file in it that is not wuyou's.
    func checkReplaceable() throws(Diagnostics) {
        var status = stat()
        guard lstat(output.path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw Diagnostics(Diagnostic(.auditOutputNotAFolder, at: .init(file: displayPath)))
        }
        let present = try listing(of: output)
        guard !present.isEmpty else { return }
        let manifestPath = output.appendingPathComponent(SiteManifest.fileName).path
        guard let bytes = try? InputFile.bytes(at: manifestPath, byteLimit: 64 << 20),
              let manifest = SiteManifest(text: String(decoding: bytes, as: UTF8.self))
        else {
            throw Diagnostics(Diagnostic(
                .auditOutputNotASite, at: .init(file: displayPath),
                ["file": .text(present.first { $0 != SiteManifest.fileName } ?? present[0])]))
        }
        let listed = Set(manifest.files + [SiteManifest.fileName])
        if let stranger = present.first(where: { !listed.contains($0) }) {
            throw Diagnostics(Diagnostic(.auditOutputNotASite, at: .init(file: displayPath), ["file": .text(stranger)]))
        }
    }

    /// Every file under `folder`, relative, in byte order; a link or special file counts as a
    /// file (it is never followed), a folder by what it holds (an empty folder by itself).
    private func listing(of folder: URL) throws(Diagnostics) -> [String] {
        var result: [String] = []
        func walk(_ url: URL, _ relative: String) throws(Diagnostics) {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: url.path)
            } catch {
                throw SiteFile.error(url.path, EACCES)
            }
            if names.isEmpty && !relative.isEmpty { result.append(relative + "/") }
            for entry in names {
                let child = url.appendingPathComponent(entry)
                let path = relative.isEmpty ? entry : relative + "/" + entry
                var status = stat()
                if lstat(child.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                    try walk(child, path)
                } else {
                    result.append(path)
                }
            }
        }
        try walk(folder, "")
        return result.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    // MARK: Staging and publishing

    /// A new, empty staging folder beside the output.
    func makeStaging() throws(Diagnostics) -> URL {
        let staging = parent.appendingPathComponent(
            stagingPrefix + "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8).lowercased())")
        guard mkdir(staging.path, 0o755) == 0 else { throw SiteFile.error(staging.path) }
        return staging
    }

    /// Writes the manifest of `staging` and swaps it into place; the old site, if any, is then
    /// deleted as its own manifest lists it.
    ///
    /// - Throws: ``Diagnostics`` when the output changed since ``checkReplaceable()`` or the
    ///   swap fails; the old site is then as it was.
    func publish(_ staging: URL) throws(Diagnostics) {
        let manifest = SiteManifest(files: try listing(of: staging))
        try SiteFile.write(manifest.text, to: staging.appendingPathComponent(SiteManifest.fileName).path)
        try checkReplaceable()
        var status = stat()
        if lstat(output.path, &status) != 0 {
            guard rename(staging.path, output.path) == 0 else { throw SiteFile.error(output.path) }
            return
        }
        if wuyou_exchange_paths(staging.path, output.path) != 0 {
            guard errno == ENOSYS || errno == EINVAL else { throw SiteFile.error(output.path) }
            // No atomic exchange on this system or file system: two renames.
            let old = parent.appendingPathComponent(stagingPrefix + "old-\(ProcessInfo.processInfo.processIdentifier)")
            guard rename(output.path, old.path) == 0 else { throw SiteFile.error(output.path) }
            guard rename(staging.path, output.path) == 0 else {
                let code = errno
                _ = rename(old.path, output.path)
                throw SiteFile.error(output.path, code)
            }
            removeSite(at: old)
            return
        }
        // `staging` now holds the old site.
        removeSite(at: staging)
    }

    /// Removes a staging folder that will not be published.
    func discard(_ staging: URL) {
        removeTree(staging)
    }

    /// Deletes an old site: the files its manifest lists, then the folders left empty. A file
    /// someone slipped in since the check stays, with its folder.
    private func removeSite(at folder: URL) {
        let manifestPath = folder.appendingPathComponent(SiteManifest.fileName).path
        let manifest = (try? InputFile.bytes(at: manifestPath, byteLimit: 64 << 20))
            .flatMap { SiteManifest(text: String(decoding: $0, as: UTF8.self)) } ?? SiteManifest(files: [])
        for file in manifest.files where !file.hasSuffix("/") {
            unlink(folder.appendingPathComponent(file).path)
        }
        unlink(manifestPath)
        removeEmptyFolders(folder)
    }

    private func removeEmptyFolders(_ folder: URL) {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let child = folder.appendingPathComponent(entry)
            var status = stat()
            if lstat(child.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { removeEmptyFolders(child) }
        }
        rmdir(folder.path)
    }

    /// Removes a staging folder and everything in it: only wuyou writes into staging folders.
    private func removeTree(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder)
    }
}
