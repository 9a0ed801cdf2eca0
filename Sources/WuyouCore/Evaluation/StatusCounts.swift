/// How many findings of a report have each status.
///
/// Five integers rather than a `[Status: Int]`: a dictionary was hashed some forty times for
/// every survey of an audit.
public struct StatusCounts: Sendable, Equatable {
    private var met = 0
    private var gap = 0
    private var partial = 0
    private var unknown = 0
    private var notApplicable = 0

    public init() {}

    public subscript(status: Status) -> Int {
        get {
            switch status {
            case .met: met
            case .gap: gap
            case .partial: partial
            case .unknown: unknown
            case .notApplicable: notApplicable
            }
        }
        set {
            switch status {
            case .met: met = newValue
            case .gap: gap = newValue
            case .partial: partial = newValue
            case .unknown: unknown = newValue
            case .notApplicable: notApplicable = newValue
            }
        }
    }

    /// The counts in ``Status/allCases`` order.
    public var values: [Int] { Status.allCases.map { self[$0] } }
}
