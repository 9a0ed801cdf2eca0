/// The kinds of XML input wuyou reads, so that a message can name the right one
/// ("a checklist must not declare a DTD", not "a survey").
public enum DocumentKind: String, Sendable, Hashable {
    case survey, checklist, ledger
}
