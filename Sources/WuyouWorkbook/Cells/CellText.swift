import Foundation

/// How cell text is compared with the words the format knows (`是`, `m²`, column labels):
/// Unicode NFKC, so full-width letters, digits and punctuation (`１２`, `，`, `；`) and
/// compatibility characters (`㎡`) become their plain forms, then trimmed.
public enum CellText {
    public static func normalised(_ text: String) -> String {
        // Most cells are visible ASCII and Chinese, their own NFKC form: Foundation's
        // normalisation and trimming were a third of an import.
        if isSettled(text) { return text }
        return text.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `normalised(_:)`, lowercased, for words compared without regard to case (`TRUE`, `Y`, keys).
    public static func folded(_ text: String) -> String {
        normalised(text).lowercased()
    }

    /// Whether `normalised(_:)` of `text` is empty: it holds nothing but white space.
    static func isBlank(_ text: String) -> Bool {
        // Visible ASCII and Chinese characters stay visible whatever NFKC does.
        let visible = text.utf8.contains { (0x21...0x7E).contains($0) || (0xE4...0xE9).contains($0) }
        return !visible && normalised(text).isEmpty
    }

    /// Text as it goes into an attribute or a one-line element: trimmed, each run of whitespace
    /// (line breaks too) one space, XML-forbidden control characters removed.
    public static func singleLine(_ text: String) -> String {
        if isSingleLine(text) { return text }
        let words = withoutControlCharacters(text).split(whereSeparator: { $0.isWhitespace })
        return words.joined(separator: " ")
    }

    /// Whether `text` is its own NFKC form and has no white space at its ends, from its bytes:
    /// only visible ASCII, single inner spaces, CJK unified ideographs (U+4E00–U+9FFF) and a few
    /// punctuation marks no normalisation changes (、。《》〈〉【】“”‘’·).
    static func isSettled(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        var previousSpace = true
        while let byte = utf8.next() {
            switch byte {
            case 0x21...0x7E:
                previousSpace = false
            case 0x20:
                if previousSpace { return false }
                previousSpace = true
            case 0xE4...0xE9:  // U+4000–U+9FFF; U+4000–U+4DFF is CJK Extension A and hexagrams, all stable
                guard let second = utf8.next(), let third = utf8.next(), second & 0xC0 == 0x80, third & 0xC0 == 0x80 else { return false }
                previousSpace = false
            case 0xE3:  // 、。《》〈〉【】 (U+3001–U+3002, U+3008–U+3011)
                guard utf8.next() == 0x80, let third = utf8.next(), (0x81...0x82).contains(third) || (0x88...0x91).contains(third)
                else { return false }
                previousSpace = false
            case 0xE2:  // ‘’“” (U+2018, U+2019, U+201C, U+201D)
                guard utf8.next() == 0x80, let third = utf8.next(), [0x98, 0x99, 0x9C, 0x9D].contains(third) else { return false }
                previousSpace = false
            case 0xC2:  // · (U+00B7)
                guard utf8.next() == 0xB7 else { return false }
                previousSpace = false
            default:
                return false
            }
        }
        return !previousSpace || text.isEmpty
    }

    /// Whether ``singleLine(_:)`` leaves `text` as it is, from its bytes: no control character,
    /// no white space but single spaces between words, no U+FFFE or U+FFFF.
    static func isSingleLine(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isSingleLine(utf8:))
    }

    private static func isSingleLine(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousSpace = true
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            func next(_ offset: Int) -> UInt8 { index + offset < utf8.count ? utf8[index + offset] : 0 }
            switch byte {
            case 0..<0x20, 0x7F:
                return false
            case 0x20:
                if previousSpace { return false }
                previousSpace = true
                index += 1
                continue
            case 0xC2 where next(1) == 0x85 || next(1) == 0xA0,
                 0xE1 where next(1) == 0x9A && next(2) == 0x80,
                 0xE2 where next(1) == 0x80 && ((0x80...0x8A).contains(next(2)) || [0xA8, 0xA9, 0xAF].contains(next(2))),
                 0xE2 where next(1) == 0x81 && next(2) == 0x9F,
                 0xE3 where next(1) == 0x80 && next(2) == 0x80,
                 0xEF where next(1) == 0xBF && (next(2) == 0xBE || next(2) == 0xBF):
                return false
            default:
                break
            }
            previousSpace = false
            index += 1
        }
        return !previousSpace || utf8.isEmpty
    }

    /// Text for a multi-line element (notes): line breaks kept as `\n`, trimmed.
    public static func multiline(_ text: String) -> String {
        if isSingleLine(text) { return text }
        let lines = text.utf8.contains(UInt8(ascii: "\r"))
            ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        return withoutControlCharacters(lines).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// XML 1.0 allows no C0 control character but tab, LF and CR, and not U+FFFE/U+FFFF; a cell
    /// can hold them (`_x0001_` in the file), and they are invisible, so they are dropped.
    private static func withoutControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isForbidden($0) }))
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r")
            || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
