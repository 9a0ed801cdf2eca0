/// The outputs of `wuyou audit`, chosen with `--formats` (every one by default).
public enum SiteFormat: String, CaseIterable, Sendable {
    /// `index.html`, the sub-district and all-centres pages, `style.css` and `surveys/*.html`.
    case html
    /// `audit.json` (`wuyou-audit/1`).
    case json
    /// `audit.csv`.
    case csv
    /// `ledger.xlsx`, the rectification ledger workbook (docs/spec/ledger-format.md).
    case ledger

    /// What `wuyou audit` writes unless `--formats` says otherwise.
    public static let standard: Set<SiteFormat> = [.html, .json, .csv]
}
