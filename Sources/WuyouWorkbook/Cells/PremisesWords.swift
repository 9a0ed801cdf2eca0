/// The values of `centre/@premises` and the Chinese labels a workbook may use instead.
public enum PremisesWords {
    /// Every premises word with its label, in the order the survey format lists them.
    public static let all: [(word: String, label: String)] = [
        ("own", "自有"), ("new", "新建"), ("renovated", "改扩建"), ("purchased", "购置"),
        ("allocated", "调剂"), ("rented", "租用"), ("shared", "共用"), ("none", "无办公用房"),
    ]

    /// The premises word for a cell holding a word (any case) or a label; nil otherwise.
    static func word(for text: String) -> String? {
        let normalised = CellText.normalised(text)
        let folded = normalised.lowercased()
        return all.first { $0.word == folded || $0.label == normalised }?.word
    }
}
