import WuyouXML

/// An XPath rule: `test` decides met or gap once `appliesIf` and `knownIf` hold.
public struct XPathAssertion: Sendable {
    /// Prefixes the expressions may use.
    public static let namespaces = ["s": SurveyReader.namespace]

    public var test: String
    public var appliesIf: String?
    public var knownIf: String?
    /// Selects the node whose line the finding cites.
    public var evidence: String?

    /// Why `expression` cannot be used in a rule, or nil when it compiles and runs.
    static func problem(in expression: String) -> String? {
        XPathProbe.problem(in: expression)
    }
}
