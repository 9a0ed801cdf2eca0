import ArgumentParser
import Foundation
import WuyouWords
import WuyouCore
import WuyouReports

struct ChecklistCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "List, show or lint checklists.",
        discussion: """
            Examples:
              wuyou checklist list
              wuyou checklist show laohekou-2023
              wuyou checklist lint my-city.xml
              wuyou checklist diff laohekou-2023 my-city.xml
            """,
        subcommands: [List.self, Show.self, Lint.self, Diff.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the bundled checklists.",
            discussion: "Example:\n  wuyou checklist list")

        func run() async throws {
            let checklists: [Checklist]
            do {
                checklists = try ChecklistReader.bundled()
            } catch {
                StandardError.print(error.items, language: .zh)
                throw ExitCode(ExitStatus.badInput)
            }
            let lines = checklists.map { "\($0.id)\t\($0.version)\t\($0.requirements.count)\t\($0.title.text("zh"))\n" }
            try StandardOutput.write(lines.joined(), language: .zh)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a checklist's requirements as a table.",
            discussion: "Examples:\n  wuyou checklist show laohekou-2023\n  wuyou checklist show my-city.xml --lang en")

        @Argument(help: "A bundled checklist id or a checklist file.")
        var checklist: String

        @Option(help: "Language of titles: zh or en.")
        var lang: ReportLanguage = .zh

        func run() async throws {
            let loaded = try ChecklistLoading.load(checklist, language: lang)
            try StandardOutput.write(ChecklistTableRenderer(language: lang).render(loaded), language: lang)
        }
    }

    struct Lint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a checklist file: schema, duplicate ids, unknown rooms, facts and parameters, XPath.",
            discussion: "Exit status 0 when sound, 2 otherwise.\n\nExample:\n  wuyou checklist lint checklists/laohekou-2023.xml")

        @Argument(help: "The checklist XML file.")
        var path: String

        @Option(help: "Language of the messages: zh or en.")
        var lang: ReportLanguage = .zh

        func run() async throws {
            let problems = ChecklistReader.lint(path: path)
            StandardError.print(problems, language: lang)
            let errors = problems.filter(\.isError)
            if errors.isEmpty {
                let warnings = problems.count
                try StandardOutput.write(
                    warnings == 0 ? "\(path): ok\n" : lang.pick("\(path): 可以使用，但有 \(warnings) 条警告\n", "\(path): usable, with \(warnings) warnings\n"),
                    language: lang)
            }
            throw ExitCode(errors.isEmpty ? ExitStatus.passes : ExitStatus.badInput)
        }
    }

    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List what changed between two checklists: requirements, rules and parameters, rooms, awards.",
            discussion: """
                Exit status 0 when they do not differ, 1 when they do, 2 when one cannot be read.

                Example:
                  wuyou checklist diff laohekou-2023 my-city.xml
                """)

        @Argument(help: "The first checklist: a bundled id or a file.")
        var first: String

        @Argument(help: "The second checklist: a bundled id or a file.")
        var second: String

        @Option(help: "Language of the labels: zh or en.")
        var lang: ReportLanguage = .zh

        func run() async throws {
            let checklists = [try ChecklistLoading.load(first, language: lang), try ChecklistLoading.load(second, language: lang)]
            let diff = ChecklistDiff(from: checklists[0], to: checklists[1])
            try StandardOutput.write(ChecklistDiffRenderer(language: lang).render(diff, from: first, to: second), language: lang)
            throw ExitCode(diff.isEmpty ? ExitStatus.passes : ExitStatus.fails)
        }
    }
}
