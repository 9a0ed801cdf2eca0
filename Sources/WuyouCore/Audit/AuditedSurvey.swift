import WuyouDecimal
import Foundation

/// What an audit keeps of one survey once its page and JSON are written: enough for the index,
/// the CSV, the totals and a later comparison, so memory grows by this much per survey only.
public struct AuditedSurvey: Sendable {
    public var path: String
    public var id: String
    /// Where a duplicate id is reported: the `<survey>` element, or a workbook row.
    public var location: Diagnostic.Location
    public var community: String
    public var subdistrict: String?
    public var date: String
    public var passes: Bool
    /// Template text is still in it (see ``Survey/isDraft``): listed apart, left out of every figure.
    public var isDraft: Bool
    /// Fails under the audit's strictness (see ``SurveyReport/fails(strict:)``).
    public var fails: Bool
    public var score: ExactDecimal? {
        didSet { scoreBand = ScoreBand(score: score) }
    }
    /// The band of ``score``, worked out once: a distribution bands every survey of an audit.
    public private(set) var scoreBand: ScoreBand
    /// The counts behind ``score`` (see ``SurveyReport/scoreParts``).
    public var scoreParts: (met: Int, judged: Int)
    /// One status per requirement, in checklist order.
    public var statuses: [Status]
    /// The centre's missing floor space in m² (see ``init(report:strict:)``).
    public var areaShortfall: ExactDecimal
    public var award: ExactDecimal
    public var awardCity: ExactDecimal
    public var awardSubdistrict: ExactDecimal
    /// Developer-provided service space still owed, m².
    public var developerShortfall: ExactDecimal
    /// How many developments still owe space.
    public var developmentsShort: Int
    /// What the ledger said about the survey, when the audit has one (see ``applying(_:strict:)``).
    public var ledger: LedgerTally?

    /// Summarises a report.
    ///
    /// The area shortfall is the largest m² shortfall among the facility requirements (those
    /// that read `<centre>`: for `laohekou-2023`, area.minimum and area.per-households). Both
    /// measure the same missing floor space against two thresholds, so adding them would count
    /// it twice; building the larger shortfall meets both.
    ///
    /// - Parameters:
    ///   - report: The survey's evaluation.
    ///   - strict: Whether an unknown mandatory requirement fails the survey.
    public init(report: SurveyReport, strict: Bool) {
        let survey = report.survey
        path = survey.path
        id = survey.id
        location = survey.location(of: survey.place)
        if location.cell == nil { location.column = 1 }
        community = survey.community.name
        subdistrict = survey.community.subdistrict
        date = survey.date.text
        passes = report.passes
        isDraft = survey.isDraft
        fails = report.fails(strict: strict)
        score = report.score
        scoreBand = ScoreBand(score: report.score)
        scoreParts = report.scoreParts
        statuses = report.findings.map(\.status)
        var areaShortfall: ExactDecimal?
        for index in report.findings.indices where report.findings[index].requirement.rule.measuresCentreArea {
            if let shortfall = report.findings[index].shortfall, areaShortfall.map({ $0 < shortfall }) ?? true {
                areaShortfall = shortfall
            }
        }
        self.areaShortfall = areaShortfall ?? 0
        award = report.funding.awardTotal
        awardCity = report.funding.award?.city ?? 0
        awardSubdistrict = report.funding.award?.subdistrict ?? 0
        developerShortfall = report.funding.developerShortfallArea
        developmentsShort = report.funding.obligations.filter { $0.outstanding > 0 }.count
    }

    public func count(_ status: Status) -> Int { statuses.reduce(0) { $0 + ($1 == status ? 1 : 0) } }
}
