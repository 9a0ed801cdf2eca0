import Foundation
import WuyouCore
import WuyouReports

/// One fuzz input is one survey file: it is loaded (parse, validate, limits), evaluated against
/// the bundled checklist, and rendered as JSON, text and HTML in both languages. Any crash,
/// leak, hang or memory blow-up on the way is a finding; a refused input is not.
enum FuzzTarget {
    static let checklist: Checklist = {
        do {
            return try ChecklistReader.load(idOrPath: ChecklistReader.defaultID)
        } catch {
            fatalError("the bundled checklist does not load: \(error)")
        }
    }()

    static let html: [HTMLReportRenderer] = ReportLanguage.allCases.map { language in
        do {
            return try HTMLReportRenderer(language: language, templateDirectory: nil, toolVersion: "fuzz")
        } catch {
            fatalError("the built-in templates do not load: \(error)")
        }
    }

    static func run(_ bytes: [UInt8]) {
        let loaded: SurveyLoader.Loaded
        do {
            loaded = try SurveyLoader.load(bytes: bytes, path: "fuzz.xml")
        } catch {
            for language in ReportLanguage.allCases {
                for diagnostic in error.items {
                    let line = DiagnosticText(language: language).line(for: diagnostic)
                    precondition(!line.contains("\n"), "a diagnostic spans two lines: \(line)")
                }
            }
            return
        }
        let report = Evaluator(checklist: checklist).evaluate(loaded.survey, document: loaded.document)
        precondition(report.findings.count == checklist.requirements.count)
        for language in ReportLanguage.allCases {
            _ = JSONReportRenderer(language: language).render(report)
            _ = TextReportRenderer(language: language).render(report)
        }
        for renderer in html {
            _ = renderer.render(report)
        }
    }
}

/// libFuzzer's driver, entered from our own `main` so that SwiftPM can link this executable
/// like any other (it names every executable's entry point itself).
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@main
enum FuzzMain {
    static func main() {
        _ = FuzzTarget.checklist
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        let status = runDriver(&argc, &argv) { data, count in
            FuzzTarget.run(data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
            return 0
        }
        exit(status)
    }
}
