import Foundation

/// Sums over a group of surveys: everything in the index's totals table.
public struct AuditTotals: Sendable {
    /// The sub-district, or nil for the overall total and for surveys that name none.
    public var subdistrict: String?
    public var surveys: Int
    public var passing: Int
    /// Σ of each centre's area shortfall, m².
    public var areaShortfall: Decimal
    /// Centres with an area shortfall.
    public var centresShortOfArea: Int
    public var award: Decimal
    public var awardCity: Decimal
    public var awardSubdistrict: Decimal
    /// Communities eligible for an award.
    public var awarded: Int
    public var developerShortfall: Decimal
    public var developmentsShort: Int

    public init(subdistrict: String?, surveys: [AuditedSurvey]) {
        self.subdistrict = subdistrict
        self.surveys = surveys.count
        passing = surveys.filter { !$0.fails }.count
        areaShortfall = surveys.map(\.areaShortfall).reduce(0, +)
        centresShortOfArea = surveys.filter { $0.areaShortfall > 0 }.count
        award = surveys.map(\.award).reduce(0, +)
        awardCity = surveys.map(\.awardCity).reduce(0, +)
        awardSubdistrict = surveys.map(\.awardSubdistrict).reduce(0, +)
        awarded = surveys.filter { $0.award > 0 }.count
        developerShortfall = surveys.map(\.developerShortfall).reduce(0, +)
        developmentsShort = surveys.map(\.developmentsShort).reduce(0, +)
    }
}
