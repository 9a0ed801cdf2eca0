import ArgumentParser
import Foundation
import WuyouCore
import WuyouReports

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit every survey under the given files and folders and publish a static site.",
        discussion: """
            Writes DIR/index.html, DIR/surveys/<survey id>.html, DIR/audit.json and DIR/audit.csv.
            The site is built beside DIR and moved into place when complete. Files that cannot be
            read or validated are listed in the site and on stderr; the others are still audited.

            Exit status: 0 every survey passes, 1 a survey fails, 2 an input could not be used
            (or the baseline, templates or output folder are unusable), 64 usage error.

            Examples:
              wuyou audit examples --out site
              wuyou audit surveys/2024 --out site --baseline site-2023/audit.json
              wuyou audit surveys --out public --public --lang en --jobs 4
            """)

    @Argument(help: "Survey files, and folders searched recursively for *.xml.")
    var inputs: [String]

    @Option(name: .customLong("out"), help: "The folder to publish the site in (replaced when it holds an earlier audit).")
    var out: String

    @Option(help: "An earlier audit.json to compare with.")
    var baseline: String?

    @Option(help: "Surveys evaluated at once (default: the number of processors).")
    var jobs: Int?

    @Flag(name: .customLong("public"), help: "Leave inspector names and notes out of every file, for publication.")
    var publicSite = false

    @Flag(help: "No progress bar and no closing summary line.")
    var quiet = false

    @OptionGroup var options: ReportOptions

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("Name at least one survey file or folder.") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() async throws {
        let checklist = try options.loadChecklist()
        let builder = SiteBuilder(checklist: checklist, options: SiteBuilder.Options(
            inputs: inputs, outputDirectory: out, baselinePath: baseline,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, language: options.lang,
            strict: options.strict, templateDirectory: options.template, publicSite: publicSite,
            toolVersion: WuyouCommand.version))
        let bar = !quiet && isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
        let result: SiteBuilder.Result
        do {
            result = try await builder.build(progress: bar.map { bar in { bar.update(done: $0, total: $1) } })
        } catch {
            bar?.finish()
            Diagnostics.printError("wuyou audit: \(error)")
            throw ExitCode(ExitStatus.badInput)
        }
        bar?.finish()
        let text = AuditText(language: options.lang)
        for error in result.summary.errors {
            Diagnostics.printError("\(error.path):\(error.line):\(error.column): \(text.message(for: error))")
        }
        if !quiet {
            let summary = result.summary
            let files = Set(summary.errors.map(\.path)).count
            print("\(out)/index.html: \(summary.passing) of \(summary.surveys.count) surveys pass"
                + (files > 0 ? "; \(files) files could not be used" : ""))
        }
        throw ExitCode(result.exitStatus)
    }
}

/// A one-line progress bar on stderr (only used when stderr is a terminal): count, rate, ETA.
private final class ProgressBar {
    private let start = ContinuousClock.now
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
        let line = "\r\(bar) \(done)/\(total)  \(String(format: "%.1f", rate))/s  ETA \(Self.clock(remaining))\u{1B}[K"
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
