import Foundation
import WuyouCore

/// Survey page names handed out while workers run, so that each page is written once under
/// its final name.
///
/// The first survey to ask for a name gets it. Two surveys wanting one name (a duplicate id,
/// or ids whose escaped names meet) are rare: the later asker's page is parked under
/// `.parts/` and ``SiteBuilder`` settles the names in path order at the end, as if pages had
/// been named one by one.
final class PageNames: @unchecked Sendable {
    /// Where a survey's page was written.
    enum Placement: Sendable, Equatable {
        /// `surveys/<stem>.html`.
        case named(String)
        /// `.parts/<index>.html`.
        case parked(Int)
    }

    private let lock = NSLock()
    private var taken: Set<String> = []

    /// Lets go of the names once every page is written.
    func forget() {
        lock.lock()
        defer { lock.unlock() }
        taken = []
    }

    /// Claims `stem` (case-insensitively); false when another survey has it.
    func claim(_ stem: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return taken.insert(stem.lowercased()).inserted
    }
}
