import WuyouWords
import ArgumentParser
import WuyouCore
import WuyouReports

extension ReportLanguage: ExpressibleByArgument {}

/// Options every reporting command takes.
struct ReportOptions: ParsableArguments {
    @Option(name: .customLong("checklist"), help: "A bundled checklist id or a checklist file.")
    var checklist = ChecklistReader.defaultID

    @Option(help: "Report language: zh or en.")
    var lang: ReportLanguage = .zh

    @Flag(help: "Treat an unknown mandatory requirement as failing (exit 1).")
    var strict = false

    @Option(help: "A folder of mustache templates overriding the built-in ones (report, index, style…).")
    var template: String?

    /// The chosen checklist, or exit 2 with its diagnostics.
    func loadChecklist() throws -> Checklist {
        try ChecklistLoading.load(checklist, language: lang)
    }
}
