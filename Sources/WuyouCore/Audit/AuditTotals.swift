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

    /// Sums over `surveys` in one pass, copying none of them (an audit may hold 100,000).
    public init<Surveys: Sequence<AuditedSurvey>>(subdistrict: String?, surveys: Surveys) {
        self.subdistrict = subdistrict
        var count = 0, passing = 0, centresShortOfArea = 0, awarded = 0, developmentsShort = 0
        var areaShortfall: Decimal = 0, award: Decimal = 0, awardCity: Decimal = 0, awardSubdistrict: Decimal = 0
        var developerShortfall: Decimal = 0
        for survey in surveys {
            count += 1
            if !survey.fails { passing += 1 }
            areaShortfall = DecimalMath.add(areaShortfall, survey.areaShortfall)
            if DecimalMath.less(0, survey.areaShortfall) { centresShortOfArea += 1 }
            award = DecimalMath.add(award, survey.award)
            awardCity = DecimalMath.add(awardCity, survey.awardCity)
            awardSubdistrict = DecimalMath.add(awardSubdistrict, survey.awardSubdistrict)
            if DecimalMath.less(0, survey.award) { awarded += 1 }
            developerShortfall = DecimalMath.add(developerShortfall, survey.developerShortfall)
            developmentsShort += survey.developmentsShort
        }
        self.surveys = count
        self.passing = passing
        self.areaShortfall = areaShortfall
        self.centresShortOfArea = centresShortOfArea
        self.award = award
        self.awardCity = awardCity
        self.awardSubdistrict = awardSubdistrict
        self.awarded = awarded
        self.developerShortfall = developerShortfall
        self.developmentsShort = developmentsShort
    }
}
