import Foundation
import Testing
import WuyouAudit
import WuyouCore
import WuyouTestSupport
@testable import WuyouReports

@Suite("index.html: view model and chart geometry")
struct AuditIndexTests {
    typealias F = AuditFixtures
    let scratch = ScratchFolder()

    @Test("bar widths are percentages with at most one decimal, clamped to 0…100")
    func percentages() {
        #expect(IndexBarChart.format(61.84) == "61.8")
        #expect(IndexBarChart.format(140) == "140")
        #expect(IndexBarChart.format(0.04) == "0")
        #expect(IndexBarChart.format(-0.5) == "-0.5")
        let chart = IndexBarChart(
            id: "c", title: "t", description: "d", caption: "c", labelHeader: "要求", valueHeader: "达标率",
            bars: [.init(label: "半", valueText: "50%", tooltip: "半", fraction: 0.5),
                   .init(label: "满", valueText: "150%", tooltip: "满", fraction: 1.5),
                   .init(label: "无", valueText: "—", tooltip: "无", fraction: -1)])
        #expect(chart.bars.map(\.percent) == ["50", "100", "0"])
    }

    @Test("labels and values are whole: nothing is cut to fit, at any width")
    func wholeLabels() {
        let long = String(repeating: "很长的要求名称", count: 10)
        let chart = IndexBarChart(
            id: "c", title: "t", description: "d", caption: "c", labelHeader: "要求", valueHeader: "达标率",
            bars: [.init(label: long, sublabel: "governance.consultation-council", valueText: "61.8%（1181/1910）", tooltip: long, fraction: 0.618)])
        #expect(chart.bars[0].label == long)
        #expect(chart.bars[0].valueText == "61.8%（1181/1910）")
        #expect(ReportViewModel.idParts(chart.bars[0].sublabel) == ["governance.", "consultation-council"])
    }

    @Test("centres are listed worst first: no score, then lowest score; each links to its page")
    func worstFirst() async throws {
        let input = try scratch.folder()
        let noScore = F.survey(id: "none", community: "无分社区")
            .replacingOccurrences(of: #"central="true""#, with: #"central="false""#)
        try F.write([
            "1.xml": F.survey(id: "good", community: "达标社区"),
            "2.xml": F.survey(id: "bad", community: "差社区", area: 200, police: false),
            "3.xml": F.survey(id: "fair", community: "中社区", police: false),
            "4.xml": Self.withoutJudgedRequirements(noScore),
        ], in: input)
        let out = try scratch.folder().appendingPathComponent("site")
        let result = try await F.build([input], out: out)
        #expect(result.summary.surveys.first { $0.id == "none" }?.score == nil)
        let index = try F.text(out.appendingPathComponent("index.html"))
        let positions = ["无分社区", "差社区", "中社区", "达标社区"].compactMap { index.range(of: ">\($0)</a>")?.lowerBound }
        #expect(positions.count == 4)
        #expect(positions == positions.sorted())
        #expect(index.contains(#"<a href="surveys/none.html">无分社区</a> <small>none</small>"#))
        #expect(index.contains("无法评分"))
    }

    /// Drops every mandatory fact but the area ones (made not applicable by central="false").
    static func withoutJudgedRequirements(_ xml: String) -> String {
        var keep: [String] = []
        var skipping = false
        for line in xml.components(separatedBy: "\n") {
            if line.contains("<centre") || line.contains("<service-station>") { skipping = true }
            if !skipping { keep.append(line) }
            if line.contains("</centre>") || line.contains("</service-station>") { skipping = false }
        }
        return keep.joined(separator: "\n")
    }
}
