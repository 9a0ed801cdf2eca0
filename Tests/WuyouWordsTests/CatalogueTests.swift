import Foundation
import Testing
import WuyouCore
import WuyouWords

/// The catalogues themselves: read without a problem, alike in every language, and covering
/// every key the code asks for.
@Suite("The word catalogues")
struct CatalogueTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("each catalogue reads without a problem", arguments: ReportLanguage.allCases)
    func reads(_ language: ReportLanguage) {
        let catalogue = Words.catalogue(for: language)
        #expect(catalogue.problems.isEmpty, "\(language).words: \(catalogue.problems)")
        #expect(catalogue.keys.count > 500)
    }

    @Test("every key is in both languages")
    func sameKeys() {
        let zh = Set(Words.catalogue(for: .zh).keys)
        let en = Set(Words.catalogue(for: .en).keys)
        #expect(zh.subtracting(en).sorted() == [], "in zh.words only")
        #expect(en.subtracting(zh).sorted() == [], "in en.words only")
    }

    @Test("every key has the same placeholders in both languages")
    func samePlaceholders() {
        let zh = Words.catalogue(for: .zh).entries
        let en = Words.catalogue(for: .en).entries
        for (key, chinese) in zh {
            guard let english = en[key] else { continue }
            #expect(Words.placeholders(in: chinese) == Words.placeholders(in: english), "\(key): \(chinese) | \(english)")
        }
    }

    @Test("every diagnostic code has its words in both languages", arguments: DiagnosticCode.allCases)
    func diagnostic(_ code: DiagnosticCode) {
        for language in ReportLanguage.allCases {
            let has = Words(language).has("diagnostic.\(code.rawValue)")
            #expect(has, "\(language): no words for \(code.rawValue)")
        }
    }

    /// Entries whose English quotes Chinese on purpose: a word the reader will meet as written.
    static let englishQuotingChinese: Set<String> = [
        "report.label.roomsNote", "audit.drafts-note", "form.hint.community/@name",
        "diagnostic.xml.encoding.gb18030", "diagnostic.survey.room.spinner-alias", "diagnostic.workbook.cell.not-a-date",
        "diagnostic.workbook.cell.not-a-boolean", "diagnostic.workbook.cell.not-hall", "diagnostic.workbook.sheet.missing",
        // The ledger workbook's sheet and its 类型 words, as the file has them.
        "diagnostic.ledger.workbook.sheet-missing", "diagnostic.ledger.workbook.kind", "diagnostic.ledger.workbook.kind-missing",
        "ledger.workbook.line2", "ledger.workbook.kind-prompt",
    ]

    @Test("English words are English, but for a few that quote Chinese on purpose")
    func englishIsEnglish() {
        for (key, text) in Words.catalogue(for: .en).entries where !Self.englishQuotingChinese.contains(key) {
            #expect(!text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(key): \(text)")
        }
    }

    @Test("placeholders are filled, plurals pick their branch, survey text is never read as a placeholder")
    func filling() {
        let words = Words(.en)
        #expect(Words.fill("{a} and {b}", with: ["a": "1", "b": "{a}"]) == "1 and {a}")
        #expect(Words.fill("{n, plural, one {# centre} other {# centres}}", with: ["n": "1"]) == "1 centre")
        #expect(Words.fill("{n, plural, one {# centre} other {# centres}}", with: ["n": "3"]) == "3 centres")
        #expect(Words.fill("{n, plural, one {# x} other {# {name}}}", with: ["n": "2", "name": "#1"]) == "2 #1")
        #expect(Words.fill("{missing}", with: [:]) == "{missing}")
        #expect(words["no.such.key"] == "no.such.key")
        #expect(words("audit.subtitle", ["surveys": "1"]) == "1 centre audited")
    }

    @Test("the catalogue format: comments, empty values, escapes, and what it refuses")
    func format() {
        let catalogue = WordCatalogue(text: "# a comment\n\na = x\\sy\\n\nb =\nc = \\stwo\\s\nnot a line\nBad key! = z\na = again\n")
        #expect(catalogue.entries == ["a": "x y\n", "b": "", "c": " two "])
        #expect(catalogue.problems.map(\.line) == [6, 7, 8])
    }

    /// Keys the code names literally: `words["…"]`, `words("…"`, `WordTemplate(words, "…")` and
    /// the like. A key built from a value (`"status.\(…)"`) is checked by its fixed start.
    @Test("every key the code asks for is in the catalogue")
    func keysInCode() throws {
        let known = Set(Words.catalogue(for: .zh).keys)
        let sources = Self.root.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty)
        let pattern = try Regex(#"(?:words|Words\([^)]*\)|helpWords)(?:\[|\(|\.has\(|, )"((?:[A-Za-z0-9._/@-]|\\\()+)"#)
        var checked = 0
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: pattern) {
                guard let key = match.output[1].substring.map(String.init) else { continue }
                checked += 1
                if let interpolation = key.range(of: "\\(") {
                    let prefix = String(key[..<interpolation.lowerBound])
                    #expect(known.contains { $0.hasPrefix(prefix) }, "\(file): no key starts with \(prefix)")
                } else {
                    #expect(known.contains(key), "\(file): no key \(key)")
                }
            }
        }
        #expect(checked > 100)
    }
}
