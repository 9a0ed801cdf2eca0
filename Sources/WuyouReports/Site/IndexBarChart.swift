import Foundation
import WuyouMustache

/// A horizontal bar chart for the `barchart` partial, its SVG geometry worked out here so the
/// template only places numbers. Every coordinate is a string with at most one decimal.
struct IndexBarChart: TemplateModel, Sendable {
    struct Bar {
        var label: String
        var valueText: String
        var tooltip: String
        /// 0…1 of the track.
        var fraction: Double
    }

    struct Tick: TemplateModel, Sendable {
        var x: String
        var y1: String
        var y2: String
        var labelY: String
        var label: String

        static let templateFields = TemplateFields<Self>([
            .text("x") { $0.x },
            .text("y1") { $0.y1 },
            .text("y2") { $0.y2 },
            .text("labelY") { $0.labelY },
            .text("label") { $0.label },
        ])
    }

    struct BarRow: TemplateModel, Sendable {
        var label: String
        var valueText: String
        var tooltip: String
        var barY: String
        var textY: String
        var barWidth: String

        static let templateFields = TemplateFields<Self>([
            .text("label") { $0.label },
            .text("valueText") { $0.valueText },
            .text("tooltip") { $0.tooltip },
            .text("barY") { $0.barY },
            .text("textY") { $0.textY },
            .text("barWidth") { $0.barWidth },
        ])
    }

    static let width = 780.0
    static let top = 28.0
    static let pitch = 24.0
    static let barHeight = 16.0
    /// Room right of the track for the value text, e.g. `100%（1234/1234）`.
    static let valueRoom = 124.0

    var id: String
    var title: String
    var description: String
    var caption: String
    var height: Double
    var labelX: Double
    var barX: Double
    var trackWidth: Double
    var ticks: [Tick]
    var bars: [BarRow]

    /// Lays the bars out from the top, with a label column wide enough for the longest label
    /// (up to `maximumLabelWidth`; longer labels are shortened with `…`, the tooltip keeps them whole).
    ///
    /// - Parameters:
    ///   - ticks: Axis marks as (fraction 0…1 of the track, label).
    init(id: String, title: String, description: String, caption: String, bars: [Bar],
         ticks: [(fraction: Double, label: String)], maximumLabelWidth: Double) {
        self.id = id
        self.title = title
        self.description = description
        self.caption = caption
        let labels = bars.map { Self.shortened($0.label, to: maximumLabelWidth) }
        let labelWidth = min(maximumLabelWidth, labels.map(Self.estimatedWidth).max() ?? 0)
        barX = (labelWidth + 16).rounded()
        labelX = barX - 8
        trackWidth = Self.width - barX - Self.valueRoom
        height = Self.top + Double(bars.count) * Self.pitch + 4
        let axisBottom = height - 4
        let track = trackWidth
        let left = barX
        self.ticks = ticks.map { tick in
            Tick(x: Self.format(left + tick.fraction * track), y1: Self.format(Self.top - 8), y2: Self.format(axisBottom),
                 labelY: Self.format(Self.top - 14), label: tick.label)
        }
        self.bars = zip(bars, labels).enumerated().map { index, pair in
            let (bar, label) = pair
            let y = Self.top + Double(index) * Self.pitch
            return BarRow(
                label: label, valueText: bar.valueText, tooltip: bar.tooltip, barY: Self.format(y),
                textY: Self.format(y + 13), barWidth: Self.format(max(0, min(1, bar.fraction)) * track))
        }
    }

    static let templateFields = TemplateFields<Self>([
        .text("id") { $0.id },
        .text("title") { $0.title },
        .text("description") { $0.description },
        .text("caption") { $0.caption },
        .text("width") { _ in Self.format(Self.width) },
        .text("height") { Self.format($0.height) },
        .text("labelX") { Self.format($0.labelX) },
        .text("barX") { Self.format($0.barX) },
        .text("trackWidth") { Self.format($0.trackWidth) },
        .text("barHeight") { _ in Self.format(Self.barHeight) },
        .text("valueX") { Self.format($0.barX + $0.trackWidth + 8) },
        .list("ticks") { $0.ticks },
        .list("bars") { $0.bars },
    ])

    /// At most one decimal, no trailing `.0`: the same bytes on every machine.
    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let whole = tenths / 10
        let fraction = abs(tenths % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// Width of `text` at the 13 px label size: CJK and full-width characters about one em,
    /// others a little over half.
    static func estimatedWidth(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { width, scalar in
            width + (scalar.value >= 0x2E80 ? 13 : 7.2)
        }
    }

    static func shortened(_ text: String, to width: Double) -> String {
        guard estimatedWidth(text) > width else { return text }
        var shortened = ""
        for character in text {
            if estimatedWidth(shortened + String(character) + "…") > width { break }
            shortened.append(character)
        }
        return shortened.trimmingCharacters(in: .whitespaces) + "…"
    }

    /// Ticks for a count axis from 0 to a round maximum at or above `maximum`: (fractions, labels, axis maximum).
    static func countTicks(maximum: Int) -> (ticks: [(fraction: Double, label: String)], axisMaximum: Int) {
        let target = max(maximum, 1)
        var step = 1
        var magnitude = 1
        search: while true {
            for multiplier in [1, 2, 5] {
                step = multiplier * magnitude
                if target <= step * 5 { break search }
            }
            magnitude *= 10
        }
        let axisMaximum = ((target + step - 1) / step) * step
        let ticks = stride(from: 0, through: axisMaximum, by: step).map { value in
            (fraction: Double(value) / Double(axisMaximum), label: "\(value)")
        }
        return (ticks, axisMaximum)
    }
}
