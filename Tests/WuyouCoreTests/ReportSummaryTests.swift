import Foundation
import Testing
@testable import WuyouCore
import WuyouDecimal

@Suite("Score, verdict, funding and warnings")
struct ReportSummaryTests {
    @Test func partialCountsAsNotMetInTheScore() throws {
        let report = try Fixtures.report(SurveyBuilder().with {
            $0.regulations = "<regulations><regulation>甲</regulation></regulations>"
        })
        // 19 mandatory requirements, all judged; one partial.
        #expect(report.score == ExactDecimal("0.9474"))
        #expect(!report.passes)
    }

    @Test func recommendedGapsDoNotFailASurvey() throws {
        let report = try Fixtures.report(SurveyBuilder().with { $0.training = #"<training days="0"/>"# })
        #expect(report.finding("training.workers")?.status == .gap)
        #expect(report.passes)
        #expect(!report.fails(strict: false))
    }

    @Test func strictFailsOnAMandatoryUnknown() throws {
        let report = try Fixtures.report(SurveyBuilder().with { $0.duties = nil })
        #expect(report.passes)
        #expect(!report.fails(strict: false))
        #expect(report.fails(strict: true))
    }

    @Test func nothingJudgedDoesNotPass() throws {
        let minimal = """
            <?xml version="1.0" encoding="UTF-8"?>
            <survey xmlns="urn:wuyou:survey:1" id="empty" date="2024-01-01">
              <community name="空社区" central="false"/>
            </survey>
            """
        let loaded = try SurveyLoader.load(bytes: Array(minimal.utf8), path: "empty.xml")
        let report = Evaluator(checklist: Fixtures.checklist).evaluate(loaded.survey)
        #expect(report.score == nil)
        #expect(!report.passes)
        #expect(report.fails(strict: false))
        #expect(report.warnings.contains { $0.code == .nothingJudged })
        #expect(report.counts.values.reduce(0, +) == 31)
    }

    struct AwardCase: CustomTestStringConvertible, Sendable {
        let name: String
        let builder: SurveyBuilder
        let award: ExactDecimal
        var testDescription: String { name }
    }

    @Test(arguments: [
        AwardCase(name: "own premises", builder: SurveyBuilder(), award: 0),
        AwardCase(name: "no premises, central", builder: SurveyBuilder().with { $0.centreAttributes = #"premises="none""# }, award: 60000),
        AwardCase(name: "renovated, central", builder: SurveyBuilder().with { $0.centreAttributes = #"area="300" premises="renovated""# }, award: 20000),
        AwardCase(name: "no premises, not central", builder: SurveyBuilder().with {
            $0.centreAttributes = #"premises="none""#
            $0.community = #"<community name="测试社区" central="false"/>"#
        }, award: 0),
        AwardCase(name: "centre absent", builder: SurveyBuilder().with { $0.hasCentre = false }, award: 0),
    ])
    func award(_ testCase: AwardCase) throws {
        #expect(try Fixtures.report(testCase.builder).funding.awardTotal == testCase.award)
    }

    @Test func developerShortfallIgnoresCentralAndListsEachDevelopment() throws {
        let report = try Fixtures.report(SurveyBuilder().with {
            $0.community = #"<community name="测试社区" central="false"/>"#
            $0.developments = #"<developments><development name="甲" floor-area="30000" service-space="40"/><development name="乙" floor-area="12000" funds-in-lieu-area="24"/></developments>"#
        })
        #expect(report.funding.developerShortfallArea == 20)
        #expect(report.funding.obligations.map(\.name) == ["甲", "乙"])
        #expect(report.funding.obligations.map(\.outstanding) == [20, 0])
    }

    @Test func plausibilityWarnings() throws {
        let report = try Fixtures.report(SurveyBuilder().with {
            $0.centreAttributes = #"area="100" premises="own""#
            $0.rooms.append(#"<room type="office" area="0">小办公室</room>"#)
            $0.rooms.append(#"<room type="no-such-code">库房</room>"#)
            $0.staff = #"<staff full-time="250"/>"#
        })
        func warned(_ code: DiagnosticCode, _ arguments: [String: DiagnosticArgument]) -> Bool {
            report.warnings.contains { $0.code == code && $0.arguments == arguments && $0.severity == .warning }
        }
        #expect(warned(.roomAreasExceedCentre, ["total": .number(230), "area": .number(100)]))
        #expect(warned(.roomAreaZero, ["name": .quoted("小办公室")]))
        #expect(warned(.roomUnknownCode, ["code": .quoted("no-such-code"), "name": .quoted("库房")]))
        #expect(warned(.staffImplausible, ["count": .number(250), "limit": .count(200)]))
        // Warnings never change a status.
        #expect(report.finding("room.office")?.status == .met)

        let noPremises = try Fixtures.report(SurveyBuilder().with { $0.centreAttributes = #"premises="none""# })
        #expect(noPremises.warnings.contains { $0.code == .roomsWithoutPremises && $0.arguments["count"] == .count(8) })
    }

    @Test func foreignNamespaceElementsAreIgnored() throws {
        let report = try Fixtures.report(SurveyBuilder().with {
            $0.extra = #"<city:extra xmlns:city="urn:example:city"><city:room type="police">警务室</city:room></city:extra>"#
            $0 = $0.removingRoom("police")
        })
        #expect(report.finding("room.police")?.status == .gap)
    }

    @Test func foreignElementsInsideTextAreIgnoredWithTheirText() throws {
        let report = try Fixtures.report(SurveyBuilder().with {
            $0 = $0.removingRoom("police")
            $0.rooms.append(#"<room area="12">警务<city:door xmlns:city="urn:example:city">东门</city:door>室</room>"#)
            $0.extra = #"<notes>见<city:photo xmlns:city="urn:example:city" ref="1"/>附件</notes>"#
        })
        #expect(report.finding("room.police")?.status == .met)
        #expect(report.survey.notes == "见附件")
    }

    /// Every finding says what the standard expects, even when the rule never ran.
    @Test(arguments: [
        SurveyBuilder(),
        SurveyBuilder().with { $0.hasCentre = false; $0.date = "2023-01-01" },
        SurveyBuilder().with { $0.community = #"<community name="测试社区" central="false"/>"# },
    ])
    func everyFindingHasAnExpectation(_ builder: SurveyBuilder) throws {
        let report = try Fixtures.report(builder)
        for finding in report.findings {
            #expect(finding.expected != nil, "\(finding.requirement.id)")
        }
    }

    @Test func problemsListMandatoryFirst() throws {
        let report = try Fixtures.report(SurveyBuilder().with {
            $0.training = #"<training days="1"/>"#
            $0 = $0.removingRoom("police")
        })
        #expect(report.problems.map(\.requirement.id) == ["room.police", "training.workers"])
    }
}
