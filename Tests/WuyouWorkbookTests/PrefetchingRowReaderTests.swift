import Foundation
import Testing
import WuyouCore
@testable import WuyouWorkbook

/// Rows read ahead on a thread of their own come in order, a reader's failure comes after the
/// rows before it, and a reader dropped half way stops its thread.
@Suite("Reading rows ahead", .timeLimit(.minutes(1)))
struct PrefetchingRowReaderTests {
    /// Counts readers gone: a thread that stopped has let go of its reader.
    final class Gone: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    /// Rows 1…count, then (with `failing`) an error.
    final class Numbered: SheetRowReader {
        let count: Int
        let failing: Bool
        let gone: Gone?
        var upcoming = 1

        init(_ count: Int, failing: Bool = false, gone: Gone? = nil) {
            self.count = count
            self.failing = failing
            self.gone = gone
        }

        deinit { gone?.add() }

        func next() throws(Diagnostics) -> SheetRow? {
            guard upcoming <= count else {
                if failing { throw Diagnostics(Diagnostic(.workbookZipInvalid, at: .init(file: "x.xlsx"))) }
                return nil
            }
            defer { upcoming += 1 }
            return SheetRow(number: upcoming, cells: [SheetCell(column: 1, value: .text("\(upcoming)"))])
        }
    }

    @Test(arguments: [0, 1, PrefetchingRowReader.batchSize, 5 * PrefetchingRowReader.batchSize * PrefetchingRowReader.batchesAhead + 3])
    func everyRowInOrder(_ count: Int) throws {
        let reader = PrefetchingRowReader(Numbered(count))
        var numbers: [Int] = []
        while let row = try reader.next() { numbers.append(row.number) }
        #expect(numbers == Array(stride(from: 1, through: count, by: 1)))
        #expect(try reader.next() == nil)
    }

    @Test func aFailureComesAfterTheRowsBeforeIt() throws {
        let reader = PrefetchingRowReader(Numbered(300, failing: true))
        var numbers: [Int] = []
        let error = #expect(throws: Diagnostics.self) {
            while let row = try reader.next() { numbers.append(row.number) }
        }
        #expect(numbers.count == 300)
        #expect(error?.items.map(\.code) == [.workbookZipInvalid])
    }

    @Test func droppingAReaderStopsItsThread() throws {
        let gone = Gone()
        for _ in 0..<50 {
            let reader = PrefetchingRowReader(Numbered(1_000_000, gone: gone))
            #expect(try reader.next()?.number == 1)
        }
        for _ in 0..<500 where gone.value < 50 { Thread.sleep(forTimeInterval: 0.01) }
        #expect(gone.value == 50)
    }
}
