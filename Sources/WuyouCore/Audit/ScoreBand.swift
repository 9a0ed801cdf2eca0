import WuyouDecimal
import Foundation

/// Score bands for the distribution chart, best first.
public enum ScoreBand: String, Sendable, CaseIterable {
    /// Every judged mandatory requirement met.
    case full = "100"
    case from90 = "90-99"
    case from80 = "80-89"
    case from60 = "60-79"
    case below60 = "0-59"
    /// Nothing judged, no score.
    case unscored = "none"

    public init(score: ExactDecimal?) {
        guard let score else { self = .unscored; return }
        let tenths = score * 10
        if score >= 1 {
            self = .full
        } else if tenths >= 9 {
            self = .from90
        } else if tenths >= 8 {
            self = .from80
        } else if tenths >= 6 {
            self = .from60
        } else {
            self = .below60
        }
    }

    /// How many of `bands` fall in each band, in ``allCases`` order.
    public static func distribution(of bands: some Sequence<ScoreBand>) -> [(band: ScoreBand, count: Int)] {
        var counts = [Int](repeating: 0, count: allCases.count)
        for band in bands { counts[allCases.firstIndex(of: band)!] += 1 }
        return zip(allCases, counts).map { ($0, $1) }
    }
}
