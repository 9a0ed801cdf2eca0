import Foundation
import Testing
@testable import WuyouCore
import WuyouDecimal

/// One survey variation and what it must do to one requirement.
struct RequirementCase: CustomTestStringConvertible, Sendable {
    let requirement: String
    let name: String
    let status: Status
    /// nil asserts that no shortfall is reported.
    let shortfall: ExactDecimal?
    let unit: String?
    let survey: SurveyBuilder

    init(_ requirement: String, _ name: String, _ status: Status, shortfall: ExactDecimal? = nil, unit: String? = nil,
         _ change: (inout SurveyBuilder) -> Void = { _ in }) {
        self.requirement = requirement
        self.name = name
        self.status = status
        self.shortfall = shortfall
        self.unit = unit
        self.survey = SurveyBuilder().with(change)
    }

    var testDescription: String { "\(requirement): \(name) → \(status.rawValue)" }
}


private func decimal(_ text: String) -> ExactDecimal { ExactDecimal(text)! }

/// Met, gap (or partial) and unknown / not-applicable cases for every requirement,
/// thresholds exactly at and just below the line.
let requirementCases: [RequirementCase] = {
    var cases: [RequirementCase] = [
        // premises.exists
        .init("premises.exists", "own premises", .met),
        .init("premises.exists", "premises none", .gap) { $0.centreAttributes = #"premises="none""# },
        .init("premises.exists", "premises not recorded", .unknown) { $0.centreAttributes = #"area="300""# },
        .init("premises.exists", "centre absent", .unknown) { $0.hasCentre = false },
        // area.minimum
        .init("area.minimum", "exactly 300", .met),
        .init("area.minimum", "299.99 is short by 0.01", .gap, shortfall: decimal("0.01"), unit: "m2") {
            $0.centreAttributes = #"area="299.99" premises="own""#
        },
        .init("area.minimum", "premises none is a gap of 300 whatever the area", .gap, shortfall: 300, unit: "m2") {
            $0.centreAttributes = #"area="500" premises="none""#
        },
        .init("area.minimum", "area not recorded", .unknown) { $0.centreAttributes = #"premises="own""# },
        .init("area.minimum", "centre absent", .unknown) { $0.hasCentre = false },
        .init("area.minimum", "not central", .notApplicable) {
            $0.community = #"<community name="测试社区" households="1500" central="false"/>"#
        },
        .init("area.minimum", "not central and centre absent", .notApplicable) {
            $0.hasCentre = false
            $0.community = #"<community name="测试社区" households="1500" central="0"/>"#
        },
        // area.per-households
        .init("area.per-households", "1500 households need exactly 300", .met),
        .init("area.per-households", "1502 households need exactly 300.4, and 300.4 meets it", .met) {
            $0.community = #"<community name="测试社区" households="1502"/>"#
            $0.centreAttributes = #"area="300.4" premises="own""#
        },
        .init("area.per-households", "300.39 against 300.4", .gap, shortfall: decimal("0.01"), unit: "m2") {
            $0.community = #"<community name="测试社区" households="1502"/>"#
            $0.centreAttributes = #"area="300.39" premises="own""#
        },
        .init("area.per-households", "premises none counts as 0 m²", .gap, shortfall: 520, unit: "m2") {
            $0.community = #"<community name="测试社区" households="2600"/>"#
            $0.centreAttributes = #"area="900" premises="none""#
        },
        .init("area.per-households", "households not recorded", .unknown) {
            $0.community = #"<community name="测试社区"/>"#
        },
        .init("area.per-households", "area not recorded", .unknown) { $0.centreAttributes = #"premises="own""# },
        .init("area.per-households", "not central", .notApplicable) {
            $0.community = #"<community name="测试社区" households="1500" central="false"/>"#
        },
        // hall.one-door
        .init("hall.one-door", "one-door hall", .met),
        .init("hall.one-door", "no hall", .gap) { $0.hall = nil },
        .init("hall.one-door", "hall is not one-door", .gap) { $0.hall = #"<hall one-door="false"/>"# },
        .init("hall.one-door", "one-door not recorded", .unknown) { $0.hall = #"<hall windows="2"/>"# },
        .init("hall.one-door", "centre absent", .unknown) { $0.hasCentre = false },
        // development.service-space
        .init("development.service-space", "exactly 20 m² per 10,000 m²", .met),
        .init("development.service-space", "1005 m² needs exactly 2.01", .met) {
            $0.developments = #"<developments><development name="小楼" floor-area="1005" service-space="2.01"/></developments>"#
        },
        .init("development.service-space", "2.00 against 2.01", .gap, shortfall: decimal("0.01"), unit: "m2") {
            $0.developments = #"<developments><development name="小楼" floor-area="1005" service-space="2"/></developments>"#
        },
        .init("development.service-space", "funds in lieu count as space", .met) {
            $0.developments = #"<developments><development name="甲" floor-area="12000" service-space="0" funds-in-lieu-area="24"/></developments>"#
        },
        .init("development.service-space", "sum over the short ones only", .gap, shortfall: 20, unit: "m2") {
            $0.developments = """
                <developments><development name="甲" floor-area="30000" service-space="40"/>\
                <development name="乙" floor-area="10000" service-space="100"/>\
                <development name="丙" floor-area="12000" funds-in-lieu-area="24"/></developments>
                """
        },
        .init("development.service-space", "no developments element", .notApplicable) { $0.developments = nil },
        .init("development.service-space", "empty developments", .notApplicable) { $0.developments = "<developments/>" },
        // five.office
        .init("five.office", "office room and premises", .met),
        .init("five.office", "office room without recorded premises", .met) { $0.centreAttributes = #"area="300""# },
        .init("five.office", "premises none", .gap) { $0.centreAttributes = #"area="300" premises="none""# },
        .init("five.office", "no office room", .gap) { $0 = $0.removingRoom("office") },
        .init("five.office", "centre absent", .unknown) { $0.hasCentre = false },
        // five.staff
        .init("five.staff", "one full-time", .met),
        .init("five.staff", "no full-time staff", .gap, shortfall: 1, unit: "persons") { $0.staff = #"<staff full-time="0" part-time="3"/>"# },
        .init("five.staff", "full-time not recorded", .unknown) { $0.staff = #"<staff part-time="3"/>"# },
        .init("five.staff", "service station absent", .unknown) { $0.hasServiceStation = false },
        // five.duties
        .init("five.duties", "documented", .met),
        .init("five.duties", "not documented", .gap) { $0.duties = #"<duties documented="false"/>"# },
        .init("five.duties", "duties not recorded", .unknown) { $0.duties = nil },
        // five.services
        .init("five.services", "one service", .met),
        .init("five.services", "empty list is a gap without shortfall", .gap) { $0.services = "<services/>" },
        .init("five.services", "services not recorded", .unknown) { $0.services = nil },
        // five.regulations
        .init("five.regulations", "three regulations", .met),
        .init("five.regulations", "two regulations", .partial, shortfall: 1, unit: "regulations") {
            $0.regulations = "<regulations><regulation>甲</regulation><regulation>乙</regulation></regulations>"
        },
        .init("five.regulations", "one regulation, even with empty text", .partial, shortfall: 2, unit: "regulations") {
            $0.regulations = "<regulations><regulation/></regulations>"
        },
        .init("five.regulations", "empty list", .gap, shortfall: 3, unit: "regulations") { $0.regulations = "<regulations></regulations>" },
        .init("five.regulations", "regulations not recorded", .unknown) { $0.regulations = nil },
        // station.department-windows
        .init("station.department-windows", "every department has a window", .met),
        .init("station.department-windows", "one department without a window", .gap, shortfall: 1, unit: "departments") {
            $0.departments = #"<department-windows><department name="公安" window="true"/><department name="计生" window="false"/></department-windows>"#
        },
        .init("station.department-windows", "no departments listed", .notApplicable) { $0.departments = "<department-windows/>" },
        .init("station.department-windows", "service station absent", .notApplicable) { $0.hasServiceStation = false },
        // governance.democracy
        .init("governance.democracy", "all four", .met),
        .init("governance.democracy", "two of four", .partial, shortfall: 2, unit: "items") {
            $0.governance = #"<governance elections="true" decisions="1" management="false" supervision="0"/>"#
        },
        .init("governance.democracy", "none of four", .gap, shortfall: 4, unit: "items") {
            $0.governance = #"<governance elections="false" decisions="false" management="false" supervision="false"/>"#
        },
        .init("governance.democracy", "one not recorded", .unknown) {
            $0.governance = #"<governance elections="true" decisions="true" management="true"/>"#
        },
        // numeric minimums
        .init("education.teams", "one team", .met),
        .init("education.teams", "no teams", .gap, shortfall: 1, unit: "teams") { $0.education = #"<education teams="0"/>"# },
        .init("education.teams", "not recorded", .unknown) { $0.education = nil },
        .init("funding.staff-subsidy", "600 元", .met),
        .init("funding.staff-subsidy", "599.5 元", .gap, shortfall: decimal("0.5"), unit: "元") {
            $0.funding = #"<funding staff-monthly-subsidy="599.5" office-funds="20000" leader-annual-subsidy="10000"/>"#
        },
        .init("funding.staff-subsidy", "not recorded", .unknown) { $0.funding = #"<funding office-funds="20000"/>"# },
        .init("funding.office-funds", "20000 元", .met),
        .init("funding.office-funds", "19999 元", .gap, shortfall: 1, unit: "元") {
            $0.funding = #"<funding staff-monthly-subsidy="600" office-funds="19999" leader-annual-subsidy="10000"/>"#
        },
        .init("funding.office-funds", "not recorded", .unknown) { $0.funding = nil },
        .init("funding.office-funds", "dated 2023-12-31, before it applies", .notApplicable) {
            $0.date = "2023-12-31"
            $0.funding = nil
        },
        .init("funding.office-funds", "dated 2024-01-01, the day it applies", .met) { $0.date = "2024-01-01" },
        .init("funding.leader-subsidy", "10000 元", .met),
        .init("funding.leader-subsidy", "0 元", .gap, shortfall: 10000, unit: "元") {
            $0.funding = #"<funding staff-monthly-subsidy="600" office-funds="20000" leader-annual-subsidy="0"/>"#
        },
        .init("funding.leader-subsidy", "not recorded", .unknown) { $0.funding = #"<funding staff-monthly-subsidy="600"/>"# },
        .init("funding.leader-subsidy", "dated 2023", .notApplicable) { $0.date = "2023-06-01Z" },
        .init("training.workers", "two days", .met),
        .init("training.workers", "1.5 days", .gap, shortfall: decimal("0.5"), unit: "days") { $0.training = #"<training days="1.5"/>"# },
        .init("training.workers", "not recorded", .unknown) { $0.training = #"<training/>"# },
    ]
    // Boolean facts share one shape: true met, false gap, attribute or element absent unknown.
    let booleanFacts: [(id: String, element: String, attribute: String, keyPath: WritableKeyPath<SurveyBuilder, String?>)] = [
        ("governance.residents-congress", "governance", "residents-congress", \.governance),
        ("governance.consultation-council", "governance", "consultation-council", \.governance),
        ("admin.access-system", "governance", "access-system", \.governance),
        ("environment.long-term-mechanism", "environment", "long-term-mechanism", \.environment),
        ("safety.emergency-plan", "safety", "emergency-plan", \.safety),
        ("information.platform", "information", "platform", \.information),
    ]
    for fact in booleanFacts {
        cases.append(.init(fact.id, "\(fact.attribute) true", .met))
        cases.append(.init(fact.id, "\(fact.attribute) false", .gap) {
            $0[keyPath: fact.keyPath] = $0[keyPath: fact.keyPath]!.replacingOccurrences(of: #"\#(fact.attribute)="true""#, with: #"\#(fact.attribute)="false""#)
        })
        cases.append(.init(fact.id, "\(fact.attribute) absent", .unknown) {
            $0[keyPath: fact.keyPath] = $0[keyPath: fact.keyPath]!.replacingOccurrences(of: #" \#(fact.attribute)="true""#, with: "")
        })
        cases.append(.init(fact.id, "<\(fact.element)> absent", .unknown) { $0[keyPath: fact.keyPath] = nil })
    }
    // Rooms: each code present by @type, missing, and unknown without a centre.
    for code in ["party-activity", "citizen-school", "reading-room", "service-station", "police", "office", "culture-sports", "health-station"] {
        cases.append(.init("room.\(code)", "typed room", .met))
        cases.append(.init("room.\(code)", "room missing", .gap) { $0 = $0.removingRoom(code) })
        cases.append(.init("room.\(code)", "centre absent", .unknown) { $0.hasCentre = false })
    }
    cases += [
        .init("room.police", "alias without type", .met) { $0 = $0.removingRoom("police"); $0.rooms.append("<room>社区警务室</room>") },
        .init("room.police", "canonical name without type", .met) { $0 = $0.removingRoom("police"); $0.rooms.append("<room>警务室</room>") },
        .init("room.police", "a non-empty @type wins over the name", .gap) {
            $0 = $0.removingRoom("police")
            $0.rooms.append(#"<room type="office">警务室</room>"#)
        },
        .init("room.police", "an empty @type counts as absent", .met) {
            $0 = $0.removingRoom("police")
            $0.rooms.append(#"<room type="  ">警务室</room>"#)
        },
        .init("room.service-station", "spinner alias 社区效劳站", .met) {
            $0 = $0.removingRoom("service-station")
            $0.rooms.append("<room>社区效劳站</room>")
        },
        .init("room.health-station", "NFKC and trimming: full-width spaces around the name", .met) {
            $0 = $0.removingRoom("health-station")
            $0.rooms.append("<room>\u{3000} 卫生服务站\n</room>")
        },
        .init("room.culture-sports", "inner spaces are not folded", .gap) {
            $0 = $0.removingRoom("culture-sports")
            $0.rooms.append("<room>文体 活动室</room>")
        },
        .init("room.citizen-school", "a shared room serves both codes", .met) {
            $0 = $0.removingRoom("citizen-school").removingRoom("party-activity")
            $0.rooms.append(#"<room type="party-activity citizen-school">党员活动室（市民学校）</room>"#)
        },
        .init("room.party-activity", "a shared room serves both codes", .met) {
            $0 = $0.removingRoom("citizen-school").removingRoom("party-activity")
            $0.rooms.append(#"<room type="citizen-school party-activity">市民学校</room>"#)
        },
        .init("room.office", "rooms still count under premises none", .met) { $0.centreAttributes = #"premises="none""# },
    ]
    return cases
}()

@Suite("Every requirement, case by case")
struct RequirementCaseTests {
    @Test(arguments: requirementCases)
    func requirementCase(_ testCase: RequirementCase) throws {
        let report = try Fixtures.report(testCase.survey)
        let finding = try #require(report.finding(testCase.requirement))
        #expect(finding.status == testCase.status)
        #expect(finding.shortfall == testCase.shortfall)
        #expect(finding.unit == testCase.unit)
    }

    @Test func baseSurveyMeetsEveryRequirementExactlyAtItsThreshold() throws {
        let report = try Fixtures.report(SurveyBuilder())
        let notMet = report.findings.filter { $0.status != .met }.map(\.requirement.id)
        #expect(notMet.isEmpty)
        #expect(report.passes)
        #expect(report.score == 1)
        #expect(report.findings.count == Fixtures.checklist.requirements.count)
    }

    /// Each requirement needs a met case, a gap or partial case and an unknown or
    /// not-applicable case; a new requirement without them fails here.
    @Test(arguments: Fixtures.checklist.requirements.map(\.id))
    func requirementIsCoveredByCases(_ id: String) {
        let statuses = Set(requirementCases.filter { $0.requirement == id }.map(\.status))
        #expect(statuses.contains(.met))
        #expect(statuses.contains(.gap) || statuses.contains(.partial))
        #expect(statuses.contains(.unknown) || statuses.contains(.notApplicable))
    }
}
