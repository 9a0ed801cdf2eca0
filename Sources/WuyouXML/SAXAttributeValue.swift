/// An attribute's value as libxml2's SAX2 parser hands it over: each `&` the document meant
/// (as `&amp;` or `&#38;`) is written `&#38;`, which the tree builder and the schema validator
/// turn back the same way.
enum SAXAttributeValue {
    /// Appends the value's bytes, each `&#38;` as `&`.
    static func append(_ value: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        guard value.contains(UInt8(ascii: "&")) else {
            bytes.append(contentsOf: value)
            return
        }
        var index = 0
        while index < value.count {
            if value[index] == UInt8(ascii: "&"), index + 4 < value.count, value[index + 1] == UInt8(ascii: "#"),
               value[index + 2] == UInt8(ascii: "3"), value[index + 3] == UInt8(ascii: "8"), value[index + 4] == UInt8(ascii: ";") {
                bytes.append(UInt8(ascii: "&"))
                index += 5
            } else {
                bytes.append(value[index])
                index += 1
            }
        }
    }
}
