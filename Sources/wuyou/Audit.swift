import ArgumentParser
import Foundation
import WuyouAudit
import WuyouCore
import WuyouReports
import WuyouWorkbook

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit every survey under the given files and folders and publish a static site.",
        discussion: """
            Writes DIR/index.html, DIR/surveys/<survey id>.html, DIR/audit.json and DIR/audit.csv
            (--formats picks among html, json and csv; e.g. --formats json,csv for dashboards).
            The site is built beside DIR and moved into place when complete. Files that cannot be
            read or validated are listed in the site and on stderr; the others are still audited.

            Exit status: 0 every survey passes, 1 a survey fails, 2 an input could not be used
            (or the baseline, templates or output folder are unusable), 64 usage error.

            Examples:
              wuyou audit examples --out site
              wuyou audit surveys/2024 --out site --baseline site-2023/audit.json
              wuyou audit surveys --out public --public --lang en --jobs 4
              wuyou audit 普查.xlsx --out site
              wuyou audit surveys --out data --formats json,csv
            """)

    @Argument(help: "Survey files, folders searched recursively for *.xml, and survey workbooks (.xlsx, or .csv sheets).")
    var inputs: [String]

    @Option(name: .customLong("out"), help: "The folder to publish the site in (replaced when it holds an earlier audit).")
    var out: String

    @Option(help: "An earlier audit.json to compare with.")
    var baseline: String?

    @Option(help: "Surveys evaluated at once (default: the number of processors).")
    var jobs: Int?

    @Flag(name: .customLong("public"), help: "Leave inspector names and notes out of every file, for publication.")
    var publicSite = false

    @Option(help: "Outputs to write, among html, json and csv, separated by commas (default: all three).")
    var formats = "html,json,csv"

    @Flag(help: "No progress bar and no closing summary line.")
    var quiet = false

    @OptionGroup var options: ReportOptions

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("Name at least one survey file or folder.") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        _ = try chosenFormats()
    }

    /// `--formats` as a set; an unknown or empty list is a usage error.
    func chosenFormats() throws -> Set<SiteFormat> {
        let names = formats.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var chosen: Set<SiteFormat> = []
        for name in names {
            guard let format = SiteFormat(rawValue: name) else {
                throw ValidationError("--formats takes html, json and csv, separated by commas; not \"\(name)\".")
            }
            chosen.insert(format)
        }
        guard !chosen.isEmpty else { throw ValidationError("--formats needs at least one of html, json, csv.") }
        return chosen
    }

    func run() async throws {
        let formats = try chosenFormats()
        let checklist = try options.loadChecklist()
        let builder = SiteBuilder(checklist: checklist, options: SiteBuilder.Options(
            inputs: inputs, outputDirectory: out, baselinePath: baseline,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, language: options.lang,
            strict: options.strict, templateDirectory: options.template, publicSite: publicSite,
            toolVersion: WuyouCommand.version, importer: WorkbookSurveyImporter(checklist: checklist),
            formats: formats))
        let bar = !quiet && isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
        let result: SiteBuilder.Result
        do {
            result = try await builder.build(progress: bar.map { bar in { bar.update(done: $0, total: $1) } })
        } catch {
            bar?.finish()
            StandardError.print(error.items, language: options.lang)
            throw ExitCode(ExitStatus.badInput)
        }
        bar?.finish()
        StandardError.print(result.summary.errors, language: options.lang)
        if !quiet {
            let summary = result.summary
            let files = summary.filesWithErrors
            try StandardOutput.write(
                "\(formats.contains(.html) ? out + "/index.html" : out): \(summary.passing) of \(summary.surveys.count) surveys pass"
                    + (files > 0 ? "; \(files) files could not be used" : "") + "\n",
                language: options.lang)
        }
        throw ExitCode(result.exitStatus)
    }
}
