/// The language a report is written in.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case zh, en

    /// The Chinese or the English wording, whichever this language is; only that one is worked
    /// out (reports word every finding with it).
    public func pick(_ zh: @autoclosure () -> String, _ en: @autoclosure () -> String) -> String {
        self == .zh ? zh() : en()
    }
}
