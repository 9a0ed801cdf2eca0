/// The words a boolean cell may hold: `是`/`否`, `有`/`无`, `true`/`false`, `1`/`0`, `Y`/`N`,
/// compared after NFKC, trimming and lowercasing.
public enum BooleanWords {
    /// The words for true, then for false, as the 说明 sheet lists them.
    public static let trueWords = ["是", "有", "true", "1", "y"]
    public static let falseWords = ["否", "无", "false", "0", "n"]

    static func parse(_ text: String) -> Bool? {
        let folded = CellText.folded(text)
        if trueWords.contains(folded) { return true }
        if falseWords.contains(folded) { return false }
        return nil
    }
}
