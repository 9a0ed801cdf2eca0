import WuyouCore
import WuyouLedger
import WuyouWords

/// The lines of the ledger workbook one survey contributes: each mandatory finding that is a
/// gap, partial or unknown, and each finding a ledger entry names (every entry that names the
/// survey, used or superseded, so that the workbook read back holds the whole ledger).
public enum RectificationItems {
    public static func items(
        report: SurveyReport, ledger: Ledger?, judgement: LedgerJudgement?, language: ReportLanguage
    ) -> [RectificationItem] {
        let text = ReportText(language: language, checklist: report.checklist)
        let survey = report.survey
        var entriesByRequirement: [String: [LedgerEntry]] = [:]
        if let ledger, let judgement {
            for position in judgement.matchedEntries {
                let entry = ledger.entries[position]
                entriesByRequirement[entry.requirement, default: []].append(entry)
            }
        }
        var items: [RectificationItem] = []
        for (position, finding) in report.findings.enumerated() {
            let requirement = finding.requirement
            let mandatory = requirement.severity == .mandatory
            let entries = LedgerJudgement.ordered(entriesByRequirement[requirement.id] ?? [])
            let open = mandatory && (finding.status.isShortfall || finding.status == .unknown)
            guard open || !entries.isEmpty else { continue }
            func item(_ entry: LedgerEntry?) -> RectificationItem {
                RectificationItem(
                    mandatory: mandatory, requirementPosition: position, requirement: requirement.id,
                    requirementTitle: requirement.title.text(language.rawValue), subdistrict: survey.community.subdistrict ?? "",
                    community: survey.community.name, communityCode: survey.community.code, surveyID: survey.id,
                    observed: finding.observed.map(text.value) ?? "", shortfall: text.shortfall(finding) ?? "", entry: entry)
            }
            if entries.isEmpty {
                items.append(item(nil))
            } else {
                items += entries.map(item)
            }
        }
        return items
    }

    /// Lines for entries that named no audited survey, in ledger order (they go after the others).
    public static func unmatched(_ entries: [LedgerEntry], checklist: Checklist, language: ReportLanguage) -> [RectificationItem] {
        let positions = Dictionary(checklist.requirements.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        return entries.map { entry in
            let position = positions[entry.requirement] ?? 0
            let requirement = checklist.requirements[position]
            var surveyID = ""
            if case .survey(let id) = entry.target { surveyID = id }
            return RectificationItem(
                mandatory: requirement.severity == .mandatory, requirementPosition: position, requirement: entry.requirement,
                requirementTitle: requirement.title.text(language.rawValue), subdistrict: "", community: "",
                communityCode: nil, surveyID: surveyID, observed: "", shortfall: "", entry: entry)
        }
    }
}
