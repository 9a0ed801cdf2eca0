import Foundation
import WuyouMustache

/// A horizontal bar chart for the `barchart` partial: a table of label, bar and value, so
/// labels wrap instead of being cut and values stay in view at any width and in print. The
/// bar is an SVG whose fill width is a percentage of its cell.
struct IndexBarChart: TemplateModel, Sendable {
    struct Bar {
        var label: String
        /// A second line under the label, e.g. the requirement id.
        var sublabel: String = ""
        var valueText: String
        var tooltip: String
        /// 0…1 of the track.
        var fraction: Double
        /// The change since the baseline, when there is one.
        var change: String = ""
    }

    struct BarRow: TemplateModel, Sendable {
        var label: String
        var sublabel: String
        var valueText: String
        var tooltip: String
        /// The fill's width in percent of the track, with at most one decimal.
        var percent: String
        var changeText: String

        static let templateFields = TemplateFields<Self>([
            .text("label") { $0.label },
            .flag("hasSublabel") { !$0.sublabel.isEmpty },
            .text("sublabel") { $0.sublabel },
            .list("sublabelParts") { ReportViewModel.idParts($0.sublabel) },
            .text("valueText") { $0.valueText },
            .text("tooltip") { $0.tooltip },
            .text("percent") { $0.percent },
            .text("changeText") { $0.changeText },
        ])
    }

    var id: String
    var title: String
    var description: String
    var caption: String
    var labelHeader: String
    var valueHeader: String
    /// The header of the change column; empty when the chart has none.
    var changeHeader: String
    var bars: [BarRow]

    init(id: String, title: String, description: String, caption: String, labelHeader: String, valueHeader: String,
         changeHeader: String = "", bars: [Bar]) {
        self.id = id
        self.title = title
        self.description = description
        self.caption = caption
        self.labelHeader = labelHeader
        self.valueHeader = valueHeader
        self.changeHeader = changeHeader
        self.bars = bars.map { bar in
            BarRow(label: bar.label, sublabel: bar.sublabel, valueText: bar.valueText, tooltip: bar.tooltip,
                   percent: Self.format(max(0, min(1, bar.fraction)) * 100), changeText: bar.change)
        }
    }

    static let templateFields = TemplateFields<Self>([
        .text("id") { $0.id },
        .text("title") { $0.title },
        .text("description") { $0.description },
        .text("caption") { $0.caption },
        .text("labelHeader") { $0.labelHeader },
        .text("valueHeader") { $0.valueHeader },
        .flag("hasChange") { !$0.changeHeader.isEmpty },
        .text("changeHeader") { $0.changeHeader },
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
}
