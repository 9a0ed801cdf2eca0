import WuyouWords
import ArgumentParser
import WuyouCore
import WuyouReports

/// Every command that takes `--checklist ID|PATH` loads it here: its errors printed, exit 2.
enum ChecklistLoading {
    static func load(_ idOrPath: String, language: ReportLanguage) throws -> Checklist {
        do {
            return try ChecklistReader.load(idOrPath: idOrPath)
        } catch {
            StandardError.print(error.items, language: language)
            throw ExitCode(ExitStatus.badInput)
        }
    }
}
