import Foundation
import Testing

/// The official mustache spec (`mustache/spec`), run when `MUSTACHE_SPEC_DIR` names a
/// checkout of it (or its `specs` folder): `scripts/mustache-spec.sh DIR`. The spec is not
/// part of this repository, so without the variable the test does not run.
///
/// Every spec test must pass or be refused by design (``SpecRefusal``); anything else is an
/// issue. `MUSTACHE_SPEC_STRINGS=survey` models the spec's strings as survey text, which may
/// not be printed raw; `MUSTACHE_SPEC_VERBOSE=1` lists every refused test with its reason.
@Suite("Mustache spec suite")
struct SpecSuiteTests {
    static let environment = ProcessInfo.processInfo.environment

    @Test(
        "every spec test passes or is refused by design",
        .enabled(
            if: environment["MUSTACHE_SPEC_DIR"] != nil,
            "MUSTACHE_SPEC_DIR is not set: it names a checkout of github.com/mustache/spec, which this repository does not hold"
        )
    )
    func specSuite() throws {
        let directory = try #require(Self.environment["MUSTACHE_SPEC_DIR"])
        var isFolder: ObjCBool = false
        let specs = (directory as NSString).appendingPathComponent("specs")
        let folder = FileManager.default.fileExists(atPath: specs, isDirectory: &isFolder) && isFolder.boolValue ? specs : directory
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        try #require(!files.isEmpty, "no spec files (*.json) in \(folder)")

        var runner = SpecRunner()
        runner.adapter.trustedStrings = Self.environment["MUSTACHE_SPEC_STRINGS"] != "survey"
        let verbose = Self.environment["MUSTACHE_SPEC_VERBOSE"] != nil
        var table = ["| file | tests | pass | refused by design | fail |", "|---|---:|---:|---|---:|"]
        var totals = (tests: 0, passed: 0, refused: 0, failed: 0)
        for file in files {
            let path = (folder as NSString).appendingPathComponent(file)
            let spec = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            let name = String(file.dropLast(".json".count))
            var passed = 0, failed = 0
            var refused: [SpecRefusal: Int] = [:]
            for test in spec.tests {
                switch runner.run(test, file: name) {
                case .passed:
                    passed += 1
                case .refused(let reason, let detail):
                    refused[reason, default: 0] += 1
                    if verbose { print("refused  \(name) “\(test.name)”: \(reason.rawValue) — \(detail)") }
                case .failed(let detail):
                    failed += 1
                    print("FAILED   \(name) “\(test.name)”: \(detail)")
                    Issue.record("\(name) “\(test.name)”: \(detail)")
                }
            }
            let reasons = SpecRefusal.allCases.compactMap { reason in refused[reason].map { "\($0) \(reason.rawValue)" } }
            let refusedCount = refused.values.reduce(0, +)
            table.append("| \(name) | \(spec.tests.count) | \(passed) | \(refusedCount)\(reasons.isEmpty ? "" : ": " + reasons.joined(separator: ", ")) | \(failed) |")
            totals.tests += spec.tests.count
            totals.passed += passed
            totals.refused += refusedCount
            totals.failed += failed
        }
        table.append("| **all** | \(totals.tests) | \(totals.passed) | \(totals.refused) | \(totals.failed) |")
        print(table.joined(separator: "\n"))
    }
}
