import WuyouWords
import WuyouMustache
import WuyouCore

/// The fixed words of the audit pages (index, sub-district and all-centres pages), read by
/// their templates as `labels.<key>`: the catalogue's `audit.label.<key>`.
struct AuditLabels: TemplateModel, Sendable {
    enum Key: String, CaseIterable, Sendable {
        case none, navigation, backToIndex, downloadCSV, downloadJSON, allCentres, allCentresTitle, attention, subdistrictPages, colPassRate, colRate, colBand, colCount, filterStatus, filterAll, filterFail, filterPass, filterNone, filterSubdistrict, search, subdistrictTitle, drafts
        case title, summary, passRate, scoreDistribution, compliance, complianceTable, colRequirement, colSeverity, colMetCount, colJudgedCount, colComplianceRate, colRateChange, totals, colSubdistrict, colCentres, colPassing, colAreaShortfall, colAward, colDeveloperShortfall, total, centres, colNumber, colCommunity, colDate, colScore, colVerdict, colGaps, colPartials, colUnknowns, colScoreChange, colGapsClosed, colGapsOpened, newCentre, goneCentres, goneCentresNote, colSurveyId, colLastScore, errors, colFile, colLine, colColumn, colMessage, generatedBy, checklist, checklistHash, surveyFile
    }

    let language: ReportLanguage

    /// The label `key`: the catalogue's `audit.label.<key>`.
    subscript(key: Key) -> String {
        Words(language)["audit.label.\(key.rawValue)"]
    }

    static let templateFields = TemplateFields<Self>(Key.allCases.map { key in .text(key.rawValue) { $0[key] } })
}
