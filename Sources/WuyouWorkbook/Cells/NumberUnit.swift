/// The units a number cell may carry after its digits (`300 m²`, `1,800户`).
///
/// Each number column has one; a unit that does not fit the column (`300元` for an area) is an
/// error rather than silently dropped.
public enum NumberUnit: String, Sendable, CaseIterable {
    case squareMetres, yuan, people, days, households, items

    /// How the unit is shown in messages and input prompts.
    public var symbol: String {
        switch self {
        case .squareMetres: "m²"
        case .yuan: "元"
        case .people: "人"
        case .days: "天"
        case .households: "户"
        case .items: "个"
        }
    }

    /// The unit's spellings after NFKC and lowercasing (`m²` and `㎡` both become `m2`).
    var spellings: [String] {
        switch self {
        case .squareMetres: ["m2", "平方米"]
        case .yuan: ["元"]
        case .people: ["人"]
        case .days: ["天"]
        case .households: ["户"]
        case .items: ["个"]
        }
    }
}
