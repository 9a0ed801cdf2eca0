/// What an audit keeps of a survey's ledger judgement (WuyouLedger) once its page and JSON are written:
/// the counts the index, the CSV and the sub-district pages show.
public struct LedgerTally: Sendable {
    /// Positions in the checklist of the requirements whose finding has an applied waiver.
    public var waivedRequirements: [Int]
    /// Commitments on findings that are not met.
    public var commitments: Int
    /// Of those, the ones past their due date on the survey's date.
    public var overdue: Int
    public var fulfilled: Int
    /// The survey's verdict without its waivers.
    public var passesWithoutWaivers: Bool
    /// Positions in the ledger's entries of the entries that name the survey.
    public var matchedEntries: [Int]

    public init(
        waivedRequirements: [Int], commitments: Int, overdue: Int, fulfilled: Int, passesWithoutWaivers: Bool, matchedEntries: [Int]
    ) {
        self.waivedRequirements = waivedRequirements
        self.commitments = commitments
        self.overdue = overdue
        self.fulfilled = fulfilled
        self.passesWithoutWaivers = passesWithoutWaivers
        self.matchedEntries = matchedEntries
    }

    public var waived: Int { waivedRequirements.count }
}
