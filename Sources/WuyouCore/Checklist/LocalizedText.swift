/// Text in the checklist's languages (`zh`, `en`), falling back to Chinese.
public struct LocalizedText: Sendable, Hashable {
    public var byLanguage: [String: String]

    public init(_ byLanguage: [String: String]) {
        self.byLanguage = byLanguage
    }

    public func text(_ language: String) -> String {
        byLanguage[language] ?? byLanguage["zh"] ?? byLanguage.values.sorted().first ?? ""
    }

    public var isEmpty: Bool { byLanguage.isEmpty }
}
