import Foundation
import WuyouWords
import WuyouMustache
import WuyouCore

/// Every word of the HTML report that does not come from the survey, the checklist or
/// ``ReportText``: the fixed labels the templates read as `labels.<key>` (the catalogue's
/// `report.label.<key>`), and the sentences the view model composes (`report.*`).
public struct HTMLLabels: TemplateModel, Sendable {
    /// A fixed label; the raw value is the name templates use after `labels.`.
    public enum Key: String, CaseIterable, Sendable {
        // Page and sections (read by the templates)
        case title, navigation, backToIndex, facts, conclusion, verdictPass, verdictFail, verdictDraft, score
        case problems, noProblems, missingData, missingDataNote, noUnknowns
        case funding, award, developers, noDevelopments, warnings, met, noMet, rooms, noRooms
        case colNumber, colRequirement, colBasis, colObserved, colExpected, colShortfall, colAdvice
        case colClause, colCollect, colSurveyField, colStatus, none
        case colAwardTotal, colAwardCity, colAwardSubdistrict
        case colDevelopment, colFloorArea, colRequired, colProvided, colOutstanding, total
        case colLine, colCell, colMessage
        case colRoomName, colCountsFor, colArea, colRecognisedBy, spinnerAlias, unrecognised
        case inspectorSignature, secretarySignature, date, generatedBy, checklist, checklistHash, surveyFile
        // Composed by the view model
        case factCommunity, factCode, factSubdistrict, factHouseholds, factCentral, factPremises
        case factCentreArea, factDate, factInspectors, factChecklist, factSurveyId, factNotes
        case notFilled, withheldForPublication, yes, no, yesByDefault, centreNotSurveyed
        case severityMandatory, severityRecommended, problemsNote, roomsNote
        case recognisedByCode, recognisedByName, recognisedByAlias, notCounted
        case listSeparator, collectCentre, collectXPath, booleanHint
        // Since last time (`--baseline`)
        case sinceLastTime, sinceClosed, sinceOpened, sinceStillOpen
    }

    let language: ReportLanguage
    let words: Words

    public init(language: ReportLanguage) {
        self.language = language
        words = Words(language)
    }

    /// The label `key`: the catalogue's `report.label.<key>`.
    public subscript(key: Key) -> String {
        words["report.label.\(key.rawValue)"]
    }

    public static let templateFields = TemplateFields<Self>(Key.allCases.map { key in .text(key.rawValue) { $0[key] } })

    // MARK: Sentences


    /// The `lang` attribute of the page.
    var htmlLanguage: String { words["report.html-lang"] }

    func pageTitle(community: String) -> String {
        words("report.page-title", ["community": community, "title": self[.title]])
    }

    func subtitle(community: String, subdistrict: String?) -> String {
        guard let subdistrict, !subdistrict.isEmpty else { return community }
        return words("report.subtitle", ["community": community, "subdistrict": subdistrict])
    }

    func households(_ count: String) -> String {
        words("report.households", ["count": count])
    }

    func checklistVersion(_ version: String) -> String {
        words("report.checklist-version", ["version": version])
    }

    /// The running header of a printed page: the community and the checklist.
    func printHeader(subtitle: String, checklist: String) -> String {
        words("report.print-header", ["subtitle": subtitle, "title": self[.title], "checklist": checklist])
    }

    /// "第 x 页 共 y 页" / "Page x of y", around the two page counters.
    var pageNumber: (prefix: String, middle: String, suffix: String) {
        (words["report.page-number.prefix"], words["report.page-number.middle"], words["report.page-number.suffix"])
    }

    func sinceSummary(date: String, id: String, before: String, now: String, change: String, closed: Int, opened: Int, stillOpen: Int) -> String {
        words("report.since-summary", [
            "date": date, "id": id, "before": before, "now": now, "change": change,
            "closed": "\(closed)", "opened": "\(opened)", "stillOpen": "\(stillOpen)",
        ])
    }

    func sinceNew() -> String {
        words["report.since-new"]
    }

    func checklistFact(id: String, version: String, modified: Bool = false) -> String {
        let note = checklistVersion(version) + (modified ? words["report.checklist-modified-note"] : "")
        return words("report.checklist-fact", ["id": id, "note": note])
    }

    /// Said at the top of a report whose checklist keeps a bundled id but is not the bundled file.
    func modifiedChecklist(id: String, hash: String) -> String {
        words("report.modified-checklist", ["id": id, "hash": hash])
    }

    /// The conclusion's warning that some gaps may be slips of the pen; empty when none.
    func typoSentence(_ count: Int) -> String {
        guard count > 0 else { return "" }
        return words("report.typo-sentence", ["count": "\(count)"])
    }

    /// The one-sentence verdict over mandatory requirements (docs/spec/report.md, item 3).
    func verdictSentence(mandatory: Int, gap: Int, partial: Int, unknown: Int) -> String {
        words("report.verdict-sentence", [
            "mandatory": "\(mandatory)", "gap": "\(gap)", "partial": "\(partial)", "unknown": "\(unknown)",
        ])
    }

    func countsCaption(total: Int) -> String {
        words("report.counts-caption", ["total": "\(total)"])
    }

    func metSummary(met: Int, notApplicable: Int) -> String {
        words("report.met-summary", ["met": "\(met)", "notApplicable": "\(notApplicable)"])
    }

    func awardSentence(premises: String, clause: String, total: String, city: String, subdistrict: String) -> String {
        words("report.award-sentence", [
            "premises": premises, "clause": clause, "total": total, "city": city, "subdistrict": subdistrict,
        ])
    }

    func noAwardNotCentral() -> String {
        words["report.no-award.not-central"]
    }

    func noAwardNoCentre() -> String {
        words["report.no-award.no-centre"]
    }

    func noAwardNoPremises() -> String {
        words["report.no-award.no-premises"]
    }

    func noAwardPremises(_ premises: String) -> String {
        words("report.no-award.premises", ["premises": premises])
    }

    func developmentsNote(requiredArea: String, perArea: String, clause: String) -> String {
        words("report.developments-note", ["requiredArea": requiredArea, "perArea": perArea, "clause": clause])
    }

    func providedWithFunds(total: String, funds: String) -> String {
        words("report.provided-with-funds", ["total": total, "funds": funds])
    }

    func collectList(_ items: String) -> String {
        words("report.collect-list", ["items": items])
    }

    func unknownCode(_ code: String) -> String {
        words("report.unknown-code", ["code": code])
    }

    func roomCode(label: String, code: String) -> String {
        words("report.room-code", ["label": label, "code": code])
    }
}
