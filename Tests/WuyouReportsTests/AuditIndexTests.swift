import Foundation
import Testing
import WuyouCore
@testable import WuyouReports

@Suite("index.html: view model and chart geometry")
struct AuditIndexTests {
    typealias F = AuditFixtures
    let scratch = ScratchFolder()

    @Test("count axes end on a round number at or above the largest bar")
    func countTicks() {
        let axis = IndexBarChart.countTicks(maximum: 148)
        #expect(axis.axisMaximum == 150)
        #expect(axis.ticks.map(\.label) == ["0", "50", "100", "150"])
        #expect(IndexBarChart.countTicks(maximum: 0).axisMaximum == 1)
        #expect(IndexBarChart.countTicks(maximum: 3).ticks.map(\.label) == ["0", "1", "2", "3"])
        #expect(IndexBarChart.countTicks(maximum: 1999).axisMaximum == 2000)
    }

    @Test("coordinates have at most one decimal and the same text everywhere")
    func coordinates() {
        #expect(IndexBarChart.format(313.333) == "313.3")
        #expect(IndexBarChart.format(140) == "140")
        #expect(IndexBarChart.format(0.04) == "0")
        #expect(IndexBarChart.format(-0.5) == "-0.5")
    }

    @Test("bars are laid out top down with widths proportional to their fraction; long labels shortened")
    func layout() {
        let long = String(repeating: "很长的要求名称", count: 10)
        let chart = IndexBarChart(
            id: "c", title: "t", description: "d", caption: "c",
            bars: [.init(label: "半", valueText: "50%", tooltip: "半", fraction: 0.5),
                   .init(label: long, valueText: "100%", tooltip: long, fraction: 1.5)],
            ticks: [(0, "0%"), (1, "100%")], maximumLabelWidth: 100)
        #expect(chart.height == 28 + 2 * 24 + 4)
        #expect(chart.bars.map(\.barY) == ["28", "52"])
        #expect(chart.bars[0].barWidth == IndexBarChart.format(chart.trackWidth / 2))
        #expect(chart.bars[1].barWidth == IndexBarChart.format(chart.trackWidth))
        #expect(chart.bars[1].label.hasSuffix("…"))
        #expect(IndexBarChart.estimatedWidth(chart.bars[1].label) <= 100)
        #expect(chart.bars[1].tooltip == long)
        #expect(chart.barX + chart.trackWidth + IndexBarChart.valueRoom == IndexBarChart.width)
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
        #expect(index.contains(#"<a href="surveys/none.html">无分社区</a>"#))
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
