import Foundation

/// File names for a survey — its imported XML, its page on a site — derived from its id,
/// which comes from an untrusted file.
///
/// A name keeps only `a-z 0-9 . _ -`; capitals become small letters and every other UTF-8
/// byte becomes `_` plus two hex digits, so no id can name a folder (`../../x`, `/etc/x`).
/// Whenever that changes the id at all, 8 hex digits of the id's SHA-256 are appended, so ids
/// differing only in case (`A`, `a`) get different names even on a case-insensitive file
/// system, and `_2f` written literally never meets an escaped `/`. The scheme alone can still
/// meet a literal id spelled like an escaped one (`a-ca978112` and `A`); whoever writes
/// the files settles such rare clashes by numbering the later one, so none is ever overwritten.
public enum SurveyFileName {
    /// Longest escaped part kept before the hash; keeps names far below the 255-byte limit.
    static let maximumStem = 96

    /// The file name without extension, e.g. `zanyang-youyilu-2024-05` or `a-ca978112`.
    ///
    /// - Parameter id: The survey id, exactly as written in the survey.
    /// - Returns: A name of `[a-z0-9._-]` characters, not starting with `.`.
    public static func stem(forSurveyID id: String) -> String {
        var stem = ""
        for (offset, byte) in id.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"):
                stem.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: ".") where offset > 0:
                stem.append(".")
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                stem.unicodeScalars.append(Unicode.Scalar(byte + 32))
            default:
                stem += "_" + String(byte, radix: 16).leftPadded(to: 2)
            }
        }
        if stem == id && stem.count <= maximumStem { return stem }
        let hash = SHA256.hexDigest(of: Array(id.utf8)).prefix(8)
        return String(stem.prefix(maximumStem)) + "-" + hash
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
