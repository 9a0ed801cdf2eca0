import WuyouXML

/// The bounds every input is checked against before the expensive work, so that one hostile
/// or broken file is answered quickly, in bounded memory, and never takes a batch down.
/// A survey is a few kilobytes with a hundred elements; these leave room for the largest real
/// centre many times over. The README lists them.
public enum InputLimits {
    /// Bytes of a survey file.
    public static let surveyBytes = 2 << 20
    /// Bytes of a checklist file.
    public static let checklistBytes = 8 << 20
    /// Elements and attributes of a survey document, checked before libxml2 parses it.
    public static let surveyXML = XMLLimits(elements: 20_000, attributesPerElement: 64)
    /// Elements and attributes of a checklist document.
    public static let checklistXML = XMLLimits(elements: 200_000, attributesPerElement: 64)
    /// `<room>` elements in one `<centre>`.
    public static let roomsPerCentre = 500
    /// Items in one list (`<services>`, `<regulations>`, `<department-windows>`, `<developments>`).
    public static let itemsPerList = 1_000
    /// `<inspector>` elements in one survey.
    public static let inspectors = 50
    /// Room codes in one `@type`.
    public static let codesPerRoom = 20
    /// Characters of a name (a room, community, department, development, inspector, code…).
    public static let nameLength = 200
    /// Characters of a listed service or regulation.
    public static let itemTextLength = 500
    /// Characters of `<notes>`.
    public static let notesLength = 20_000
    /// Errors reported per file; the rest are counted in one more line.
    public static let diagnosticsPerFile = 20
    /// Warnings per survey, after duplicates are dropped; the rest are counted in one more.
    public static let warningsPerSurvey = 50
    /// Characters of input text a message quotes before it is shortened with “…”.
    public static let quotedLength = 60
    /// Characters of a libxml2 message passed on whole (it quotes the document itself).
    public static let quotedMessageLength = 300
}
