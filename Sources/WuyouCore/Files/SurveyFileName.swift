import Foundation

/// File names for a survey — its imported XML, its page on a site — derived from its id,
/// which comes from an untrusted file, kept readable: `友谊路社区-2024-05.html` for the id
/// `友谊路社区-2024-05`, so a clerk finds a community's page by its name.
///
/// A name keeps letters and digits of any script (NFC-normalised), combining marks, and
/// `- _ .` (never a leading `.`); ASCII capitals become small letters, and every other
/// character — `/`, `\`, space, control and format characters, punctuation — becomes `_`, so
/// no id can name a folder (`../../x`, `/etc/x`) or hide a character. Whenever that changes
/// the id at all, 8 hex digits of the id's SHA-256 are appended, so ids differing only in case
/// (`A`, `a`) or in a replaced character (`a/b`, `a_b`) get different names even on a
/// case-insensitive file system. The scheme alone can still meet a literal id spelled like a
/// changed one (`a-ca978112` and `A`); whoever writes the files settles such rare clashes by
/// numbering the later one, so none is ever overwritten. Long ids are cut to about 150 bytes.
public enum SurveyFileName {
    /// The most UTF-8 bytes kept of the id before the hash; names stay far below 255 bytes.
    static let maximumStemBytes = 150

    /// The file name without extension, e.g. `zanyang-youyilu-2024-05`, `友谊路社区-2024-05`
    /// or `a-559aead0`.
    ///
    /// - Parameter id: The survey id, exactly as written in the survey.
    /// - Returns: A name of letters, digits, marks and `._-`, not starting with `.`.
    public static func stem(forSurveyID id: String) -> String {
        let normalised = id.precomposedStringWithCanonicalMapping
        var stem = ""
        var bytes = 0
        // By scalars: String equality would call a decomposed é equal to a composed one.
        var changed = !normalised.unicodeScalars.elementsEqual(id.unicodeScalars)
        for scalar in normalised.unicodeScalars {
            var kept = scalar
            if (0x41...0x5A).contains(scalar.value) {
                kept = Unicode.Scalar(scalar.value + 32)!
                changed = true
            } else if !isKept(scalar, first: stem.isEmpty) {
                kept = "_"
                changed = true
            }
            let length = String(kept).utf8.count
            guard bytes + length <= maximumStemBytes else {
                changed = true
                break
            }
            stem.unicodeScalars.append(kept)
            bytes += length
        }
        if !changed && !stem.isEmpty { return stem }
        return stem + "-" + SHA256.hexDigest(of: Array(id.utf8)).prefix(8)
    }

    /// ASCII letters and digits, `-` and `_`, `.` but not first, and beyond ASCII the letters,
    /// digits and combining marks of any script; never a control, format or separator character.
    private static func isKept(_ scalar: Unicode.Scalar, first: Bool) -> Bool {
        switch scalar.value {
        case 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F: return true
        case 0x2E: return !first
        case 0..<0x80: return false
        default:
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark:
                return true
            default:
                return false
            }
        }
    }

    /// `name` as a link's path: its UTF-8 bytes percent-encoded but for `A-Z a-z 0-9 - . _ ~`.
    public static func linkPath(_ name: String) -> String {
        var link = ""
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                link.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                link += "%" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return link
    }
}
