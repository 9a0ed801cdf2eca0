import Foundation
import Testing
@testable import WuyouCore

@Suite("XML values")
struct XMLValuesTests {
    static let decimals = [
        "300", "300.0", "0.5", "-0", "+12.50", "1502", "00012", "0.0001", "123456789012345678", "12.345678901234567",
        "  7 ", "-3.25", "100000", "0", "0.000", "280.4", "1005", "9.99", "-0.001",
    ]

    @Test("the fast decimal reading equals Foundation's, in value, text and arithmetic", arguments: decimals)
    func fastDecimal(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let slow = try #require(Decimal(string: trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed,
                                        locale: Locale(identifier: "en_US_POSIX")))
        let fast = try #require(XMLValues.shortDecimal(text))
        #expect(fast == slow)
        #expect(fast.description == slow.description)
        #expect((fast * 20 / 100).description == (slow * 20 / 100).description)
        #expect((300 - fast).description == (300 - slow).description)
        #expect(XMLValues.decimal(text) == slow)
    }

    @Test("what is not a short decimal is left to the slow reading", arguments: ["", "1e5", "1.2.3", "--1", "12 3", "1234567890123456789", "abc", "."])
    func notShort(_ text: String) {
        #expect(XMLValues.shortDecimal(text) == nil)
    }
}
