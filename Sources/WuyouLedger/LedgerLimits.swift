import WuyouCore
import WuyouXML

/// The bounds a ledger is read within, like a survey's (see ``InputLimits``): a city's ledger
/// is one entry per gap or exception, a few thousand lines at most.
public enum LedgerLimits {
    /// Bytes of a ledger XML file.
    public static let bytes = 16 << 20
    /// Elements and attributes of a ledger document, checked before libxml2 parses it.
    public static let xml = XMLLimits(elements: 200_000, attributesPerElement: 64)
    /// Entries in all the ledgers of one run together.
    public static let entries = 100_000
    /// Characters of a reason or a measure.
    public static let textLength = 2_000
    /// Characters of an owner, an approving body, a community code, a survey id or a requirement id.
    public static let nameLength = InputLimits.nameLength
}
