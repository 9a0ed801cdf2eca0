import WuyouDecimal
import Foundation

/// Sums over a group of surveys: everything in the index's totals table.
public struct AuditTotals: Sendable {
    /// The sub-district, or nil for the overall total and for surveys that name none.
    public var subdistrict: String?
    public var surveys: Int
    public var passing: Int
    /// Σ of each centre's area shortfall, m².
    public var areaShortfall: ExactDecimal
    /// Centres with an area shortfall.
    public var centresShortOfArea: Int
    public var award: ExactDecimal
    public var awardCity: ExactDecimal
    public var awardSubdistrict: ExactDecimal
    /// Communities eligible for an award.
    public var awarded: Int
    public var developerShortfall: ExactDecimal
    public var developmentsShort: Int

    /// Sums over the surveys at `positions` of `surveys` in one pass, reading each where it
    /// lies (an audit may hold 100,000, and copying each out was most of the time).
    public init(subdistrict: String?, surveys: [AuditedSurvey], positions: some Sequence<Int>) {
        self.subdistrict = subdistrict
        var count = 0, passing = 0, centresShortOfArea = 0, awarded = 0, developmentsShort = 0
        var areaShortfall: ExactDecimal = 0, award: ExactDecimal = 0, awardCity: ExactDecimal = 0
        var awardSubdistrict: ExactDecimal = 0, developerShortfall: ExactDecimal = 0
        surveys.withUnsafeBufferPointer { surveys in
            for position in positions {
                precondition(surveys.indices.contains(position), "a survey position outside the audit")
                let survey = surveys.baseAddress! + position
                count += 1
                if !survey.pointee.fails { passing += 1 }
                areaShortfall += survey.pointee.areaShortfall
                if survey.pointee.areaShortfall > 0 { centresShortOfArea += 1 }
                award += survey.pointee.award
                awardCity += survey.pointee.awardCity
                awardSubdistrict += survey.pointee.awardSubdistrict
                if survey.pointee.award > 0 { awarded += 1 }
                developerShortfall += survey.pointee.developerShortfall
                developmentsShort += survey.pointee.developmentsShort
            }
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
