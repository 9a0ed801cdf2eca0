import Foundation
import Testing
import WuyouTestSupport
@testable import WuyouCore
import WuyouDecimal

@Suite("XML values")
struct XMLValuesTests {
    static let decimals = [
        "300", "300.0", "0.5", "-0", "+12.50", "1502", "00012", "0.0001", "123456789012345678", "12.345678901234567",
        "  7 ", "-3.25", "100000", "0", "0.000", "280.4", "1005", "9.99", "-0.001", "1234567890123456789",
        "\u{3000}12\u{00A0}", "999999999999999999999999",
    ]

    @Test("a decimal reads as Foundation reads it, in value, text and arithmetic", arguments: decimals)
    func decimal(_ text: String) throws {
        let trimmed = XMLValues.trimmed(text)
        let foundation = try #require(Decimal(string: trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed,
                                              locale: Locale(identifier: "en_US_POSIX")))
        let value = try #require(XMLValues.decimal(text))
        #expect(DecimalOracle.decimal(value) == foundation)
        #expect(value.description == foundation.description)
        #expect((value * 20 / 100).description == (foundation * 20 / 100).description)
        #expect((300 - value).description == (300 - foundation).description)
    }

    @Test("what is not a decimal is nil", arguments: ["", "1e5", "1.2.3", "--1", "12 3", "abc", ".", "1\u{3000}2"])
    func notDecimal(_ text: String) {
        #expect(XMLValues.decimal(text) == nil)
    }

    /// Values as a survey holds them, and every kind of end: ASCII and other white space,
    /// Chinese, brackets of placeholders, combining marks, lists of codes.
    static let values = [
        "", " ", "\n    ", "true", " 1 ", "false\t", "0", "yes", "\u{3000}true", "true\u{00A0}", "大桥路第1社区",
        " 大桥路第1社区\u{3000}", "（检查人姓名）", "  （面积，平方米） ", "（）", "（\u{301}）", "（x）", "\u{2003}（x）\u{2029}",
        "party-activity", " police  office\tlibrary\n", "police\u{3000}office", "a\u{85}b", "\u{1680}", "x\u{202F}",
        "\u{205F}", "\u{200B}", "\u{FEFF}x", "\r\n", "e\u{301}", "12.50", "-0.001 ", "\u{1C}true",
    ]

    /// `xs:boolean` as the schema defines it, on the string trimmed of Unicode white space.
    private static func boolean(_ text: String) -> Bool? {
        switch XMLValues.trimmed(text) {
        case "true", "1": true
        case "false", "0": false
        default: nil
        }
    }

    @Test("byte readings agree with the string readings", arguments: values)
    func bytesAgreeWithStrings(_ text: String) {
        var bytes = text
        bytes.withUTF8 { utf8 in
            #expect(XMLValues.trimmed(utf8: utf8) == XMLValues.trimmed(text))
            #expect(XMLValues.boolean(utf8: utf8) == Self.boolean(text))
            #expect(XMLValues.boolean(text) == Self.boolean(text))
            #expect(XMLValues.tokens(utf8: utf8) == text.split(whereSeparator: \.isWhitespace).map(String.init))
            #expect(XMLValues.decimal(utf8: utf8) == XMLValues.decimal(text))
            #expect(SurveyTemplate.isPlaceholder(utf8: utf8) == SurveyTemplate.isPlaceholder(text))
        }
    }

    @Test("white space at an end is found from the bytes exactly when Unicode says so", arguments: [0, 1, 2, 3])
    func whiteSpaceEnds(_ part: Int) {
        // Every scalar (in four slices, for parallel runs), alone, first and last.
        for scalar in (0...0x10FFFF).lazy.filter({ $0 % 4 == part }).compactMap(Unicode.Scalar.init) {
            let white = scalar.properties.isWhitespace
            for text in [String(scalar), String(scalar) + "x", "x" + String(scalar)] {
                var text = text
                #expect(text.withUTF8(XMLValues.endsInWhiteSpace) == white, "U+\(String(scalar.value, radix: 16))")
            }
        }
    }
}
