/// Text as Office Open XML stores it in cells: characters XML cannot hold are written as
/// `_xHHHH_` (Excel writes a carriage return in a cell as `_x000D_`), and a literal `_x` that
/// would look like one is escaped as `_x005F_x`.
enum OOXMLText {
    /// `text` with the characters XML 1.0 cannot hold written as `_xHHHH_`, and a literal
    /// `_x` that would read as such an escape written as `_x005F_x`.
    static func escaped(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let forbidden = (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r")
                || scalar.value == 0xFFFE || scalar.value == 0xFFFF
            let looksLikeEscape = scalar == "_" && index + 1 < scalars.count && scalars[index + 1] == "x"
            if forbidden || looksLikeEscape {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result.append(contentsOf: "_x\(String(repeating: "0", count: 4 - hex.count))\(hex)_".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    static func unescaped(_ text: String) -> String {
        // By bytes: Foundation's `contains` normalised every cell's text to compare.
        var previous: UInt8 = 0
        var escape = false
        for byte in text.utf8 {
            if previous == UInt8(ascii: "_"), byte == UInt8(ascii: "x") {
                escape = true
                break
            }
            previous = byte
        }
        guard escape else { return text }
        var scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
               let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
               let scalar = Unicode.Scalar(value) {
                result.append(scalar)
                index += 7
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        scalars.removeAll()
        return String(result)
    }
}
