/// The shared string table of a workbook being written: each distinct text once, in order of
/// first use, so that the same cells always give the same indices.
struct SharedStringTable {
    private var indices: [String: Int] = [:]
    private var strings: [String] = []
    private var uses = 0

    mutating func index(of text: String) -> Int {
        uses += 1
        if let index = indices[text] { return index }
        indices[text] = strings.count
        strings.append(text)
        return strings.count - 1
    }

    var xml: String {
        var text = XLSXWriter.declaration
            + #"<sst xmlns="\#(XLSXWriter.mainNamespace)" count="\#(uses)" uniqueCount="\#(strings.count)">"#
        for string in strings {
            text += #"<si><t xml:space="preserve">\#(XLSXWriter.escapedText(string))</t></si>"#
        }
        return text + "</sst>"
    }
}
