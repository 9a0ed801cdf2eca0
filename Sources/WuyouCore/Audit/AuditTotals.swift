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

    /// Sums over the surveys at `positions` of `surveys` in one pass, reading each where it
    /// lies (an audit may hold 100,000, and copying each out was most of the time).
    public init(subdistrict: String?, surveys: [AuditedSurvey], positions: some Sequence<Int>) {
        self.subdistrict = subdistrict
        var count = 0, passing = 0, centresShortOfArea = 0, awarded = 0, developmentsShort = 0
        var areaShortfall = DecimalSum(), award = DecimalSum(), awardCity = DecimalSum(), awardSubdistrict = DecimalSum()
        var developerShortfall = DecimalSum()
        surveys.withUnsafeBufferPointer { surveys in
            for position in positions {
                precondition(surveys.indices.contains(position), "a survey position outside the audit")
                let survey = surveys.baseAddress! + position
                count += 1
                if !survey.pointee.fails { passing += 1 }
                areaShortfall.add(survey.pointee.areaShortfall)
                if DecimalMath.less(0, survey.pointee.areaShortfall) { centresShortOfArea += 1 }
                award.add(survey.pointee.award)
                awardCity.add(survey.pointee.awardCity)
                awardSubdistrict.add(survey.pointee.awardSubdistrict)
                if DecimalMath.less(0, survey.pointee.award) { awarded += 1 }
                developerShortfall.add(survey.pointee.developerShortfall)
                developmentsShort += survey.pointee.developmentsShort
            }
        }
        self.surveys = count
        self.passing = passing
        self.areaShortfall = areaShortfall.value
        self.centresShortOfArea = centresShortOfArea
        self.award = award.value
        self.awardCity = awardCity.value
        self.awardSubdistrict = awardSubdistrict.value
        self.awarded = awarded
        self.developerShortfall = developerShortfall.value
        self.developmentsShort = developmentsShort
    }
}
