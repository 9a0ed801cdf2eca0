import WuyouCore

/// Writes a survey XML document (docs/spec/survey-format.md) from a ``SurveyRecord``, for `wuyou
/// import` (and for a checklist's XPath rules, which read documents).
///
/// The bytes depend only on the record and the workbook's name: the elements of
/// ``SurveyStructure`` in its order, two-space indents, `\n` line ends. The second line is a
/// comment starting with ``marker``, which is how `wuyou import` later knows that it wrote the
/// file and may replace it.
struct SurveyXMLWriter: SurveyElementSink {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8"?>"#
    /// The start of the comment on every imported survey's second line.
    static let marker = "<!-- wuyou import: "

    /// The document, and for each of its lines the cell it came from (index 0 for line 1).
    static func document(for record: SurveyRecord, workbookName: String) -> (text: String, lines: [SourceCell]) {
        var writer = SurveyXMLWriter()
        let cell = record.survey.cell
        writer.add(declaration, from: cell)
        writer.add(marker + "由 \(commentSafe(workbookName)) 的\(commentSafe(record.sheetName))第 \(record.rowNumber) 行生成；"
            + "请修改工作簿后重新导入，本文件会被替换。 -->", from: cell)
        SurveyStructure.write(record, into: &writer)
        return (writer.text + "\n", writer.lineCells)
    }

    private var text = ""
    private var lineCells: [SourceCell] = []
    /// The open elements: name and cell.
    private var open: [(name: String, cell: SourceCell)] = []
    private static let notes = SurveyTableBuilder.element("notes")
    /// The start tag not yet written: whether it gets children, text or neither is not known yet.
    private var pending: (tag: String, text: String?)?

    mutating func start(_ element: Name, at cell: SourceCell) {
        flushPending()
        let namespace = open.isEmpty ? #" xmlns="urn:wuyou:survey:1""# : ""
        open.append((element.text, cell))
        pending = ("<\(element.text)\(namespace)", nil)
    }

    mutating func attribute(_ name: Name, _ value: String) {
        pending?.tag += #" \#(name.text)="\#(XMLText.escaped(value))""#
    }

    mutating func text(_ text: String) {
        // Line breaks stay line breaks in the notes (in an attribute they would become spaces).
        pending?.text = XMLText.escaped(text, inAttribute: open.last?.name != Self.notes.text)
    }

    mutating func end() {
        guard let (name, cell) = open.last else { return }
        if let pending {
            self.pending = nil
            let line = pending.text.map { pending.tag + ">" + $0 + "</\(name)>" } ?? pending.tag + "/>"
            add(indent(open.count - 1) + line, from: cell)
        } else {
            add(indent(open.count - 1) + "</\(name)>", from: cell)
        }
        open.removeLast()
    }

    /// Writes the pending start tag as an opening line, now that it has children.
    private mutating func flushPending() {
        guard let pending, let (_, cell) = open.last else { return }
        self.pending = nil
        add(indent(open.count - 1) + pending.tag + ">", from: cell)
    }

    private func indent(_ depth: Int) -> String {
        String(repeating: "  ", count: depth)
    }

    private mutating func add(_ line: String, from cell: SourceCell) {
        if !text.isEmpty { text += "\n" }
        text += line
        for _ in 0...line.utf8.count(where: { $0 == UInt8(ascii: "\n") }) { lineCells.append(cell) }
    }

    /// Text safe inside a comment, on one line: no `--`, no line breaks.
    private static func commentSafe(_ text: String) -> String {
        var result = CellText.singleLine(text)
        while result.contains("--") { result = result.replacingOccurrences(of: "--", with: "- -") }
        return result.hasSuffix("-") ? result + " " : result
    }
}
