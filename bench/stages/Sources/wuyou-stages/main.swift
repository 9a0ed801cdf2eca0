// Best of several rounds per stage, so that a busy machine's slow moments drop out; a stage is
// timed over the first COUNT surveys of the folder (default 2,000), in file-name order.
import Foundation
import WuyouCore
import WuyouReports
import WuyouWords
import WuyouWorkbook

let arguments = CommandLine.arguments
if arguments.count >= 3, arguments[1] == "--workbook" {
    try timeWorkbook(Array(arguments.dropFirst(2)))
    exit(0)
}
guard arguments.count >= 2 else {
    print("usage: wuyou-stages SURVEY_FOLDER [COUNT]")
    exit(64)
}
let folder = arguments[1]
let count = arguments.count > 2 ? Int(arguments[2]) ?? 2000 : 2000
let rounds = 7

let checklist = try ChecklistReader.load(idOrPath: ChecklistReader.defaultID)
let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }.sorted().prefix(count)
let files = try names.map { name in
    let path = "\(folder)/\(name)"
    return (path: path, bytes: try InputFile.bytes(at: path, byteLimit: InputLimits.surveyBytes))
}
let evaluator = Evaluator(checklist: checklist)
let surveys = try files.map { try SurveyLoader.loadSurvey(bytes: $0.bytes, path: $0.path) }
let reports = surveys.map { evaluator.evaluate($0) }
let json = AuditJSONRenderer(language: .zh, checklist: checklist)

/// Keeps results alive, so that the optimiser cannot drop the work that made them.
var checksum = 0

/// The best time of `rounds` runs of `body`, in seconds.
func best(_ body: () throws -> Void) rethrows -> Double {
    var fastest = Double.infinity
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return fastest
}

func perSurvey(_ seconds: Double) -> String {
    String(format: "%6.2f µs a survey", seconds / Double(files.count) * 1e6)
}

print("\(files.count) surveys of \(folder), best of \(rounds) rounds:")
print("  read (parse, validate, build the survey)  " + perSurvey(try best {
    for file in files { checksum &+= try SurveyLoader.loadSurvey(bytes: file.bytes, path: file.path).id.utf8.count }
}))
print("  evaluate (31 requirements, warnings)      " + perSurvey(best {
    for survey in surveys { checksum &+= evaluator.evaluate(survey).findings.count }
}))
print("  report JSON (one element of audit.json)   " + perSurvey(best {
    var sink = JSONBytes(layout: .oneLine, capacity: 1 << 20)
    for report in reports {
        json.writeReportElement(report, to: &sink)
        checksum &+= sink.count
        sink.removeAll()
    }
}))
print("  summarise (the audit's row of a survey)   " + perSurvey(best {
    for report in reports { checksum &+= AuditedSurvey(report: report, strict: false).statuses.count }
}))

// The head of audit.json is worked out once, after the last survey: timed for ten times the
// surveys (each report counted ten times under distinct ids), as in a 20,000-survey audit.
var collector = AuditSummary.Collector(checklist: checklist, strict: false)
for copy in 0..<10 {
    for report in reports {
        var audited = AuditedSurvey(report: report, strict: false)
        audited.id += "-\(copy)"
        collector.add(.audited(audited))
    }
}
let summary = collector.summary
let head = best { checksum &+= json.head(summary: summary, comparison: nil).utf8.count }
print(String(format: "  head of audit.json for %d surveys        %6.1f ms", summary.surveys.count, head * 1000))
print("(checksum \(checksum))")
