import Foundation
import WuyouCore
import WuyouWorkbook

/// A workbook's stages, best of five rounds each: reading each sheet's rows (inflating and
/// parsing an .xlsx sheet, or splitting a CSV file, and giving each cell its stored type), and
/// the whole import (every cell read for its column, every survey built), in one pass as `audit`
/// reads a workbook and in two as `import` does. WUYOU_STAGES_ROWS_ONLY=1 stops after the rows,
/// for profiling the reading alone.
func timeWorkbook(_ paths: [String]) throws {
    let checklist = try ChecklistReader.load(idOrPath: ChecklistReader.defaultID)
    let importer = WorkbookImporter(checklist: checklist)
    func best(_ body: () throws -> Int) rethrows -> (seconds: Double, count: Int) {
        var fastest = Double.infinity
        var count = 0
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            count = try body()
            fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return (fastest, count)
    }
    let opened = best { (try? WorkbookFiles.open(paths).sheets.count) ?? 0 }
    print(String(format: "open (the package's small parts, shared strings)  %7.1f ms", opened.seconds * 1000))
    let workbook = try WorkbookFiles.open(paths)
    for sheet in workbook.sheets {
        let rows = try best { try sheet.allRows().count }
        print(String(format: "rows of %@ (%d rows)  %7.1f ms", sheet.name, rows.count, rows.seconds * 1000))
    }
    if ProcessInfo.processInfo.environment["WUYOU_STAGES_ROWS_ONLY"] != nil { return }
    let onePass = best { importer.importSurveys(from: workbook, writingXML: false).surveys.count }
    print(String(format: "import, one pass as audit does (%d surveys)  %7.1f ms, %6.1f µs a survey", onePass.count,
                 onePass.seconds * 1000, onePass.seconds / Double(max(1, onePass.count)) * 1e6))
    let twoPasses = best {
        var count = 0
        _ = importer.importSurveys(from: workbook, writingXML: true) { _ in count += 1 }
        return count
    }
    print(String(format: "import, two passes with XML as wuyou import does (%d surveys)  %7.1f ms, %6.1f µs a survey",
                 twoPasses.count, twoPasses.seconds * 1000, twoPasses.seconds / Double(max(1, twoPasses.count)) * 1e6))
}
