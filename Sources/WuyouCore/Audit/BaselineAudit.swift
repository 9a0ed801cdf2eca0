import WuyouDecimal
import Foundation

/// An earlier audit, as much of its `audit.json` as a comparison needs (read by the report
/// layer, beside the writer of that file).
public struct BaselineAudit: Sendable {
    /// One survey of the earlier audit.
    public struct Centre: Sendable {
        public var path: String
        public var id: String
        public var community: String
        public var subdistrict: String?
        public var date: String
        public var passes: Bool
        public var score: ExactDecimal?
        /// Status by requirement id.
        public var statuses: [String: Status]
        /// The commitments its report showed (an audit run with a ledger), by requirement id.
        public var commitments: [String: Commitment] = [:]

        public var key: CentreKey { CentreKey(subdistrict: subdistrict, community: community) }

        public init(
            path: String, id: String, community: String, subdistrict: String?, date: String, passes: Bool,
            score: ExactDecimal?, statuses: [String: Status]
        ) {
            self.path = path
            self.id = id
            self.community = community
            self.subdistrict = subdistrict
            self.date = date
            self.passes = passes
            self.score = score
            self.statuses = statuses
        }
    }

    /// A commitment an earlier report showed on a finding that was not met.
    public struct Commitment: Sendable, Hashable {
        public var measure: String
        /// Nil when the earlier site withheld it.
        public var owner: String?
        public var due: SurveyDate

        public init(measure: String, owner: String?, due: SurveyDate) {
            self.measure = measure
            self.owner = owner
            self.due = due
        }
    }

    /// The file as named on the command line.
    public var path: String
    /// In the file's order (path order).
    public var centres: [Centre]
    /// The earlier audit's own pass rate (it may have been run with `--strict`).
    public var passRate: ExactDecimal?

    public init(path: String, centres: [Centre], passRate: ExactDecimal?) {
        self.path = path
        self.centres = centres
        self.passRate = passRate
    }
}
