import CLibXML2

/// Finds the column of an element's start tag, which libxml2's schema errors leave out.
enum SourceColumns {
    /// The 1-based column of `<name` for `node`'s tag on `line`, or nil when it cannot be found
    /// (e.g. the tag is split across lines or the file is UTF-16).
    static func column(ofTagOf node: xmlNodePtr?, onLine line: Int, in lines: LineIndex) -> Int? {
        guard let node, node.pointee.type == XML_ELEMENT_NODE, let name = LibXML2.string(node.pointee.name)
        else { return nil }
        return column(ofTagNamed: name, onLine: line, in: lines)
    }

    /// The 1-based column of the first `<name` (or `<prefix:name`) on `line`.
    static func column(ofTagNamed name: String, onLine line: Int, in lines: LineIndex) -> Int? {
        guard let lineBytes = lines.line(line) else { return nil }
        let needle = Array("<".utf8)
        let nameBytes = Array(name.utf8)
        for start in lineBytes.indices where lineBytes[start] == needle[0] {
            var index = start + 1
            // Skip a namespace prefix such as `<s:room`.
            if let colon = lineBytes[index...].prefix(while: { $0 != 0x20 && $0 != 0x3E && $0 != 0x2F }).firstIndex(of: 0x3A) {
                index = colon + 1
            }
            let end = index + nameBytes.count
            guard end <= lineBytes.endIndex, Array(lineBytes[index..<end]) == nameBytes else { continue }
            if end < lineBytes.endIndex, ![0x20, 0x09, 0x0D, 0x3E, 0x2F].contains(lineBytes[end]) { continue }
            return String(decoding: lineBytes[lineBytes.startIndex..<start], as: UTF8.self).count + 1
        }
        return nil
    }
}
