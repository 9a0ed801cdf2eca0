import WuyouDecimal
import Foundation

/// The evaluation of one survey: a finding per requirement, and what follows from them.
public struct SurveyReport: Sendable {
    public var survey: Survey
    public var checklist: Checklist
    /// One per requirement, in checklist order.
    public var findings: [Finding]
    public var rooms: RoomInventory
    public var counts: StatusCounts
    /// met ÷ (met + gap + partial) over mandatory requirements, to 4 decimals; nil when none was judged.
    public var score: ExactDecimal?
    /// The counts behind ``score``: mandatory requirements met, and judged.
    public var scoreParts: (met: Int, judged: Int)
    /// No mandatory gap or partial, and at least one mandatory requirement judged.
    public var passes: Bool
    public var funding: FundingEligibility
    /// Things worth a look that change no status, in survey-line order; those without a line last.
    public var warnings: [Diagnostic]

    init(survey: Survey, checklist: Checklist, findings: [Finding], rooms: RoomInventory, extraWarnings: [Diagnostic]) {
        self.survey = survey
        self.checklist = checklist
        self.findings = findings
        self.rooms = rooms
        // One pass that copies no finding: a finding carries its whole requirement.
        var counts = StatusCounts()
        var judged = 0
        var met = 0
        for index in findings.indices {
            let status = findings[index].status
            counts[status] += 1
            if findings[index].requirement.severity == .mandatory {
                if status.isJudged { judged += 1 }
                if status == .met { met += 1 }
            }
        }
        self.counts = counts
        score = judged == 0 ? nil : DecimalRounding.ratio(met, of: judged)
        scoreParts = (met, judged)
        // A draft never passes, whatever its findings: its facts are not yet an inspector's.
        passes = judged > 0 && met == judged && !survey.isDraft
        funding = FundingEligibility(survey: survey, checklist: checklist, findings: findings)
        // Each with the place it is about, if any: warnings are listed in the order of the survey.
        var warnings: [(place: SourcePlace?, warning: Diagnostic)] =
            PlausibilityChecks.warnings(for: survey, rooms: rooms, checklist: checklist).map { ($0.place, $0.warning) }
            + extraWarnings.map { ($0.location.line.map(SourcePlace.line), $0) }
        if judged == 0 {
            warnings.append((nil, Diagnostic(.nothingJudged, at: Diagnostic.Location(file: survey.path), severity: .warning)))
        }
        let draft: Diagnostic? = survey.placeholders.first.map { first in
            Diagnostic(
                .surveyDraft, at: survey.location(of: first.place), severity: .warning,
                ["count": .count(survey.placeholders.count),
                 "examples": .list(Array(Set(survey.placeholders.map(\.text))).sorted().prefix(3).map { $0 })])
        }
        self.warnings = Self.deduplicatedAndCapped(warnings.enumerated().sorted { lhs, rhs in
            switch (lhs.element.place, rhs.element.place) {
            case let (left?, right?) where left != right: left < right
            case (.some, nil): true
            case (nil, .some): false
            default: lhs.offset < rhs.offset
            }
        }.map(\.element), file: survey.path)
        // Said first: nothing below counts until the template text is replaced.
        if let draft { self.warnings.insert(draft, at: 0) }
    }

    /// Drops repeated warnings (same code and arguments) and keeps at most
    /// ``InputLimits/warningsPerSurvey`` of those about a line, then one counting the rest;
    /// warnings about the survey as a whole are always kept.
    private static func deduplicatedAndCapped(_ placed: [(place: SourcePlace?, warning: Diagnostic)], file: String) -> [Diagnostic] {
        let warnings = placed.map(\.warning)
        struct Key: Hashable {
            var code: DiagnosticCode
            var arguments: [String: DiagnosticArgument]
        }
        var seen: Set<Key> = []
        var kept: [Diagnostic] = []
        var dropped = 0
        // A few warnings are compared with each other; hashing each one's arguments costs more.
        let few = warnings.count <= 16
        func isNew(_ warning: Diagnostic, at index: Int) -> Bool {
            guard few else { return seen.insert(Key(code: warning.code, arguments: warning.arguments)).inserted }
            return !warnings[..<index].contains { $0.code == warning.code && $0.arguments == warning.arguments }
        }
        for (index, warning) in warnings.enumerated() where isNew(warning, at: index) {
            if placed[index].place != nil && kept.count >= InputLimits.warningsPerSurvey {
                dropped += 1
            } else {
                kept.append(warning)
            }
        }
        if dropped > 0 {
            kept.append(Diagnostic(.moreWarnings, at: .init(file: file), severity: .warning, ["count": .count(dropped)]))
        }
        return kept
    }

    /// Gaps that may come from a misspelt name or code (see ``Finding/possibleTypos``): the
    /// conclusion counts them apart, so that nobody signs them without checking.
    public var possibleTypoGaps: Int {
        findings.filter { $0.status.isShortfall && !$0.possibleTypos.isEmpty }.count
    }

    /// Whether the survey fails: it does not pass, or (with `strict`) a mandatory requirement is unknown.
    public func fails(strict: Bool) -> Bool {
        !passes || (strict && findings.contains { $0.requirement.severity == .mandatory && $0.status == .unknown })
    }

    /// The findings that need doing something about: gaps and partials, mandatory first,
    /// then in checklist order.
    public var problems: [Finding] {
        findings.filter(\.status.isShortfall).enumerated().sorted { lhs, rhs in
            let left = lhs.element.requirement.severity == .mandatory ? 0 : 1
            let right = rhs.element.requirement.severity == .mandatory ? 0 : 1
            return (left, lhs.offset) < (right, rhs.offset)
        }.map(\.element)
    }
}
