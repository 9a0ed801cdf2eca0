import Testing
@testable import WuyouCore

@Suite("Positions of cases")
struct CasePositionTests {
    @Test("a status's position is its place in allCases")
    func statuses() {
        #expect(Status.allCases.map(\.position) == Array(Status.allCases.indices))
    }

    @Test("a list's position is its place in allCases")
    func inventories() {
        #expect(SurveyInventory.allCases.map(\.position) == Array(SurveyInventory.allCases.indices))
    }

    @Test("a fact's index is its place in allCases")
    func facts() {
        #expect(SurveyFact.allCases.map(\.index) == Array(SurveyFact.allCases.indices))
    }
}
