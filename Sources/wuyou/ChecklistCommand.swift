import ArgumentParser
import Foundation
import WuyouWords
import WuyouCore
import WuyouReports

struct ChecklistCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: CommandWords.words["cli.checklist.abstract"], discussion: CommandWords.words["cli.checklist.discussion"],
        subcommands: [List.self, Show.self, Lint.self, Diff.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandWords.words["cli.checklist.list.abstract"],
            discussion: CommandWords.words["cli.checklist.list.discussion"])

        @OptionGroup var language: LanguageOption

        func run() async throws {
            let checklists: [Checklist]
            do {
                checklists = try ChecklistReader.bundled()
            } catch {
                StandardError.print(error.items, language: language.lang)
                throw ExitCode(ExitStatus.badInput)
            }
            let lines = checklists.map { "\($0.id)\t\($0.version)\t\($0.requirements.count)\t\($0.title.text(language.lang.rawValue))\n" }
            try StandardOutput.write(lines.joined(), language: language.lang)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandWords.words["cli.checklist.show.abstract"],
            discussion: CommandWords.words["cli.checklist.show.discussion"])

        @Argument(help: help("cli.checklist.show.checklist"))
        var checklist: String

        @OptionGroup var language: LanguageOption

        var lang: ReportLanguage { language.lang }

        func run() async throws {
            let loaded = try ChecklistLoading.load(checklist, language: lang)
            try StandardOutput.write(ChecklistTableRenderer(language: lang).render(loaded), language: lang)
        }
    }

    struct Lint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandWords.words["cli.checklist.lint.abstract"],
            discussion: CommandWords.words["cli.checklist.lint.discussion"])

        @Argument(help: help("cli.checklist.lint.path"))
        var path: String

        @OptionGroup var language: LanguageOption

        var lang: ReportLanguage { language.lang }

        func run() async throws {
            let problems = ChecklistReader.lint(path: path)
            StandardError.print(problems, language: lang)
            let errors = problems.filter(\.isError)
            if errors.isEmpty {
                let warnings = problems.count
                let words = Words(lang)
                try StandardOutput.write(
                    (warnings == 0 ? words("checklist.lint.ok", ["path": path])
                        : words("checklist.lint.warnings", ["path": path, "count": "\(warnings)"])) + "\n",
                    language: lang)
            }
            throw ExitCode(errors.isEmpty ? ExitStatus.passes : ExitStatus.badInput)
        }
    }

    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandWords.words["cli.checklist.diff.abstract"],
            discussion: CommandWords.words["cli.checklist.diff.discussion"])

        @Argument(help: help("cli.checklist.diff.first"))
        var first: String

        @Argument(help: help("cli.checklist.diff.second"))
        var second: String

        @OptionGroup var language: LanguageOption

        var lang: ReportLanguage { language.lang }

        func run() async throws {
            let checklists = [try ChecklistLoading.load(first, language: lang), try ChecklistLoading.load(second, language: lang)]
            let diff = ChecklistDiff(from: checklists[0], to: checklists[1])
            try StandardOutput.write(ChecklistDiffRenderer(language: lang).render(diff, from: first, to: second), language: lang)
            throw ExitCode(diff.isEmpty ? ExitStatus.passes : ExitStatus.fails)
        }
    }
}
