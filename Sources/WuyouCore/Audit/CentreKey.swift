import Foundation

/// What identifies a centre across audits: its community, within its sub-district. Survey ids
/// usually carry the survey's date, so a centre surveyed again gets a new id.
public struct CentreKey: Sendable, Hashable {
    public var subdistrict: String
    public var community: String

    public init(subdistrict: String?, community: String) {
        self.subdistrict = subdistrict ?? ""
        self.community = community
    }
}
