/// Spreadsheet cell names: column letters (`A`…`XFD`) and `A1`-style references.
public enum CellReference {
    /// The largest column a sheet can have (XFD), as in Excel.
    public static let maximumColumn = 16_384
    /// The largest row number a sheet can have, as in Excel.
    public static let maximumRow = 1_048_576

    /// The letters of the 1-based `column`: 1 → `A`, 27 → `AA`.
    public static func letters(ofColumn column: Int) -> String {
        var result: [Character] = []
        var rest = column
        while rest > 0 {
            let digit = (rest - 1) % 26
            result.insert(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(digit))), at: 0)
            rest = (rest - 1) / 26
        }
        return String(result)
    }

    /// `C12` for column 3 of row 12.
    public static func name(column: Int, row: Int) -> String {
        "\(letters(ofColumn: column))\(row)"
    }

    /// The 1-based column and row of a reference such as `C12` (`$C$12` too); nil when malformed
    /// or beyond a sheet's bounds. A reference without digits gives row nil.
    public static func parse(_ reference: String) -> (column: Int, row: Int?)? {
        var reference = reference
        return reference.withUTF8(parse(utf8:))
    }

    /// ``parse(_:)`` of a reference's UTF-8 bytes.
    static func parse(utf8 reference: UnsafeBufferPointer<UInt8>) -> (column: Int, row: Int?)? {
        var column = 0
        var row = 0
        var digits = 0
        for byte in reference where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where column > 0:
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
            if column > maximumColumn || row > maximumRow { return nil }
        }
        guard column > 0 else { return nil }
        if digits == 0 { return (column, nil) }
        return row >= 1 ? (column, row) : nil
    }
}
