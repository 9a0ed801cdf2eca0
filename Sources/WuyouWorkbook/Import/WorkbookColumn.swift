import WuyouCore

/// One column of a survey workbook: its key (the survey format's name), the Chinese label the
/// template prints, how its cells are read, and what the template tells the person filling it in.
public struct WorkbookColumn: Sendable, Hashable {
    /// The key, e.g. `centre-area`; a header cell may hold the key or the label.
    public var key: String
    /// The Chinese header label, e.g. `中心总面积`.
    public var label: String
    public var kind: ColumnKind
    /// Whether a row without a value here cannot be imported.
    public var required: Bool
    /// What the column records, in Chinese, for the template's input message and 说明 sheet.
    public var meaning: String
    /// The template's column width, in characters.
    public var width: Int
    /// A value as the column wants it, which a message about a number that is not one shows.
    public var example: String?

    init(_ key: String, _ label: String, _ kind: ColumnKind, required: Bool = false, width: Int = 12, example: String? = nil,
         _ meaning: String) {
        self.key = key
        self.label = label
        self.kind = kind
        self.required = required
        self.meaning = meaning
        self.width = width
        self.example = example
    }

    /// The column's name for messages: the label in Chinese, the key in English.
    var name: DiagnosticArgument {
        .localized(LocalizedText(["zh": label, "en": key]))
    }

    /// The unit numbers in this column are in, if any.
    public var unit: NumberUnit? {
        switch kind {
        case .integer(_, let unit), .decimal(let unit): unit
        default: nil
        }
    }
}
