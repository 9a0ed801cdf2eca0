import ArgumentParser
import WuyouCore
import WuyouLedger
import WuyouReports
import WuyouWorkbook
import WuyouWords

/// `--ledger FILE` (repeatable), for `check` and `audit`: the rectification ledger, as XML or
/// as the ledger workbook (docs/spec/ledger-format.md).
struct LedgerOptions: ParsableArguments {
    @Option(name: .customLong("ledger"), help: help("cli.check.ledger"))
    var files: [String] = []

    /// Every `--ledger` file read and checked against `checklist`; nil when none was given.
    /// Problems are printed, every one of every file, and end the command with exit status 2.
    func load(checklist: Checklist, language: ReportLanguage) throws -> Ledger? {
        guard !files.isEmpty else { return nil }
        var read: [LedgerFile] = []
        var problems: [Diagnostic] = []
        for path in files {
            do {
                read.append(WorkbookFiles.isWorkbook(path) ? try LedgerWorkbookReader.load(path: path) : try LedgerReader.load(path: path))
            } catch {
                problems += error.items
            }
        }
        do throws(Diagnostics) {
            guard problems.isEmpty else { throw Diagnostics(problems) }
            return try LedgerAssembly.ledger(read, checklist: checklist)
        } catch {
            StandardError.print(error.items, language: language)
            throw ExitCode(ExitStatus.badInput)
        }
    }

    /// The writer of `ledger.xlsx`, its instructions in `language`.
    static func workbookWriter(language: ReportLanguage) -> LedgerWorkbookWriter {
        let words = Words(language)
        return LedgerWorkbookWriter(
            title: words["ledger.workbook.title"],
            lines: (1...5).map { words["ledger.workbook.line\($0)"] },
            kindPrompt: words["ledger.workbook.kind-prompt"])
    }
}
