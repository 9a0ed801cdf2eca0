import Foundation
import WuyouWords

/// A one-line progress bar on stderr (only used when stderr is a terminal): count, rate, time left.
final class ProgressBar {
    private let words: WordTemplate
    private let start = ContinuousClock.now

    init(language: ReportLanguage) {
        words = WordTemplate(Words(language), "cli.progress")
    }

    private var lastDrawn = ContinuousClock.now - .seconds(1)

    func update(done: Int, total: Int) {
        let now = ContinuousClock.now
        guard done == total || now - lastDrawn >= .milliseconds(100) else { return }
        lastDrawn = now
        let elapsed = Self.seconds(now - start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let figures = words.fill([
            "done": "\(done)", "total": "\(total)", "rate": String(format: "%.1f", rate), "left": Self.clock(remaining),
        ])
        let line = "\r\(bar) \(figures)\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return String(format: "%d:%02d", total / 60, total % 60)
    }
}
