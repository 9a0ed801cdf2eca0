import ArgumentParser
import WuyouCore
import WuyouReports
import WuyouWords

extension ReportLanguage: ExpressibleByArgument {}

/// `--lang`, which every command takes.
struct LanguageOption: ParsableArguments {
    @Option(help: help("cli.option.lang"))
    var lang: ReportLanguage = .zh
}

/// `--checklist ID|PATH` and `--lang`, for every command that reads a checklist.
struct ChecklistOptions: ParsableArguments {
    @Option(name: .customLong("checklist"), help: help("cli.option.checklist"))
    var checklist = ChecklistReader.defaultID

    @OptionGroup var language: LanguageOption

    var lang: ReportLanguage { language.lang }

    /// The chosen checklist, or exit 2 with its diagnostics.
    func loadChecklist() throws -> Checklist {
        try ChecklistLoading.load(checklist, language: lang)
    }
}

/// Options every reporting command takes.
struct ReportOptions: ParsableArguments {
    @OptionGroup var checklistOptions: ChecklistOptions

    @Flag(help: help("cli.option.strict"))
    var strict = false

    @Option(name: .customLong("templates"), help: help("cli.option.templates"))
    var templates: String?

    var lang: ReportLanguage { checklistOptions.lang }

    /// The chosen checklist, or exit 2 with its diagnostics.
    func loadChecklist() throws -> Checklist {
        try checklistOptions.loadChecklist()
    }
}
