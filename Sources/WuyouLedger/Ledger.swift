import WuyouCore
/// A rectification ledger (整改台账): for gaps the office knows of, a commitment to close them
/// or an approved exception (see docs/spec/ledger-format.md).
///
/// The entries of every `--ledger` file, in the order given (file by file, then in each file's
/// order); each keeps where it was written, so a report or an error can cite it.
public struct Ledger: Sendable {
    public private(set) var entries: [LedgerEntry]
    /// Entry positions by the survey id they name.
    private var bySurvey: [String: [Int]] = [:]
    /// Entry positions by the community code they name.
    private var byCommunity: [String: [Int]] = [:]
    /// The owners were removed for a public site (see ``redactedForPublication()``).
    public private(set) var ownersWithheld = false

    public init(entries: [LedgerEntry]) {
        self.entries = entries
        for (index, entry) in entries.enumerated() {
            switch entry.target {
            case .survey(let id): bySurvey[id, default: []].append(index)
            case .community(let code): byCommunity[code, default: []].append(index)
            }
        }
    }

    /// The positions of the entries that name this survey, by its id or its community's code:
    /// the survey's own entries first, then its community's, each in ledger order.
    public func entryPositions(surveyID: String, communityCode: String?) -> [Int] {
        (bySurvey[surveyID] ?? []) + (communityCode.flatMap { byCommunity[$0] } ?? [])
    }

    /// The ledger without its owners (责任单位或责任人, who may be people), for a site published to
    /// the public: every owner becomes empty and ``ownersWithheld`` says so.
    public func redactedForPublication() -> Ledger {
        var copy = self
        for index in copy.entries.indices {
            if case .commitment(var commitment) = copy.entries[index].kind {
                commitment.owner = ""
                copy.entries[index].kind = .commitment(commitment)
            }
        }
        copy.ownersWithheld = true
        return copy
    }
}

/// One line of the ledger: a waiver or a commitment, for one requirement of one survey or of
/// every survey of one community.
public struct LedgerEntry: Sendable, Hashable {
    /// What an entry is about: one survey, or a community (every survey of it, year after year).
    public enum Target: Sendable, Hashable {
        /// `community/@code` of the surveys.
        case community(String)
        /// `survey/@id`.
        case survey(String)
    }

    public enum Kind: Sendable, Hashable {
        case waiver(Waiver)
        case commitment(Commitment)
    }

    /// An approved exception (例外): the gap is accepted, by whom, from when and until when.
    public struct Waiver: Sendable, Hashable {
        /// 批准单位.
        public var approvedBy: String
        public var approved: SurveyDate
        /// Nil: no expiry.
        public var expires: SurveyDate?

        public init(approvedBy: String, approved: SurveyDate, expires: SurveyDate?) {
            self.approvedBy = approvedBy
            self.approved = approved
            self.expires = expires
        }
    }

    /// A commitment to rectify (整改): what will be done (the entry's text), by whom, by when.
    public struct Commitment: Sendable, Hashable {
        /// 责任单位或责任人; empty when withheld from a public site.
        public var owner: String
        public var due: SurveyDate

        public init(owner: String, due: SurveyDate) {
            self.owner = owner
            self.due = due
        }
    }

    public var target: Target
    /// A requirement id of the checklist.
    public var requirement: String
    /// The waiver's reason, or the commitment's measure (整改措施): lines trimmed, blank lines
    /// dropped (see ``LedgerText``).
    public var text: String
    public var kind: Kind
    /// Where the entry was written: its element (`file:line:col`) or its row (`file:SHEET!CELL`).
    public var location: Diagnostic.Location
    /// Where its requirement id was written, for an error about it; the entry's location when
    /// the file has no finer place (an XML element).
    public var requirementLocation: Diagnostic.Location

    public init(
        target: Target, requirement: String, text: String, kind: Kind, location: Diagnostic.Location,
        requirementLocation: Diagnostic.Location? = nil
    ) {
        self.target = target
        self.requirement = requirement
        self.text = text
        self.kind = kind
        self.location = location
        self.requirementLocation = requirementLocation ?? location
    }

    public var isWaiver: Bool {
        if case .waiver = kind { return true }
        return false
    }

    public var waiver: Waiver? {
        if case .waiver(let waiver) = kind { return waiver }
        return nil
    }

    public var commitment: Commitment? {
        if case .commitment(let commitment) = kind { return commitment }
        return nil
    }

    /// The entry as written, without where: two files that say the same thing give equal contents.
    public var contents: Contents {
        Contents(target: target, requirement: requirement, text: text, kind: kind)
    }

    /// An entry's meaning, without its place in a file.
    public struct Contents: Sendable, Hashable {
        public var target: Target
        public var requirement: String
        public var text: String
        public var kind: Kind
    }
}
