/// The list of files wuyou wrote into a published site, kept in the site as `.wuyou-manifest`.
///
/// A later audit replaces a folder only when every file in it is listed here, and deletes only
/// listed files, so a folder that happens to hold other files is never touched.
struct SiteManifest: Equatable {
    static let fileName = ".wuyou-manifest"
    private static let header = "wuyou-site/1"

    /// Paths relative to the site folder, `/`-separated, in byte order.
    var files: [String]

    init(files: [String]) {
        self.files = files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Reads a manifest's text; nil when it is not one.
    init?(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard lines.first == Self.header else { return nil }
        lines.removeFirst()
        // A listed path never leaves the site: no absolute path, no `..`.
        guard lines.allSatisfy({ !$0.hasPrefix("/") && !$0.split(separator: "/").contains("..") }) else { return nil }
        self.init(files: lines)
    }

    var text: String {
        ([Self.header] + files).joined(separator: "\n") + "\n"
    }
}
