/// The language a report is written in.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case zh, en

    /// The Chinese or the English wording, whichever this language is.
    public func pick(_ zh: String, _ en: String) -> String {
        self == .zh ? zh : en
    }
}
