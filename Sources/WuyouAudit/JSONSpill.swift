import CSystem
import Foundation
import WuyouCore
import WuyouReports

/// One worker's file of `audit.json` report fragments, appended in the order the worker
/// evaluates surveys; `audit.json` is assembled from the spills in path order at the end.
///
/// One file per worker instead of one per survey: creating and deleting tens of thousands of
/// small files cost more than evaluating the surveys (ext4 without a journal scans recently
/// deleted inodes on every file it creates).
final class JSONSpill: @unchecked Sendable {
    /// Where one fragment lies.
    struct Range: Sendable {
        var spill: Int
        var offset: Int
        var length: Int
    }

    let id: Int
    let path: String
    private let descriptor: Int32
    /// Fragments not yet written, rendered here directly instead of into a fresh buffer per
    /// report that was then copied in.
    private var buffer = JSONBytes(layout: .oneLine, capacity: JSONSpill.flushSize + (64 << 10))
    /// Bytes already written to the file.
    private var written = 0
    private static let flushSize = 1 << 20

    /// - Throws: ``Diagnostics`` when the file cannot be created.
    init(id: Int, path: String) throws(Diagnostics) {
        self.id = id
        self.path = path
        descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw SiteFile.error(path) }
    }

    deinit {
        close(descriptor)
    }

    /// Appends one fragment, which `write` renders.
    func append(_ write: (inout JSONBytes) -> Void) throws(Diagnostics) -> Range {
        let start = buffer.count
        write(&buffer)
        let range = Range(spill: id, offset: written + start, length: buffer.count - start)
        if buffer.count >= Self.flushSize { try flush() }
        return range
    }

    func flush() throws(Diagnostics) {
        guard buffer.count > 0 else { return }
        guard buffer.withBytes({ OutputFile.writeAll(descriptor, $0) }) else { throw SiteFile.error(path) }
        written += buffer.count
        buffer.removeAll()
    }

    /// Appends `length` bytes from `offset` of this spill to `output` (flushed first).
    func copy(offset: Int, length: Int, to output: Int32, reportedAs path: String) throws(Diagnostics) {
        guard wuyou_copy_range(descriptor, Int64(offset), output, Int64(length)) == 0 else { throw SiteFile.error(path) }
    }
}

/// The spills of an audit's workers: a task borrows one while it evaluates a chunk of surveys.
final class JSONSpillPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [JSONSpill]
    let all: [JSONSpill]

    /// - Throws: ``Diagnostics`` when a spill file cannot be created.
    init(count: Int, in folder: String) throws(Diagnostics) {
        var spills: [JSONSpill] = []
        for id in 0..<count {
            spills.append(try JSONSpill(id: id, path: "\(folder)/reports-\(id).json"))
        }
        all = spills
        free = spills
    }

    func borrow() -> JSONSpill {
        lock.lock()
        defer { lock.unlock() }
        return free.removeLast()
    }

    func giveBack(_ spill: JSONSpill) {
        lock.lock()
        defer { lock.unlock() }
        free.append(spill)
    }
}
