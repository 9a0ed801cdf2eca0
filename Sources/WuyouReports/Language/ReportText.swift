import Foundation
import WuyouCore
import WuyouDecimal
import WuyouWords

/// Words every renderer shares — statuses, units and the wording of values — looked up in the
/// word catalogue of one language. The words said for every finding are read once, here.
public struct ReportText: Sendable {
    public let language: ReportLanguage
    public let checklist: Checklist
    private let vocabulary: Vocabulary

    public var words: Words { vocabulary.words }

    /// The words of one language, worked out once per process: a report is made for every survey.
    private final class Vocabulary: Sendable {
        let words: Words
        let statuses: [String]
        let severities: [Requirement.Severity: String]
        let bases: [Requirement.Basis: String]
        let quantities: [String: WordTemplate]
        let otherQuantity: WordTemplate
        let premisesWords: [String: String]
        let inventories: [SurveyInventory: String]
        let atLeast: WordTemplate
        let yes, no, notRecorded, missing: String

        init(_ language: ReportLanguage) {
            let words = Words(language)
            self.words = words
            statuses = Status.allCases.map { words["status.\($0.rawValue)"] }
            severities = [.mandatory: words["severity.mandatory"], .recommended: words["severity.recommended"]]
            bases = [.quoted: words["basis.quoted"], .interpreted: words["basis.interpreted"]]
            // Units as the checklist names them; 元 is keyed by its reading.
            quantities = Dictionary(uniqueKeysWithValues: ["m2", "persons", "days", "departments", "regulations", "items", "teams"].map {
                ($0, WordTemplate(words, "unit.\($0)"))
            } + [("元", WordTemplate(words, "unit.yuan")), ("", WordTemplate(words, "unit.items"))])
            otherQuantity = WordTemplate(words, "unit.other")
            premisesWords = Dictionary(uniqueKeysWithValues: ["own", "new", "renovated", "purchased", "allocated", "rented", "shared", "none"].map {
                ($0, words["premises.\($0)"])
            })
            inventories = Dictionary(uniqueKeysWithValues: [SurveyInventory.services, .regulations, .departments, .developments, .rooms].map {
                ($0, words["inventory.\($0.rawValue)"])
            })
            atLeast = WordTemplate(words, "value.at-least")
            yes = words["value.yes"]
            no = words["value.no"]
            notRecorded = words["value.not-recorded"]
            missing = words["value.missing"]
        }

        static let zh = Vocabulary(.zh)
        static let en = Vocabulary(.en)
    }

    private var statuses: [String] { vocabulary.statuses }
    private var severities: [Requirement.Severity: String] { vocabulary.severities }
    private var bases: [Requirement.Basis: String] { vocabulary.bases }
    private var quantities: [String: WordTemplate] { vocabulary.quantities }
    private var otherQuantity: WordTemplate { vocabulary.otherQuantity }
    private var premisesWords: [String: String] { vocabulary.premisesWords }
    private var inventories: [SurveyInventory: String] { vocabulary.inventories }
    private var atLeast: WordTemplate { vocabulary.atLeast }
    private var yes: String { vocabulary.yes }
    private var no: String { vocabulary.no }
    private var notRecorded: String { vocabulary.notRecorded }
    private var missing: String { vocabulary.missing }

    public init(language: ReportLanguage, checklist: Checklist) {
        self.language = language
        self.checklist = checklist
        vocabulary = language == .zh ? .zh : .en
    }

    public func status(_ status: Status) -> String {
        statuses[status.position]
    }

    public func severity(_ severity: Requirement.Severity) -> String {
        severities[severity] ?? severity.rawValue
    }

    public func basis(_ basis: Requirement.Basis) -> String {
        bases[basis] ?? basis.rawValue
    }

    /// A number as reports print it: exact, without trailing zeros.
    public func number(_ value: ExactDecimal) -> String {
        DecimalText.text(value)
    }

    /// A quantity with its unit, e.g. `280 m²`, `450 元`, `1.5 天`.
    public func quantity(_ value: ExactDecimal, unit: String) -> String {
        let amount = number(value)
        guard let template = quantities[unit] else { return otherQuantity.fill(["amount": amount, "unit": unit]) }
        return template.fill("amount", amount)
    }

    public func premises(_ word: String) -> String {
        premisesWords[word] ?? word
    }

    private func inventory(_ inventory: SurveyInventory) -> String {
        inventories[inventory] ?? inventory.rawValue
    }

    private func unitsName(_ fact: SurveyFact) -> String {
        fact == .communityHouseholds ? words["unit-name.households"] : fact.rawValue
    }

    public func roomLabel(code: String) -> String {
        checklist.room(code: code)?.label.text(language.rawValue) ?? code
    }

    /// An expected or observed value in words.
    public func value(_ value: FindingValue) -> String {
        switch value {
        case .amount(let amount, let unit): quantity(amount, unit: unit)
        case .atLeast(let amount, let unit): atLeast.fill("quantity", quantity(amount, unit: unit))
        case .yes: yes
        case .no: no
        case .word(let word): premises(word)
        case .notRecorded: notRecorded
        case .room(let code): words("value.room", ["room": roomLabel(code: code)])
        case .roomFound(let name): words("value.room-found", ["name": name])
        case .missing: missing
        case .allItems(let kind, let count):
            words("value.all-items", ["count": "\(count)", "inventory": inventory(kind)])
        case .itemsLacking(let kind, let lacking, let total):
            words("value.items-lacking", ["lacking": "\(lacking)", "total": "\(total)", "inventory": inventory(kind)])
        case .nothingListed(let kind): words("value.nothing-listed", ["inventory": inventory(kind)])
        case .factsTrue(let count, let total): words("value.facts-true", ["count": "\(count)", "total": "\(total)"])
        case .noPremises: words["value.no-premises"]
        case .notCentral: words["value.not-central"]
        case .effectiveFrom(let date): words("value.effective-from", ["date": date])
        case .assertion(let holds): holds ? words["value.holds"] : words["value.does-not-hold"]
        case .wordOtherThan(let others):
            words("value.word-other-than", ["words": others.map { words("value.word-quoted", ["word": premises($0)]) }
                .joined(separator: words["value.word-separator"])])
        case .areaPerUnits(let area, let per, let unit, let units):
            words("value.area-per-units", ["per": number(per), "units": unitsName(units), "quantity": quantity(area, unit: unit)])
        case .everyItem(let kind): words("value.every-item", ["inventory": inventory(kind)])
        case .ratio(let required, let per, let unit):
            words("value.ratio", ["per": quantity(per, unit: unit), "required": quantity(required, unit: unit)])
        case .allOf(let values): values.map { self.value($0) }.joined(separator: words["value.all-of-separator"])
        }
    }

    /// What a gap may owe to a slip of the pen: 请核实：调查表第12行有“警物室”，疑为警务室, or for a
    /// survey from a workbook 请核实：用房!A5 有“警物室”，疑为警务室. Empty when the finding has
    /// no possible typo.
    public func possibleTypos(_ finding: Finding, in survey: Survey) -> String {
        finding.possibleTypos.map { typo in
            let place = survey.cell(of: typo.place).map { words("place.cell", ["cell": $0.name]) }
                ?? words("place.line", ["line": "\(survey.line(of: typo.place) ?? 1)"])
            return words("value.possible-typo", [
                "place": place,
                "written": DiagnosticText.shortened(typo.written, to: InputLimits.quotedLength),
                "room": roomLabel(code: typo.meant),
            ])
        }.joined(separator: words["value.possible-typo-separator"])
    }

    /// A shortfall as a reader wants it: `缺 20 m²` / `20 m² short`.
    public func shortfall(_ finding: Finding) -> String? {
        guard let shortfall = finding.shortfall, let unit = finding.unit else { return nil }
        return words("value.shortfall", ["amount": quantity(shortfall, unit: unit)])
    }

    /// A list element of the survey in words, e.g. `规章制度` / `regulations`.
    public func inventoryName(_ kind: SurveyInventory) -> String {
        inventory(kind)
    }

    /// What a survey fact records, phrased as what an inspector fills in, e.g.
    /// `是否接入社区信息服务平台` / `whether the centre is connected to the information platform`.
    public func factDescription(_ fact: SurveyFact) -> String {
        words["fact.\(fact.rawValue)"]
    }

    /// The report's score as a percentage with one decimal, from its exact counts (15 of 19
    /// is 78.9%), or a dash when nothing was judged.
    public func score(_ report: SurveyReport) -> String {
        DecimalRounding.percentText(report.scoreParts.met, of: report.scoreParts.judged)
    }
}
