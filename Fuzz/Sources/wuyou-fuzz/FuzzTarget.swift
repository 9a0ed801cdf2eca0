import Foundation
import WuyouCore
import WuyouReports
import WuyouWords
import WuyouXML

/// One fuzz input is one survey file: it is loaded (parse, validate, limits) both ways, evaluated against
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

    /// The survey or the diagnostics, as text of everything they hold.
    static func outcome(_ load: () throws(Diagnostics) -> Survey) -> Outcome {
        do {
            return .survey(String(describing: try load()))
        } catch {
            // Compared as values: a diagnostic's arguments are a dictionary, printed in any order.
            return .refused(error)
        }
    }

    enum Outcome: Equatable {
        case survey(String)
        case refused(Diagnostics)
    }

    static func run(_ bytes: [UInt8]) {
        // An audit without XPath rules reads surveys in one pass that validates while parsing;
        // whatever the input, it must tell what the tree reading tells.
        let onePass = outcome { () throws(Diagnostics) in try SurveyLoader.loadSurvey(bytes: bytes, path: "fuzz.xml") }
        let tree = outcome { () throws(Diagnostics) in try SurveyLoader.load(bytes: bytes, path: "fuzz.xml").survey }
        precondition(onePass == tree, "the one-pass reading differs from the tree's:\n\(onePass)\n\(tree)")

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
        // What the wuyou executable does first. Under ASan the pools must stay out, or the
        // fuzzing would not see libxml2's memory (a pool recycles blocks behind ASan's back).
        let pools = XMLMemoryPool.install()
        precondition(pools == .compiledOut, "libxml2's memory pools are \(pools) in an ASan build: build with --sanitize=address")
        FileHandle.standardError.write(Data("wuyou-fuzz: libxml2's memory pools \(pools), libxml2 allocates with malloc\n".utf8))
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
