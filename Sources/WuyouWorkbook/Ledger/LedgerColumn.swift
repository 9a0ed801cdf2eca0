import WuyouCore

/// One column of the ledger workbook (docs/spec/ledger-format.md): its Chinese label, and its key when the
/// column is read back; columns without a key are for reading and ignored on import.
struct LedgerColumn: Sendable, Hashable {
    /// Nil for a column that is only read by people.
    var key: String?
    var label: String
    var width: Double
    var style: XLSXDocument.Style

    /// The column's name for messages: the label in Chinese, the key in English.
    var name: DiagnosticArgument {
        .localized(LocalizedText(["zh": label, "en": key ?? label]))
    }

    /// The columns in the order the workbook has them.
    static let all: [LedgerColumn] = [
        LedgerColumn(key: "community", label: "社区代码", width: 15, style: .text),
        LedgerColumn(key: "survey", label: "调查编号", width: 24, style: .text),
        LedgerColumn(key: nil, label: "社区名称", width: 14, style: .text),
        LedgerColumn(key: nil, label: "办事处", width: 12, style: .text),
        LedgerColumn(key: "requirement", label: "要求编号", width: 24, style: .text),
        LedgerColumn(key: nil, label: "要求", width: 26, style: .wrappedText),
        LedgerColumn(key: nil, label: "现状", width: 20, style: .wrappedText),
        LedgerColumn(key: nil, label: "差距", width: 12, style: .wrappedText),
        LedgerColumn(key: "kind", label: "类型", width: 8, style: .text),
        LedgerColumn(key: "text", label: "整改措施或例外理由", width: 40, style: .wrappedText),
        LedgerColumn(key: "owner", label: "责任单位", width: 18, style: .text),
        LedgerColumn(key: "due", label: "完成时限", width: 12, style: .date),
        LedgerColumn(key: "approved-by", label: "批准单位", width: 18, style: .text),
        LedgerColumn(key: "approved", label: "批准日期", width: 12, style: .date),
        LedgerColumn(key: "expires", label: "有效期至", width: 12, style: .date),
    ]

    /// The 1-based position of the column `key` in ``all``.
    static func position(of key: String) -> Int {
        (all.firstIndex { $0.key == key } ?? 0) + 1
    }

    /// The keyed column a header cell names (its key in any case, or its label), after NFKC and trimming.
    static func keyed(named header: String) -> LedgerColumn? {
        let normalised = CellText.normalised(header)
        return all.first { $0.key != nil && ($0.key == normalised.lowercased() || $0.label == normalised) }
    }

    /// Whether a header names a column people read (ignored on import).
    static func isReadOnly(_ header: String) -> Bool {
        let normalised = CellText.normalised(header)
        return all.contains { $0.key == nil && $0.label == normalised }
    }

    /// The sheet: 整改台账, or `ledger` for a hand-made workbook.
    static let sheetName = "整改台账"
    static let sheetKey = "ledger"
    /// The instructions sheet, which also says which checklist the ledger is for.
    static let notesSheetName = "说明"
    /// The first cell of the 说明 row naming the checklist.
    static let checklistKey = "checklist"

    /// The 类型 words, and the kinds they stand for.
    static let commitmentWord = "整改"
    static let waiverWord = "例外"
}
