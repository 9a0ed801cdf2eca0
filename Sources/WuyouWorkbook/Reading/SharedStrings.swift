import WuyouCore
import WuyouXML

/// The shared string table of an `.xlsx` file (`xl/sharedStrings.xml`): the text of each `<si>`,
/// which cells of type `s` name by index. Excel keeps every text cell's text here.
///
/// Read as the part inflates, and kept as one run of UTF-8 with offsets rather than a string per
/// entry: a province's workbook has hundreds of thousands of them.
struct SharedStrings {
    private var utf8: [UInt8] = []
    /// Where each string ends in ``utf8``; it starts where the one before ends.
    private var ends: [Int] = []

    static let empty = SharedStrings()

    var count: Int { ends.count }

    /// The string at `index`, or nil when there is none.
    func string(at index: Int) -> String? {
        guard ends.indices.contains(index) else { return nil }
        let start = index == 0 ? 0 : ends[index - 1]
        return utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<ends[index]]), as: UTF8.self) }
    }

    /// Reads the table from its part.
    ///
    /// - Throws: ``Diagnostics`` when the part cannot be inflated or is not well formed.
    static func read(_ part: PartInflater, name: String, package: OOXMLPackage) throws(Diagnostics) -> SharedStrings {
        let reader = Reader()
        let parser = XMLStreamParser(
            path: package.archive.path, elements: RichText.elements, attributes: [], textOf: ["t"], limits: package.archive.limits.xml)
        do {
            while let piece = try part.next() {
                try parser.feed(piece, to: reader)
            }
            try parser.finish(to: reader)
        } catch let error as Diagnostics {
            throw error
        } catch let error as XMLDiagnostics {
            throw package.diagnostics(for: error, in: name)
        } catch {
            throw package.invalid(name)
        }
        return reader.table
    }

    /// Gathers each `<si>`'s text as the parser reports it.
    private final class Reader: XMLStreamHandler {
        var table = SharedStrings()
        var text = RichText()

        func startElement(_ name: Int, attributes: XMLStreamAttributes) {
            if name == RichText.item { text = RichText() }
            text.start(name)
        }

        func endElement(_ name: Int, text own: String) {
            text.end(name, own)
            if name == RichText.item {
                table.utf8.append(contentsOf: text.value.utf8)
                table.ends.append(table.utf8.count)
            }
        }
    }
}

/// The text of a shared string (`<si>`) or an inline string (`<is>`): its `<t>`, or its runs'
/// `<t>`s (`<r><t>…</t></r>`) joined; phonetic guides (`<rPh>`, furigana) are not part of the
/// text. Fed the elements inside the string one by one.
struct RichText {
    /// The element names a parser reporting to it tells apart: these indices.
    static let elements = ["si", "is", "t", "r", "rPh"]
    static let item = 0, inline = 1, t = 2, phonetic = 4

    private var raw = ""
    private var phoneticDepth = 0

    mutating func start(_ name: Int) {
        if name == Self.phonetic { phoneticDepth += 1 }
    }

    mutating func end(_ name: Int, _ text: String) {
        if name == Self.phonetic { phoneticDepth -= 1 }
        if name == Self.t, phoneticDepth == 0 { raw += text }
    }

    /// The text, with OOXML's `_xHHHH_` escapes undone.
    var value: String { OOXMLText.unescaped(raw) }
}
