import CSystem
import Foundation
import WuyouWords
import WuyouCore
import WuyouLedger
import WuyouReports

/// `wuyou audit`: evaluates many surveys in parallel and publishes a static site —
/// `index.html`, `surveys/<name>.html`, `audit.json` and `audit.csv` (see docs/spec/cli-and-reports.md).
///
/// The site is built in a hidden folder beside the output folder and moved into place only
/// when complete, so a failed run leaves the previous site (or nothing) behind. Each survey is
/// loaded, evaluated and written by one task, at most ``Options/jobs`` at a time; only its
/// ``AuditedSurvey`` stays in memory. Output bytes depend only on the inputs and options, not
/// on timing or the number of jobs.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        /// Survey files and folders (searched recursively for `*.xml`), and workbooks the
        /// ``importer`` reads.
        public var inputs: [String]
        public var outputDirectory: String
        /// An earlier `audit.json` to compare with.
        public var baselinePath: String?
        /// Surveys evaluated at once.
        public var jobs: Int
        public var language: ReportLanguage
        public var strict: Bool
        /// A folder of mustache templates overriding the built-in ones.
        public var templateDirectory: String?
        /// Leave inspector names and notes out of every file.
        public var publicSite: Bool
        /// `wuyou`'s version, printed in the provenance line.
        public var toolVersion: String
        /// Reads the workbooks named among the inputs (see ``SurveyImporting``).
        public var importer: (any SurveyImporting)?
        /// The outputs to write (`--formats`).
        public var formats: Set<SiteFormat>
        /// The ledger of every `--ledger` file, checked against the checklist.
        public var ledger: Ledger?
        /// Writes `ledger.xlsx` when ``formats`` asks for it (see ``LedgerWorkbookWriting``).
        public var ledgerWorkbook: (any LedgerWorkbookWriting)?

        public init(
            inputs: [String], outputDirectory: String, baselinePath: String? = nil,
            jobs: Int = ProcessInfo.processInfo.activeProcessorCount, language: ReportLanguage = .zh,
            strict: Bool = false, templateDirectory: String? = nil, publicSite: Bool = false,
            toolVersion: String = WuyouVersion.current, importer: (any SurveyImporting)? = nil,
            formats: Set<SiteFormat> = SiteFormat.standard, ledger: Ledger? = nil,
            ledgerWorkbook: (any LedgerWorkbookWriting)? = nil
        ) {
            self.ledger = ledger
            self.ledgerWorkbook = ledgerWorkbook
            self.formats = formats
            self.inputs = inputs
            self.outputDirectory = outputDirectory
            self.baselinePath = baselinePath
            self.jobs = jobs
            self.language = language
            self.strict = strict
            self.templateDirectory = templateDirectory
            self.publicSite = publicSite
            self.toolVersion = toolVersion
            self.importer = importer
        }
    }

    /// What was published.
    public struct Result: Sendable {
        public var summary: AuditSummary
        public var comparison: BaselineComparison?
        /// Each survey's page in `surveys/` (without `.html`), by its position in the summary;
        /// empty when the audit wrote no pages.
        public var pageNames: [String]
        /// What the ledger came to, when the audit has one.
        public var ledger: LedgerOverview?

        /// Warnings for stderr: ledger entries that named no audited survey.
        public var warnings: [Diagnostic] { ledger?.warnings ?? [] }

        /// 2 when any input could not be used, else 1 when any survey fails, else 0.
        public var exitStatus: Int32 {
            if !summary.errors.isEmpty { return 2 }
            return summary.surveys.contains(where: \.fails) ? 1 : 0
        }
    }

    public let checklist: Checklist
    public let options: Options

    public init(checklist: Checklist, options: Options) {
        self.checklist = checklist
        self.options = options
    }

    /// Audits the inputs and publishes the site.
    ///
    /// - Parameter progress: Called after each survey with (surveys done, surveys in all), on
    ///   the calling task, never concurrently.
    /// - Returns: The summary (for the exit status and stderr) and the comparison, if any.
    /// - Throws: ``Diagnostics`` for an unusable baseline or template folder, or when nothing
    ///   can be written; the previous site, if any, is then left as it was.
    public func build(progress: ((_ done: Int, _ total: Int) -> Void)? = nil) async throws(Diagnostics) -> Result {
        let output = URL(fileURLWithPath: options.outputDirectory).standardizedFileURL
        try Self.checkInputs(options.inputs, baseline: options.baselinePath, against: output)
        let publisher = SitePublisher(output: output, displayPath: options.outputDirectory)
        try publisher.lock()
        try publisher.checkReplaceable()
        let baseline = try options.baselinePath.map { path throws(Diagnostics) in try BaselineAuditReader.load(path: path) }
        let templates = try TemplateLibrary(overridesIn: options.templateDirectory)
        // A folder walk never picks up the site itself when it lies inside an input folder.
        let discovery = SurveyInputs.discover(
            options.inputs, excluding: [Self.canonical(output.path)], importer: options.importer)
        guard !discovery.sources.isEmpty || !discovery.errors.isEmpty else {
            throw Diagnostics(options.inputs.map { Diagnostic(.auditNoSurveys, at: .init(file: $0)) })
        }
        let staging = try publisher.makeStaging()
        do throws(Diagnostics) {
            let result = try await publish(discovery: discovery, baseline: baseline, templates: templates,
                                           into: staging, progress: progress)
            // An audit that read no survey publishes nothing: the old site stays.
            guard !result.summary.surveys.isEmpty else {
                throw Diagnostics(result.summary.errors + [Diagnostic(.auditNothingRead, at: .init(file: options.outputDirectory))])
            }
            try publisher.publish(staging)
            return result
        } catch {
            publisher.discard(staging)
            throw error
        }
    }

    /// Refuses, before anything is touched, an input that does not exist and an input that
    /// lies inside the output folder (or holds it), which publishing would delete — a baseline
    /// too: the site it belongs to would be replaced, and with it the only copy of last time.
    static func checkInputs(_ inputs: [String], baseline: String? = nil, against output: URL) throws(Diagnostics) {
        var problems: [Diagnostic] = []
        let outputPath = Self.canonical(output.path)
        if let baseline, Self.contains(outputPath, Self.canonical(baseline)) {
            problems.append(Diagnostic(.auditBaselineInsideOutput, at: .init(file: baseline), ["output": .text(output.path)]))
        }
        for input in inputs {
            var status = stat()
            guard stat(input, &status) == 0 else {
                problems.append(Diagnostic(.auditInputMissing, at: .init(file: input)))
                continue
            }
            let inputPath = Self.canonical(input)
            if Self.contains(outputPath, inputPath) {
                problems.append(Diagnostic(.auditInputInsideOutput, at: .init(file: input), ["output": .text(outputPath)]))
            }
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
    }

    /// `path` with links resolved; a path that does not exist yet keeps its last components.
    static func canonical(_ path: String) -> String {
        var missing: [String] = []
        var url = URL(fileURLWithPath: path).standardizedFileURL
        while true {
            if let resolved = realpath(url.path, nil) {
                defer { free(resolved) }
                return ([String(cString: resolved)] + missing.reversed()).joined(separator: "/")
                    .replacingOccurrences(of: "//", with: "/")
            }
            guard url.path != "/" else { return path }
            missing.append(url.lastPathComponent)
            url = url.deletingLastPathComponent()
        }
    }

    /// Whether `inner` is `outer` or lies inside it.
    static func contains(_ outer: String, _ inner: String) -> Bool {
        inner == outer || inner.hasPrefix(outer.hasSuffix("/") ? outer : outer + "/")
    }

    private func publish(
        discovery: SurveyInputs.Discovery, baseline: BaselineAudit?, templates: TemplateLibrary, into staging: URL,
        progress: ((Int, Int) -> Void)?
    ) async throws(Diagnostics) -> Result {
        // ledger.xlsx is the office's working file, with owners' names: never on a public site.
        let writesLedgerWorkbook = options.formats.contains(.ledger) && options.ledgerWorkbook != nil && !options.publicSite
        let formats = writesLedgerWorkbook ? options.formats : options.formats.subtracting([.ledger])
        // A public site withholds owners, who may be people, as it withholds inspectors.
        let ledger = options.publicSite ? options.ledger?.redactedForPublication() : options.ledger
        let parts = staging.appendingPathComponent(".parts")
        try createFolder(parts)
        if formats.contains(.html) { try createFolder(staging.appendingPathComponent("surveys")) }
        let spills = try JSONSpillPool(count: formats.contains(.json) ? max(1, options.jobs) : 0, in: parts.path)
        let job = SurveyJob(
            evaluator: Evaluator(checklist: checklist),
            page: formats.contains(.html)
                ? HTMLReportRenderer(language: options.language, templates: templates, toolVersion: options.toolVersion) : nil,
            json: formats.contains(.json) ? AuditJSONRenderer(language: options.language, checklist: checklist) : nil,
            names: PageNames(), staging: staging.path, strict: options.strict, publicSite: options.publicSite,
            baseline: baseline.map { (BaselineComparison.latestByCentre(in: $0), checklist.requirements.map(\.id)) },
            ledger: ledger, rectification: writesLedgerWorkbook, language: options.language)
        var collected = try await evaluate(
            discovery.sources, with: job, spills: spills, inputErrors: discovery.errors, progress: progress)
        job.names.forget()
        let summary = collected.summary
        collected.summary.surveys = []
        let kept = collected.kept
        var pageNames: [String] = []
        if formats.contains(.html) {
            var usedStems: Set<String> = []
            pageNames.reserveCapacity(summary.surveys.count)
            for survey in summary.surveys {
                // Distinct ids give distinct stems unless 32 bits of SHA-256 collide; never overwrite a page.
                let wanted = SurveyFileName.stem(forSurveyID: survey.id)
                var stem = wanted
                var suffix = 2
                while !usedStems.insert(stem.lowercased()).inserted {
                    stem = "\(wanted)-\(suffix)"
                    suffix += 1
                }
                pageNames.append(stem)
            }
            try settlePages(collected.placements, kept: kept, stems: pageNames, staging: staging.path)
        }

        let comparison = baseline.map { BaselineComparison(summary: summary, baseline: $0) }
        let overview = ledger.map { LedgerOverview(ledger: $0, summary: summary) }
        // A public site quotes nothing from a broken file: libxml2's messages can carry a
        // survey's notes or inspector names.
        let published = options.publicSite ? summary.withholdingQuotedText() : summary
        // The two data files are written side by side: copying the reports into audit.json is
        // the longest step after the surveys, and nothing else waits on it.
        let elements = formats.contains(.json) ? kept.compactMap { collected.fragments[$0] } : []
        let failures = WriterFailures()
        DispatchQueue.concurrentPerform(iterations: 2) { [self, published] writer in
            do throws(Diagnostics) {
                if writer == 0, formats.contains(.json) {
                    try writeAuditJSON(summary: published, comparison: comparison, ledger: overview, elements: elements,
                                       spills: spills, to: staging.appendingPathComponent("audit.json").path)
                } else if writer == 1, formats.contains(.csv) {
                    try writeAuditCSV(summary: published, comparison: comparison, withLedger: overview != nil,
                                      to: staging.appendingPathComponent("audit.csv").path)
                }
            } catch {
                failures.record(error, at: writer)
            }
        }
        if let failure = failures.first { throw failure }
        if formats.contains(.html) {
            let pages = AuditSitePages(
                summary: published, comparison: comparison, language: options.language, toolVersion: options.toolVersion,
                formats: formats, surveyPageNames: pageNames, templates: templates, ledger: overview)
            for folder in AuditSitePages.folders { try createFolder(staging.appendingPathComponent(folder)) }
            for page in pages.pages {
                try SiteFile.write(to: staging.appendingPathComponent(page.path).path, page.render)
            }
        }
        if writesLedgerWorkbook, let writer = options.ledgerWorkbook {
            let items = RectificationItem.listed(kept.flatMap { collected.items[$0] })
                + RectificationItems.unmatched(overview?.unmatched ?? [], checklist: checklist, language: options.language)
            try SiteFile.write(try writer.bytes(items: items, checklist: checklist), to: staging.appendingPathComponent("ledger.xlsx").path)
        }
        for spill in spills.all { unlink(spill.path) }
        do {
            try FileManager.default.removeItem(at: parts)
        } catch {
            throw SiteFile.error(parts.path, EIO)
        }
        return Result(summary: summary, comparison: comparison, pageNames: pageNames, ledger: overview)
    }

    /// Gives every kept survey's page its final name and removes the pages of surveys left out
    /// (a duplicate id). Pages were written under their names as workers claimed them; only
    /// the rare page whose name was taken, or that lost its name to an earlier survey in path
    /// order, moves.
    private func settlePages(_ placements: [PageNames.Placement?], kept: [Int], stems: [String], staging: String) throws(Diagnostics) {
        func named(_ stem: String) -> String { "\(staging)/surveys/\(stem).html" }
        func parked(_ index: Int) -> String { "\(staging)/.parts/\(index).html" }
        let keptSet = Set(kept)
        for (index, placement) in placements.enumerated() where !keptSet.contains(index) {
            switch placement {
            case .named(let stem)?: unlink(named(stem))
            case .parked(let index)?: unlink(parked(index))
            case nil: break
            }
        }
        let finals = zip(kept, stems)
        for (index, stem) in finals {
            if case .named(let current)? = placements[index], current != stem {
                try move(named(current), to: parked(index))
            }
        }
        for (index, stem) in finals where placements[index] != .named(stem) {
            try move(parked(index), to: named(stem))
        }
    }

    /// Writes `audit.csv` a megabyte at a time.
    private func writeAuditCSV(summary: AuditSummary, comparison: BaselineComparison?, withLedger: Bool, to path: String) throws(Diagnostics) {
        try SiteFile.write(to: path) { drain in
            var buffer: [UInt8] = []
            buffer.reserveCapacity((1 << 20) + (64 << 10))
            AuditCSVRenderer().write(summary, comparison: comparison, withLedger: withLedger, into: &buffer) { buffer in
                if buffer.count >= 1 << 20 { drain(&buffer) }
            }
            drain(&buffer)
        }
    }

    /// Writes `audit.json`: the head, the report elements copied from the spills in path order
    /// (a run of neighbours in one spill at a time), and the tail.
    private func writeAuditJSON(
        summary: AuditSummary, comparison: BaselineComparison?, ledger: LedgerOverview?, elements: [JSONSpill.Range],
        spills: JSONSpillPool, to path: String
    ) throws(Diagnostics) {
        let renderer = AuditJSONRenderer(language: options.language)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SiteFile.error(path) }
        defer { close(descriptor) }
        func emit(_ text: String) throws(Diagnostics) {
            guard OutputFile.writeAll(descriptor, Array(text.utf8)) else { throw SiteFile.error(path) }
        }
        try emit(renderer.head(summary: summary, comparison: comparison, ledger: ledger))
        if elements.isEmpty {
            try emit("[]")
        } else {
            try emit("[\n")
            let head = lseek(descriptor, 0, SEEK_CUR)
            // Reserved at once: copying 150 MB of reports was a tenth faster so.
            wuyou_preallocate(descriptor, Int64(head), Int64(elements.reduce(0) { $0 + $1.length }))
            for spill in spills.all { try spill.flush() }
            var start = 0
            while start < elements.count {
                var run = elements[start]
                var end = start + 1
                while end < elements.count, elements[end].spill == run.spill, elements[end].offset == run.offset + run.length {
                    run.length += elements[end].length
                    end += 1
                }
                // Every element ends in ",\n"; the last one's comma goes.
                let last = end == elements.count
                try spills.all[run.spill].copy(offset: run.offset, length: run.length - (last ? 2 : 0), to: descriptor, reportedAs: path)
                start = end
            }
            try emit("\n  ]")
        }
        try emit(renderer.tail(summary: summary))
    }

    /// The errors of writers run side by side, the first writer's first.
    private final class WriterFailures: @unchecked Sendable {
        private let lock = NSLock()
        private var failures: [Int: Diagnostics] = [:]

        func record(_ failure: Diagnostics, at index: Int) {
            lock.withLock { failures[index] = failure }
        }

        var first: Diagnostics? {
            lock.withLock { failures.keys.min().flatMap { failures[$0] } }
        }
    }

    /// What the workers produced, gathered in path order.
    private struct Collected {
        var summary: AuditSummary
        /// The file index of each survey kept in the summary, in its order.
        var kept: [Int]
        /// Per file: where its page went.
        var placements: [PageNames.Placement?]
        /// Per file: where its JSON went.
        var fragments: [JSONSpill.Range?]
        /// Per file: its lines of the ledger workbook.
        var items: [[RectificationItem]]
    }

    /// Runs `job` over `files` in chunks of neighbours, at most ``Options/jobs`` chunks at a time,
    /// each chunk appending its JSON to a spill it borrows for the while. Chunks are added to
    /// the summary in path order as soon as every earlier chunk is in, so only the few chunks
    /// that finished early wait in memory.
    private func evaluate(
        _ files: [SurveySource], with job: SurveyJob, spills: JSONSpillPool, inputErrors: [Diagnostic],
        progress: ((Int, Int) -> Void)?
    ) async throws(Diagnostics) -> Collected {
        let chunk = 16
        var collector = AuditSummary.Collector(checklist: checklist, strict: options.strict, inputErrors: inputErrors)
        collector.reserveCapacity(files.count)
        var kept: [Int] = []
        var placements = [PageNames.Placement?](repeating: nil, count: files.count)
        var fragments = [JSONSpill.Range?](repeating: nil, count: files.count)
        var items = [[RectificationItem]](repeating: [], count: job.rectification ? files.count : 0)
        do {
            try await withThrowingTaskGroup(of: (Int, [SurveyJob.Output]).self) { group in
                var next = 0
                func startNext() {
                    guard next < files.count else { return }
                    let range = next..<min(files.count, next + chunk)
                    next = range.upperBound
                    group.addTask {
                        let spill = spills.all.isEmpty ? nil : spills.borrow()
                        defer { spill.map(spills.giveBack) }
                        var results: [SurveyJob.Output] = []
                        results.reserveCapacity(range.count)
                        for index in range {
                            results.append(try job.run(files[index], index: index, spill: spill))
                        }
                        return (range.lowerBound, results)
                    }
                }
                for _ in 0..<max(1, options.jobs) { startNext() }
                var done = 0
                var waiting: [Int: [SurveyJob.Output]] = [:]
                var nextInOrder = 0
                while let (start, results) = try await group.next() {
                    done += results.count
                    progress?(done, files.count)
                    startNext()
                    waiting[start] = results
                    while let ready = waiting.removeValue(forKey: nextInOrder) {
                        for (offset, output) in ready.enumerated() {
                            let index = nextInOrder + offset
                            placements[index] = output.page
                            fragments[index] = output.fragment
                            if job.rectification { items[index] = output.items }
                            if collector.add(output.outcome) { kept.append(index) }
                        }
                        nextInOrder += ready.count
                    }
                }
            }
        } catch let error as Diagnostics {
            throw error
        } catch {
            throw SiteFile.error(job.staging, EIO)
        }
        return Collected(summary: collector.summary, kept: kept, placements: placements, fragments: fragments, items: items)
    }

    private func createFolder(_ url: URL) throws(Diagnostics) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw SiteFile.error(url.path, (error as NSError).domain == NSPOSIXErrorDomain ? Int32((error as NSError).code) : EACCES)
        }
    }

    private func move(_ source: String, to destination: String) throws(Diagnostics) {
        guard rename(source, destination) == 0 else { throw SiteFile.error(destination) }
    }

}
