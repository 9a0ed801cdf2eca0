import ArgumentParser
import Foundation
import WuyouCore
import WuyouReports

struct Check: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    static let configuration = CommandConfiguration(
        abstract: "Audit one survey and print its gaps.",
        discussion: """
            Exit status: 0 passes, 1 a mandatory requirement is a gap or partial (with --strict,
            unknown too), 2 the survey could not be read or validated, 64 usage error.

            Examples:
              wuyou check examples/youyilu.xml
              wuyou check examples/daqiaolu.xml --format json > daqiaolu.json
              wuyou check examples/hangkonglu.xml --html hangkonglu.html --lang en
            """)

    @Argument(help: "The survey XML file.")
    var survey: String

    @Option(help: "Terminal output: text (compiler-style lines) or json (wuyou-report/1).")
    var format: Format = .text

    @Option(help: "Also write the HTML gap report to this file.")
    var html: String?

    @OptionGroup var options: ReportOptions

    func run() async throws {
        let checklist = try options.loadChecklist()
        let loaded: SurveyLoader.Loaded
        do {
            loaded = try SurveyLoader.load(path: survey)
        } catch {
            Diagnostics.print(error.items)
            throw ExitCode(ExitStatus.badInput)
        }
        let report = Evaluator(checklist: checklist).evaluate(loaded.survey, document: loaded.document)
        switch format {
        case .text: print(TextReportRenderer(language: options.lang).render(report), terminator: "")
        case .json: print(JSONReportRenderer(language: options.lang).render(report), terminator: "")
        }
        if let html {
            do {
                let renderer = try HTMLReportRenderer(language: options.lang, templateDirectory: options.template)
                try AtomicFile.write(renderer.render(report), to: html)
            } catch {
                Diagnostics.printError("\(html): \(error)")
                throw ExitCode(ExitStatus.badInput)
            }
        }
        throw ExitCode(report.fails(strict: options.strict) ? ExitStatus.fails : ExitStatus.passes)
    }
}
