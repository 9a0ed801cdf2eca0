import Foundation
import Testing
@testable import WuyouCore
import WuyouDecimal

/// Survey numbers are exact: libxml2's decimal type bounds what a survey can hold.
@Suite("Numbers in surveys")
struct SchemaDigitsTests {
    @Test("the schema admits 24 digits and no more, and each such area is read and reported exactly", arguments: [
        ("999999999999999999999999", true), ("0.000000000000000000000001", true), ("123456789012.345678901234", true),
        ("0000000000123456789012.345678901234", true),
        ("1234567890123456789012345", false), ("0.0000000000000000000000001", false), ("123456789012.3456789012345", false),
    ])
    func schemaDigits(_ area: String, _ admitted: Bool) throws {
        let builder = SurveyBuilder().with { $0.centreAttributes = #"area="\#(area)" premises="own""# }
        guard admitted else {
            #expect(throws: Diagnostics.self) { try Fixtures.report(builder) }
            return
        }
        let finding = try #require(try Fixtures.report(builder).finding("area.minimum"))
        guard case .amount(let observed, _) = finding.observed else {
            Issue.record("no amount observed: \(String(describing: finding.observed))")
            return
        }
        #expect(observed == ExactDecimal(area)! && DecimalText.text(observed) == DecimalText.text(ExactDecimal(area)!))
        #expect(Decimal(string: DecimalText.text(observed), locale: Locale(identifier: "en_US_POSIX")) == Decimal(string: area, locale: Locale(identifier: "en_US_POSIX")))
    }
}
