/// Text as a CSS string literal, for the `content` of the printed page's header.
enum CSSString {
    /// `text` in double quotes; quotes, backslashes, `<`, `>`, `&` and control characters
    /// become hexadecimal escapes, so the literal can neither end early nor close the
    /// `<style>` element it sits in.
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&", "'":
                result += "\\" + String(scalar.value, radix: 16) + " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    result += "\\" + String(scalar.value, radix: 16) + " "
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
