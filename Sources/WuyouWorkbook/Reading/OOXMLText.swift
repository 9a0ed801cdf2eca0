/// Text as Office Open XML stores it in cells: characters XML cannot hold are written as
/// `_xHHHH_` (Excel writes a carriage return in a cell as `_x000D_`), and a literal `_x` that
/// would look like one is escaped as `_x005F_x`.
enum OOXMLText {
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
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
