import Foundation
import Testing
import WuyouCore
import WuyouTestSupport
@testable import WuyouReports

/// Paths and renderings only the report tests need.
extension HTMLFixtures {
    static let goldenFolder = root.appendingPathComponent("Tests/WuyouReportsTests/Golden")
    static let templateFolder = root.appendingPathComponent("Sources/WuyouReports/HTML/Templates")

}

/// Compares `actual` with the golden file `name`, or records it when `WUYOU_RECORD_GOLDEN=1`.
///
/// On a mismatch the failure names the first differing line and writes the actual output
/// beside the golden file's name in the temporary folder, so `diff -u` shows the whole change.
func assertGolden(_ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let golden = HTMLFixtures.goldenFolder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["WUYOU_RECORD_GOLDEN"] == "1" {
        try FileManager.default.createDirectory(at: HTMLFixtures.goldenFolder, withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: golden)
        return
    }
    guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
        Issue.record(
            "no golden file \(golden.path); record it with WUYOU_RECORD_GOLDEN=1 swift test --filter WuyouReportsTests",
            sourceLocation: sourceLocation)
        return
    }
    guard actual != expected else { return }
    let actualFile = FileManager.default.temporaryDirectory.appendingPathComponent("actual-\(name)")
    try? Data(actual.utf8).write(to: actualFile)
    let actualLines = actual.components(separatedBy: "\n")
    let expectedLines = expected.components(separatedBy: "\n")
    let index = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(actualLines.count, expectedLines.count)
    func line(_ lines: [String]) -> String { index < lines.count ? lines[index] : "(end of file)" }
    Issue.record(
        """
        \(name) differs from its golden file at line \(index + 1):
          golden: \(line(expectedLines))
          actual: \(line(actualLines))
        see the whole change: diff -u \(golden.path) \(actualFile.path)
        if the change is intended, re-record: WUYOU_RECORD_GOLDEN=1 swift test --filter WuyouReportsTests
        """,
        sourceLocation: sourceLocation)
}
