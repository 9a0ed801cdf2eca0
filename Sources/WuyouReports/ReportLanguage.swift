/// The language a report is written in.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case zh, en
}
