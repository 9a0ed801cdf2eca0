import ArgumentParser
import Foundation
import WuyouAudit
import WuyouCore
import WuyouReports
import WuyouWorkbook
import WuyouWords

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandWords.words["cli.audit.abstract"], discussion: CommandWords.words["cli.audit.discussion"])

    @Argument(help: help("cli.audit.inputs"))
    var inputs: [String]

    @Option(name: .customLong("out"), help: help("cli.audit.out"))
    var out: String

    @Option(help: help("cli.audit.baseline"))
    var baseline: String?

    @Option(help: help("cli.audit.jobs"))
    var jobs: Int?

    @Flag(name: .customLong("public"), help: help("cli.audit.public"))
    var publicSite = false

    @Option(help: help("cli.audit.formats"))
    var formats = "html,json,csv"

    @Flag(help: help("cli.audit.quiet"))
    var quiet = false

    @OptionGroup var options: ReportOptions

    @OptionGroup var ledger: LedgerOptions

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError(CommandWords.words["cli.usage.name-inputs"]) }
        if let jobs, jobs < 1 { throw ValidationError(CommandWords.words["cli.usage.jobs"]) }
        if try chosenFormats().contains(.ledger) && publicSite {
            throw ValidationError(CommandWords.words["cli.usage.public-ledger"])
        }
    }

    /// `--formats` as a set; an unknown or empty list is a usage error.
    func chosenFormats() throws -> Set<SiteFormat> {
        let names = formats.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var chosen: Set<SiteFormat> = []
        for name in names {
            guard let format = SiteFormat(rawValue: name) else {
                throw ValidationError(CommandWords.words("cli.usage.formats-unknown", ["name": name]))
            }
            chosen.insert(format)
        }
        guard !chosen.isEmpty else { throw ValidationError(CommandWords.words["cli.usage.formats-empty"]) }
        return chosen
    }

    /// Diagnostics as a public audit may say them anywhere, stderr included: quoting nothing
    /// from a survey (libxml2's messages can quote its notes or inspector names).
    func published(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        publicSite ? diagnostics.map { $0.withholdingQuotedText() } : diagnostics
    }

    /// What the audit came to, in one line: the site, how many of the counted surveys pass, and
    /// the drafts and files left out.
    func closingLine(_ summary: AuditSummary, formats: Set<SiteFormat>) -> String {
        let words = Words(options.lang)
        var line = words("cli.audit.closing", [
            "place": formats.contains(.html) ? out + "/index.html" : out,
            "passing": "\(summary.passing)", "surveys": "\(summary.countedSurveys)",
        ])
        if summary.draftCount > 0 { line += words("cli.audit.closing.drafts", ["drafts": "\(summary.draftCount)"]) }
        if !summary.unused.isEmpty {
            // Named, the first few: the index and audit.json list them all.
            let shown = 5
            let names = summary.unused.prefix(shown).map { unused in
                guard let name = unused.identity?.community ?? unused.identity?.id else { return unused.path }
                return words("cli.audit.closing.unused-name", ["community": name, "path": unused.path])
            }.joined(separator: words["cli.error.choice-separator"])
            line += words(summary.unused.count > shown ? "cli.audit.closing.unused-more" : "cli.audit.closing.unused",
                          ["unused": "\(summary.unused.count)", "names": names])
        }
        if !summary.inputProblems.isEmpty {
            line += words("cli.audit.closing.folders", ["folders": "\(summary.inputProblems.count)"])
        }
        return line
    }

    func run() async throws {
        let formats = try chosenFormats()
        let checklist = try options.loadChecklist()
        let ledger = try self.ledger.load(checklist: checklist, language: options.lang)
        let builder = SiteBuilder(checklist: checklist, options: SiteBuilder.Options(
            inputs: inputs, outputDirectory: out, baselinePath: baseline,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, language: options.lang,
            strict: options.strict, templateDirectory: options.templates, publicSite: publicSite,
            toolVersion: WuyouCommand.version, importer: WorkbookSurveyImporter(checklist: checklist),
            formats: formats, ledger: ledger, ledgerWorkbook: LedgerOptions.workbookWriter(language: options.lang)))
        let bar = !quiet && isatty(STDERR_FILENO) == 1 ? ProgressBar(language: options.lang) : nil
        let result: SiteBuilder.Result
        do {
            result = try await builder.build(progress: bar.map { bar in { bar.update(done: $0, total: $1) } })
        } catch {
            bar?.finish()
            StandardError.print(published(error.items), language: options.lang)
            throw ExitCode(ExitStatus.badInput)
        }
        bar?.finish()
        StandardError.print(published(result.summary.errors + result.warnings), language: options.lang)
        if !quiet {
            try StandardOutput.write(closingLine(result.summary, formats: formats) + "\n", language: options.lang)
        }
        throw ExitCode(result.exitStatus)
    }
}
