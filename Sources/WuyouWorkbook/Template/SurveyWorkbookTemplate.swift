import Foundation
import WuyouCore

/// The blank survey workbook `wuyou import --template` writes: the four sheets with Chinese
/// header labels, a frozen header row, column widths to fit, dropdowns where a column takes
/// a fixed set of words, an input message on every column (its meaning and unit), and a 说明
/// sheet that lists every column, the boolean words, the premises labels and the rooms.
///
/// Importing it untouched gives no survey and no error.
public enum SurveyWorkbookTemplate {
    /// The `.xlsx` bytes of the template for `checklist` (whose rooms the dropdowns offer).
    public static func bytes(checklist: Checklist) throws -> [UInt8] {
        try XLSXWriter.bytes(document(checklist: checklist))
    }

    /// Writes the template to `path`.
    ///
    /// A regular file already there is replaced only when it holds these very bytes: anything
    /// else may be a workbook someone has filled in.
    ///
    /// - Throws: ``Diagnostics`` when the file exists, or cannot be written.
    public static func write(checklist: Checklist, to path: String) throws(Diagnostics) {
        let bytes: [UInt8]
        do {
            bytes = try self.bytes(checklist: checklist)
        } catch {
            throw Diagnostics(Diagnostic(.outputCannotWrite, at: Diagnostic.Location(file: path), ["reason": .text("\(error)")]))
        }
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0,
           (try? InputFile.bytes(at: path, byteLimit: InputFile.defaultByteLimit)) != bytes {
            throw Diagnostics(Diagnostic(.workbookTemplateExists, at: Diagnostic.Location(file: path)))
        }
        // Only an empty file, or this very template, is ever replaced.
        try OutputFile.write(bytes, to: path, ownership: OutputFile.Ownership(inputs: []) { $0 == bytes })
    }

    public static func document(checklist: Checklist) -> XLSXDocument {
        let instructions = Instructions(checklist: checklist)
        var sheets = SheetKind.allCases.map { kind in
            XLSXDocument.Sheet(
                name: kind.chineseName,
                columns: kind.columns.map { XLSXDocument.Column(width: width(of: $0), style: style(of: $0)) },
                rows: [kind.columns.map { .text($0.label, .header) }],
                freezesHeader: true,
                validations: kind.columns.enumerated().map { index, column in
                    validation(for: column, of: kind, at: index + 1, instructions: instructions)
                })
        }
        sheets.append(instructions.sheet)
        return XLSXDocument(sheets: sheets)
    }

    /// Rows the dropdowns and messages cover: all but the header.
    static func range(ofColumn column: Int) -> String {
        let letters = CellReference.letters(ofColumn: column)
        return "\(letters)2:\(letters)\(CellReference.maximumRow)"
    }

    private static func validation(
        for column: WorkbookColumn, of kind: SheetKind, at index: Int, instructions: Instructions
    ) -> XLSXDocument.Validation {
        let list: XLSXDocument.Validation.List? = switch column.kind {
        case .boolean: .items(["是", "否"])
        case .hall: .items(["是", "否", "无大厅"])
        case .premises: .items(PremisesWords.all.map(\.label))
        case .roomTypes: .formula(instructions.roomNamesRange)
        // The name on a door is free text, but usually one of the checklist's names.
        case .text where kind == .rooms && column.key == "name": .formula(instructions.roomNamesRange)
        default: nil
        }
        return XLSXDocument.Validation(range: range(ofColumn: index), list: list,
                                       promptTitle: promptTitle(for: column), prompt: prompt(for: column))
    }

    /// `中心总面积（centre-area）`, within Excel's 32 characters.
    static func promptTitle(for column: WorkbookColumn) -> String {
        let title = "\(column.label)（\(column.key)）"
        return title.count <= 32 ? title : column.label
    }

    /// The column's meaning, then how to write it, within Excel's 255 characters.
    static func prompt(for column: WorkbookColumn) -> String {
        var parts = [column.meaning + "。"]
        switch column.kind {
        case .integer(_, let unit): parts.append("整数，单位：\(unit.symbol)，可只填数字。")
        case .decimal(let unit): parts.append("数字，单位：\(unit.symbol)，可只填数字。")
        case .boolean: parts.append("填 是 或 否。")
        case .date: parts.append("日期。")
        default: break
        }
        parts.append(column.required ? "必填。" : "未核实请留空（留空不等于 0 或 否）。")
        let prompt = parts.joined()
        return prompt.count <= 255 ? prompt : String(prompt.prefix(254)) + "…"
    }

    private static func style(of column: WorkbookColumn) -> XLSXDocument.Style {
        switch column.kind {
        case .identifier, .text, .roomTypes: .text
        case .multilineText, .list: .wrappedText
        case .date: .date
        case .integer, .decimal, .boolean, .premises, .hall: .plain
        }
    }

    /// Wide enough for the label (a CJK character is about two digits wide) and the column's values.
    private static func width(of column: WorkbookColumn) -> Double {
        Double(max(column.width, displayWidth(column.label) + 3))
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E7F ? 2 : 1) }
    }
}
