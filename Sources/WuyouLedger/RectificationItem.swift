import WuyouCore
/// A line of the rectification list an office fills in (the ledger workbook): a finding that
/// still needs an entry, or an entry of the ledger, with what a reader needs beside it.
public struct RectificationItem: Sendable {
    /// The requirement is mandatory.
    public var mandatory: Bool
    /// The requirement's position in the checklist.
    public var requirementPosition: Int
    public var requirement: String
    public var requirementTitle: String
    /// Empty for an entry that names no audited survey.
    public var subdistrict: String
    public var community: String
    public var communityCode: String?
    /// The survey the line is about; for an entry that names no audited survey, the survey it names (if any).
    public var surveyID: String
    /// 现状 and 差距, worded for reading.
    public var observed: String
    public var shortfall: String
    /// The entry already in the ledger; nil for a line to fill in.
    public var entry: LedgerEntry?

    public init(
        mandatory: Bool, requirementPosition: Int, requirement: String, requirementTitle: String, subdistrict: String,
        community: String, communityCode: String?, surveyID: String, observed: String, shortfall: String, entry: LedgerEntry?
    ) {
        self.mandatory = mandatory
        self.requirementPosition = requirementPosition
        self.requirement = requirement
        self.requirementTitle = requirementTitle
        self.subdistrict = subdistrict
        self.community = community
        self.communityCode = communityCode
        self.surveyID = surveyID
        self.observed = observed
        self.shortfall = shortfall
        self.entry = entry
    }

    /// `items` as the workbook lists them: mandatory first, then by sub-district, community,
    /// requirement (checklist order) and survey; each ledger entry once (an entry for a
    /// community that several surveys share stays on its first line).
    public static func listed(_ items: [RectificationItem]) -> [RectificationItem] {
        let sorted = items.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            if a.mandatory != b.mandatory { return a.mandatory }
            if a.subdistrict != b.subdistrict { return UTF8Order.precedes(a.subdistrict, b.subdistrict) }
            if a.community != b.community { return UTF8Order.precedes(a.community, b.community) }
            if a.requirementPosition != b.requirementPosition { return a.requirementPosition < b.requirementPosition }
            if a.surveyID != b.surveyID { return UTF8Order.precedes(a.surveyID, b.surveyID) }
            return lhs.offset < rhs.offset
        }.map(\.element)
        var seen: Set<LedgerEntry> = []
        return sorted.filter { item in item.entry.map { seen.insert($0).inserted } ?? true }
    }
}

/// Writes the ledger workbook (`ledger.xlsx`) of an audit: the core knows no workbook format;
/// the workbook module provides one of these and the CLI hands it to the audit.
public protocol LedgerWorkbookWriting: Sendable {
    /// The workbook's bytes for `items` (already in ``RectificationItem/listed(_:)`` order).
    func bytes(items: [RectificationItem], checklist: Checklist) throws(Diagnostics) -> [UInt8]
}
