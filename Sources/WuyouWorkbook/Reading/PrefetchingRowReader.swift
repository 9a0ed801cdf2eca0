import Foundation
import WuyouCore

/// Reads another reader's rows on a thread of its own, a few batches ahead: an `.xlsx` sheet
/// inflates and parses on one core while the rows already read become surveys on the other.
///
/// At most ``batchesAhead`` batches of ``batchSize`` rows wait, so memory stays bounded however
/// long the sheet. Dropping the reader stops the thread at its next batch.
final class PrefetchingRowReader: SheetRowReader {
    static let batchSize = 128
    static let batchesAhead = 4

    /// What the thread and the reader share, under `condition`.
    private final class Channel: @unchecked Sendable {
        let condition = NSCondition()
        var batches: [[SheetRow]] = []
        var finished = false
        var failure: Diagnostics?
        var cancelled = false
    }

    /// The wrapped reader, handed to the thread, which alone uses it from then on.
    private struct Handed: @unchecked Sendable {
        let reader: any SheetRowReader
    }

    private let channel = Channel()
    private var batch: [SheetRow] = []
    private var index = 0

    init(_ reader: any SheetRowReader) {
        let channel = self.channel
        let handed = Handed(reader: reader)
        let thread = Thread {
            var rows: [SheetRow] = []
            rows.reserveCapacity(Self.batchSize)
            var failure: Diagnostics?
            do throws(Diagnostics) {
                while let row = try handed.reader.next() {
                    rows.append(row)
                    guard rows.count == Self.batchSize else { continue }
                    guard Self.hand(rows, to: channel) else { return }
                    rows.removeAll(keepingCapacity: true)
                }
            } catch {
                failure = error
            }
            _ = Self.hand(rows, to: channel)
            channel.condition.lock()
            channel.failure = failure
            channel.finished = true
            channel.condition.broadcast()
            channel.condition.unlock()
        }
        thread.name = "wuyou.rows"
        thread.start()
    }

    deinit {
        channel.condition.lock()
        channel.cancelled = true
        channel.condition.broadcast()
        channel.condition.unlock()
    }

    /// Waits for room and hands `rows` over; false when the reader was dropped.
    private static func hand(_ rows: [SheetRow], to channel: Channel) -> Bool {
        channel.condition.lock()
        defer { channel.condition.unlock() }
        while channel.batches.count >= batchesAhead && !channel.cancelled { channel.condition.wait() }
        guard !channel.cancelled else { return false }
        if !rows.isEmpty { channel.batches.append(rows) }
        channel.condition.broadcast()
        return true
    }

    func next() throws(Diagnostics) -> SheetRow? {
        if index < batch.count {
            defer { index += 1 }
            return batch[index]
        }
        channel.condition.lock()
        while channel.batches.isEmpty && !channel.finished { channel.condition.wait() }
        if channel.batches.isEmpty {
            let failure = channel.failure
            channel.condition.unlock()
            if let failure { throw failure }
            return nil
        }
        batch = channel.batches.removeFirst()
        channel.condition.broadcast()
        channel.condition.unlock()
        index = 1
        return batch[0]
    }
}
