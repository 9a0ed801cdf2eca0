import Foundation
import WuyouWords
import WuyouCore
import WuyouLedger
import WuyouDecimal

extension ReportViewModel {
    /// Words and formats everything `report.mustache` shows about one survey.
    ///
    /// - Parameters:
    ///   - report: The evaluated survey.
    ///   - language: The language of every label and sentence.
    ///   - toolVersion: The wuyou version named in the footer.
    ///   - surveyFileName: The survey file named in the footer; its last path component is kept.
    ///   - indexHref: A link back to the batch index, for pages of an audit site.
    ///   - stylesheetHref: The site's shared stylesheet; nil inlines the style (a self-contained page).
    ///   - since: The centre against its previous survey, when the audit has a baseline.
    ///   - ledger: What the ledger says about the survey (`--ledger`).
    init(
        report: SurveyReport, language: ReportLanguage, toolVersion: String,
        surveyFileName: String? = nil, indexHref: String? = nil, stylesheetHref: String? = nil,
        since: BaselineComparison.CentreChange? = nil, ledger judgement: LedgerJudgement? = nil
    ) {
        let builder = Builder(report: report, language: language, ledger: judgement)
        let survey = report.survey
        let labels = builder.labels
        lang = labels.htmlLanguage
        inlineStyle = stylesheetHref == nil
        self.stylesheetHref = stylesheetHref ?? ""
        print = PrintFurniture(
            header: CSSString.literal(labels.printHeader(
                subtitle: labels.subtitle(community: survey.community.name, subdistrict: survey.community.subdistrict),
                checklist: labels.checklistFact(id: report.checklist.id, version: report.checklist.version, modified: report.checklist.modified))),
            pagePrefix: CSSString.literal(labels.pageNumber.prefix), pageMiddle: CSSString.literal(labels.pageNumber.middle),
            pageSuffix: CSSString.literal(labels.pageNumber.suffix))
        self.since = since.map { builder.since($0) }
        pageTitle = labels.pageTitle(community: survey.community.name)
        checklistTitle = report.checklist.title.text(language.rawValue)
        subtitle = labels.subtitle(community: survey.community.name, subdistrict: survey.community.subdistrict)
        self.indexHref = indexHref
        facts = builder.facts()
        passes = judgement?.passes ?? report.passes
        verdictWord = passes ? labels[.verdictPass] : (survey.isDraft ? labels[.verdictDraft] : labels[.verdictFail])
        let diagnosticText = DiagnosticText(language: language)
        notices = report.warnings.filter { $0.code == .surveyDraft }.map { diagnosticText.message(for: $0) }
            + (report.checklist.modified ? [labels.modifiedChecklist(id: report.checklist.id, hash: report.checklist.shortHash)] : [])
        typoSentence = labels.typoSentence(report.possibleTypoGaps)
        scoreText = builder.text.score(report)
        verdictSentence = builder.verdictSentence()
        countsCaption = labels.countsCaption(total: report.findings.count)
        statusCounts = Status.allCases.map { status in
            StatusCount(status: status.rawValue, statusLabel: builder.text.status(status), count: report.counts[status])
        }
        problemsNote = labels[.problemsNote]
        problemGroups = builder.problemGroups()
        unknowns = builder.unknowns()
        funding = builder.funding()
        placeHeading = survey.isFromCells ? labels[.colCell] : labels[.colLine]
        warnings = report.warnings.map { warning in
            Warning(line: warning.location.cell ?? warning.location.line.map(String.init) ?? labels[.none],
                    message: diagnosticText.message(for: warning))
        }
        metSummary = labels.metSummary(met: report.counts[.met], notApplicable: report.counts[.notApplicable])
        met = builder.met()
        rooms = builder.rooms()
        roomsNote = labels[.roomsNote]
        let checklist = report.checklist
        provenance = Provenance(
            tool: "wuyou", toolVersion: toolVersion, checklistId: checklist.id,
            checklistVersionText: labels.checklistVersion(checklist.version), checklistHash: checklist.shortHash,
            surveyFile: ((surveyFileName ?? survey.path) as NSString).lastPathComponent)
        self.labels = labels
        ledgerLabels = LedgerLabels(language: language)
        if let wording = builder.ledgerWording {
            ledger = wording.section()
            verdictWaivers = wording.verdictWaivers()
            ledgerSentences = wording.verdictSentences()
        }
    }
}

/// Turns a report's findings into the view model's sections.
private struct Builder {
    let report: SurveyReport
    let language: ReportLanguage
    let text: ReportText
    let labels: HTMLLabels
    let ledgerWording: LedgerWording?

    init(report: SurveyReport, language: ReportLanguage, ledger: LedgerJudgement?) {
        self.report = report
        self.language = language
        text = ReportText(language: language, checklist: report.checklist)
        labels = HTMLLabels(language: language)
        ledgerWording = ledger.map { LedgerWording(report: report, ledger: $0, language: language) }
    }

    /// The position in the report of a finding handed around by value.
    private func position(of finding: Finding) -> Int? {
        report.findings.firstIndex { $0.requirement.id == finding.requirement.id }
    }

    private func ledgerNote(_ finding: Finding) -> (note: LedgerNote?, waived: Bool) {
        guard let wording = ledgerWording, let index = position(of: finding) else { return (nil, false) }
        return (wording.note(forFinding: index), wording.ledger.appliedWaiver(forFinding: index) != nil)
    }

    private var survey: Survey { report.survey }

    func localized(_ value: LocalizedText) -> String {
        value.text(language.rawValue)
    }

    private func orNotFilled(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return labels[.notFilled] }
        return value
    }

    // MARK: Facts and verdict

    func facts() -> [ReportViewModel.Fact] {
        let community = survey.community
        let centralWritten = community.centralStated
        let central = community.central
            ? labels[centralWritten ? .yes : .yesByDefault]
            : labels[.no]
        let premises: String
        let area: String
        if let centre = survey.centre {
            premises = orNotFilled(centre.premises.map(text.premises))
            area = orNotFilled(centre.area.map { text.quantity($0, unit: "m2") })
        } else {
            premises = labels[.centreNotSurveyed]
            area = labels[.centreNotSurveyed]
        }
        var rows: [(HTMLLabels.Key, String)] = [
            (.factCommunity, community.name),
            (.factCode, orNotFilled(community.code)),
            (.factSubdistrict, orNotFilled(community.subdistrict)),
            (.factHouseholds, orNotFilled(community.households.map { labels.households(text.number($0)) })),
            (.factCentral, central),
            (.factPremises, premises),
            (.factCentreArea, area),
            (.factDate, survey.date.text),
            (.factInspectors, survey.personalDataWithheld
                ? labels[.withheldForPublication]
                : orNotFilled(survey.inspectors.joined(separator: labels[.listSeparator]))),
            (.factChecklist, labels.checklistFact(id: report.checklist.id, version: report.checklist.version, modified: report.checklist.modified)),
            (.factSurveyId, survey.id),
        ]
        if let notes = survey.notes?.trimmingCharacters(in: .whitespacesAndNewlines), !notes.isEmpty {
            rows.append((.factNotes, notes))
        }
        return rows.map { ReportViewModel.Fact(label: labels[$0.0], value: $0.1) }
    }

    func verdictSentence() -> String {
        let mandatory = report.findings.filter { $0.requirement.severity == .mandatory }
        func count(_ status: Status) -> Int { mandatory.filter { $0.status == status }.count }
        return labels.verdictSentence(
            mandatory: mandatory.count, gap: count(.gap), partial: count(.partial), unknown: count(.unknown))
    }

    private func severityLabel(_ severity: Requirement.Severity) -> String {
        labels[severity == .mandatory ? .severityMandatory : .severityRecommended]
    }

    // MARK: Problems

    /// Gaps and partials by severity (mandatory first), then by category in checklist order,
    /// numbered through.
    func problemGroups() -> [ReportViewModel.ProblemGroup] {
        let problems = report.problems
        var groups: [ReportViewModel.ProblemGroup] = []
        var number = 0
        for severity in [Requirement.Severity.mandatory, .recommended] {
            for (position, category) in categoryOrder(of: problems).enumerated() {
                let findings = problems.filter { $0.requirement.severity == severity && $0.requirement.category == category }
                guard !findings.isEmpty else { continue }
                let rows = findings.map { finding -> ReportViewModel.Problem in
                    number += 1
                    return problem(finding, number: number)
                }
                groups.append(ReportViewModel.ProblemGroup(
                    // By position: category ids may be Chinese, and a character-by-character
                    // transliteration could give two categories the same HTML id.
                    groupId: "g-\(severity.rawValue)-\(position + 1)",
                    categoryLabel: report.checklist.category(id: category).map { localized($0.label) } ?? category,
                    severityLabel: severityLabel(severity), mandatory: severity == .mandatory, rows: rows))
            }
        }
        return groups
    }

    /// The checklist's categories in their order, then any category a requirement names
    /// that the checklist does not declare, in order of first use.
    private func categoryOrder(of findings: [Finding]) -> [String] {
        var order = report.checklist.categories.map(\.id)
        for finding in findings where !order.contains(finding.requirement.category) {
            order.append(finding.requirement.category)
        }
        return order
    }

    private func problem(_ finding: Finding, number: Int) -> ReportViewModel.Problem {
        let requirement = finding.requirement
        let ledger = ledgerNote(finding)
        return ReportViewModel.Problem(
            number: number, id: requirement.id, title: localized(requirement.title),
            status: finding.status.rawValue, statusLabel: text.status(finding.status),
            clause: requirement.clause, basis: requirement.basis.rawValue, basisLabel: text.basis(requirement.basis),
            basisNote: localized(requirement.basisNote),
            observed: finding.observed.map(text.value) ?? labels[.none],
            expected: expected(finding),
            shortfallText: text.shortfall(finding) ?? "",
            advice: localized(requirement.advice),
            typoNote: text.possibleTypos(finding, in: report.survey), ledgerNote: ledger.note, waived: ledger.waived)
    }

    /// The standard in words; a bare "yes" or a room code says less than the requirement's own title.
    private func expected(_ finding: Finding) -> String {
        switch finding.expected {
        case nil, .yes?, .room?, .wordOtherThan?, .allOf?: localized(finding.requirement.title)
        case let value?: text.value(value)
        }
    }

    // MARK: Unknowns

    /// Unknown findings, mandatory first, each with the survey fields to fill in.
    func unknowns() -> [ReportViewModel.Unknown] {
        let unknown = report.findings.filter { $0.status == .unknown }
        let ordered = unknown.filter { $0.requirement.severity == .mandatory }
            + unknown.filter { $0.requirement.severity == .recommended }
        return ordered.enumerated().map { index, finding in
            let requirement = finding.requirement
            let needs = missing(for: finding)
            let ledger = ledgerNote(finding)
            return ReportViewModel.Unknown(
                number: index + 1, id: requirement.id, title: localized(requirement.title), clause: requirement.clause,
                severityLabel: severityLabel(requirement.severity), mandatory: requirement.severity == .mandatory,
                collect: needs.map(\.collect).joined(separator: labels[.listSeparator]),
                field: needs.map(\.field).joined(separator: " "), ledgerNote: ledger.note, waived: ledger.waived)
        }
    }

    private struct Need: Equatable {
        var collect: String
        var field: String
    }

    private func missing(for finding: Finding) -> [Need] {
        if finding.requirement.facility && survey.centre == nil {
            return [Need(collect: labels[.collectCentre], field: "centre")]
        }
        return finding.requirement.rule.missingInputs(in: survey).map { input in
            switch input {
            case .fact(let fact): need(fact)
            case .inventory(let inventory): need(inventory)
            case .expression(let expression): Need(collect: labels[.collectXPath], field: expression)
            }
        }
    }

    private func need(_ fact: SurveyFact) -> Need {
        let hint = fact.valueType == .boolean ? labels[.booleanHint] : ""
        return Need(collect: text.factDescription(fact) + hint, field: fact.path)
    }

    private func need(_ inventory: SurveyInventory) -> Need {
        return Need(collect: labels.collectList(text.inventoryName(inventory)), field: inventory.path)
    }

    // MARK: Funding

    func funding() -> ReportViewModel.Funding {
        let funding = report.funding
        let awardSentence: String
        if let award = funding.award {
            awardSentence = labels.awardSentence(
                premises: text.premises(award.premises), clause: award.clause,
                total: text.quantity(award.total, unit: "元"), city: text.quantity(award.city, unit: "元"),
                subdistrict: text.quantity(award.subdistrict, unit: "元"))
        } else if !survey.community.central {
            awardSentence = labels.noAwardNotCentral()
        } else if let centre = survey.centre {
            awardSentence = centre.premises.map { labels.noAwardPremises(text.premises($0)) } ?? labels.noAwardNoPremises()
        } else {
            awardSentence = labels.noAwardNoCentre()
        }

        var totalFloorArea: ExactDecimal = 0
        var rows: [ReportViewModel.Development] = []
        for obligation in funding.obligations {
            totalFloorArea += obligation.floorArea
            let provided = text.number(obligation.provided)
            let status: Status = obligation.outstanding > 0 ? .gap : .met
            rows.append(ReportViewModel.Development(
                name: obligation.name.isEmpty && report.survey.personalDataWithheld ? labels[.withheldForPublication] : obligation.name,
                floorArea: text.number(obligation.floorArea),
                required: text.number(obligation.required),
                provided: obligation.fundsInLieuArea > 0
                    ? labels.providedWithFunds(total: provided, funds: text.number(obligation.fundsInLieuArea))
                    : provided,
                outstanding: text.number(obligation.outstanding),
                status: status.rawValue, statusLabel: text.status(status)))
        }
        let obligations = funding.obligations
        return ReportViewModel.Funding(
            awardSentence: awardSentence,
            hasAward: funding.award != nil,
            awardTotal: funding.award.map { text.number($0.total) } ?? "",
            awardCity: funding.award.map { text.number($0.city) } ?? "",
            awardSubdistrict: funding.award.map { text.number($0.subdistrict) } ?? "",
            awardClause: funding.award?.clause ?? "",
            developments: rows,
            totalFloorArea: rows.isEmpty ? "" : text.number(totalFloorArea),
            totalRequired: rows.isEmpty ? "" : text.number(obligations.reduce(0) { $0 + $1.required }),
            totalProvided: rows.isEmpty ? "" : text.number(obligations.reduce(0) { $0 + $1.provided }),
            totalOutstanding: rows.isEmpty ? "" : text.number(obligations.reduce(0) { $0 + $1.outstanding }),
            developmentsNote: developmentsNote())
    }

    /// How the required space is worked out, from the checklist's own per-item rule.
    private func developmentsNote() -> String {
        for finding in report.findings where finding.requirement.rule.yieldsObligations {
            if case .ratio(let requiredArea, let perArea, _) = finding.requirement.expectation {
                return labels.developmentsNote(
                    requiredArea: text.number(requiredArea), perArea: text.number(perArea),
                    clause: finding.requirement.clause)
            }
        }
        return ""
    }

    // MARK: Since last time

    /// The 较上次 section from the centre's change since an earlier audit.
    func since(_ change: BaselineComparison.CentreChange) -> ReportViewModel.SinceLastTime {
        let requirements = Dictionary(report.checklist.requirements.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func items(_ ids: [String]) -> [ReportViewModel.SinceLastTime.Item] {
            ids.map { id in
                ReportViewModel.SinceLastTime.Item(
                    title: requirements[id].map { localized($0.title) } ?? id, clause: requirements[id]?.clause ?? "")
            }
        }
        guard let before = change.baseline else {
            return ReportViewModel.SinceLastTime(
                summary: labels.sinceNew(), closedLabel: "", closed: [], openedLabel: "", opened: [], stillOpenLabel: "", stillOpen: [])
        }
        let stillOpen = report.findings.filter { $0.status.isShortfall && before.statuses[$0.requirement.id]?.isShortfall == true }
            .map(\.requirement.id)
        let audit = AuditText(language: language)
        let words = Words(language)
        let followUps = CommitmentFollowUp.followUps(of: before, by: report).map { followUp in
            let key = followUp.overdue ? "still-open-overdue" : followUp.outcome.rawValue
            return FollowUpItem(
                title: requirements[followUp.requirement].map { localized($0.title) } ?? followUp.requirement,
                clause: requirements[followUp.requirement]?.clause ?? "", outcome: key,
                outcomeLabel: words("ledger.follow-up.\(key)", ["due": followUp.commitment.due.text]))
        }
        return ReportViewModel.SinceLastTime(
            summary: labels.sinceSummary(
                date: before.date, id: before.id, before: DecimalRounding.percentText(before.score), now: text.score(report),
                change: audit.pointsChange(change.scoreChange, score: true),
                closed: change.gapsClosed.count, opened: change.gapsOpened.count, stillOpen: stillOpen.count),
            closedLabel: labels[.sinceClosed], closed: items(change.gapsClosed),
            openedLabel: labels[.sinceOpened], opened: items(change.gapsOpened),
            stillOpenLabel: labels[.sinceStillOpen], stillOpen: items(stillOpen), followUps: followUps)
    }

    // MARK: Met and rooms

    /// Met requirements, then not-applicable ones, each in checklist order.
    func met() -> [ReportViewModel.Met] {
        let rows = report.findings.filter { $0.status == .met } + report.findings.filter { $0.status == .notApplicable }
        return rows.enumerated().map { index, finding in
            ReportViewModel.Met(
                number: index + 1, title: localized(finding.requirement.title), clause: finding.requirement.clause,
                status: finding.status.rawValue, statusLabel: text.status(finding.status),
                observed: finding.observed.map(text.value) ?? labels[.none])
        }
    }

    func rooms() -> [ReportViewModel.Room] {
        report.rooms.entries.enumerated().map { index, entry in
            let counts = entry.codes.map { labels.roomCode(label: text.roomLabel(code: $0), code: $0) }
                + entry.unknownCodes.map(labels.unknownCode)
            let match: String
            var spinner = false
            switch entry.recognition {
            case .code: match = labels[.recognisedByCode]
            case .name: match = labels[.recognisedByName]
            case .alias(let isSpinner):
                match = labels[.recognisedByAlias]
                spinner = isSpinner
            case .unrecognised: match = ""
            }
            return ReportViewModel.Room(
                number: index + 1, name: entry.room.name,
                countsFor: counts.isEmpty ? labels[.notCounted] : counts.joined(separator: labels[.listSeparator]),
                area: entry.room.area.map(text.number) ?? labels[.none],
                matchLabel: match, spinnerAlias: spinner, unrecognised: entry.recognition == .unrecognised,
                line: report.survey.cell(of: entry.room.place)?.name ?? "\(report.survey.line(of: entry.room.place) ?? 1)")
        }
    }
}
