/// Text made safe to write into survey XML, for everything that writes surveys (`wuyou init`,
/// `wuyou import`).
public enum XMLText {
    /// `text` safe in an attribute value or, with `inAttribute` false, in element content.
    /// In an attribute a line break or tab is written as a character reference, so that
    /// attribute-value normalisation does not turn it into a space.
    public static func escaped(_ text: String, inAttribute: Bool = true) -> String {
        // Most values hold nothing to escape: found from the bytes, without walking characters.
        let special = text.utf8.contains {
            $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"")
                || (inAttribute && ($0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t")))
        }
        guard special else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n" where inAttribute: result += "&#10;"
            case "\t" where inAttribute: result += "&#9;"
            default: result.append(character)
            }
        }
        return result
    }
}
