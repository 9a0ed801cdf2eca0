import Foundation
import WuyouCore
import WuyouMustache

/// The mustache templates every page is rendered from: the built-in ones, each replaceable by
/// a file of the same name in a `--template` folder (a city adds its emblem and header).
///
/// Every page template is compiled against its view model when the library is made, so a
/// name no view model answers (`{{labels.titel}}`), a partial that includes itself, or nesting
/// too deep is an error naming the file, line and column before anything is written; and a
/// page then renders without looking anything up.
public struct TemplateLibrary: Sendable {
    /// A city's template larger than this is refused: the built-in ones are a few kilobytes.
    static let byteLimit = 1 << 20

    let report: CompiledTemplate<ReportViewModel>
    let index: CompiledTemplate<IndexPage>
    let subdistrict: CompiledTemplate<SubdistrictPage>
    let centres: CompiledTemplate<CentresPage>
    /// The site's `style.css`: the `style` partial the self-contained report inlines, and rules
    /// only the site's pages use.
    let stylesheet: CompiledTemplate<StyleSheet>

    /// The built-in templates, overridden by `*.mustache` files in `directory` when given.
    ///
    /// - Throws: ``Diagnostics`` when the folder cannot be read, a template file is not a
    ///   regular file, or a template does not parse or compile.
    public init(overridesIn directory: String? = nil) throws(Diagnostics) {
        var set = TemplateSet()
        var files: [String: String] = [:]
        for (file, text) in EmbeddedFiles.all.sorted(by: { $0.0 < $1.0 }) where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            files[name] = "\(file) (built in)"
            try Self.add(Array(text.utf8), named: name, to: &set, files: files)
        }
        if let directory {
            for (name, path) in try Self.overrides(in: directory) {
                files[name] = path
                try Self.add(try Self.read(path), named: name, to: &set, files: files)
            }
        }
        do {
            report = try set.compile("report", as: ReportViewModel.self)
            index = try set.compile("index", as: IndexPage.self)
            subdistrict = try set.compile("subdistrict", as: SubdistrictPage.self)
            centres = try set.compile("centres", as: CentresPage.self)
            stylesheet = try set.compile("site-style", as: StyleSheet.self)
        } catch {
            throw Diagnostics(Self.diagnostic(error, files: files))
        }
    }

    /// The `*.mustache` files directly in `directory`, by template name, in name order.
    private static func overrides(in directory: String) throws(Diagnostics) -> [(String, String)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw Diagnostics(Diagnostic(.templateFolderUnreadable, at: Diagnostic.Location(file: directory)))
        }
        return names.filter { $0.hasSuffix(".mustache") }.sorted().map { file in
            (String(file.dropLast(".mustache".count)), (directory as NSString).appendingPathComponent(file))
        }
    }

    /// A template file's bytes: only a regular file with one name, never through a symbolic
    /// or hard link, so a link to `/etc/shadow` in the folder cannot be published.
    private static func read(_ path: String) throws(Diagnostics) -> [UInt8] {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_nlink == 1 else {
            throw Diagnostics(Diagnostic(.templateNotAFile, at: Diagnostic.Location(file: path)))
        }
        return try InputFile.bytes(at: path, byteLimit: byteLimit, followLinks: false, singleName: true)
    }

    private static func add(_ bytes: [UInt8], named name: String, to set: inout TemplateSet, files: [String: String]) throws(Diagnostics) {
        do {
            try set.add(bytes, named: name)
        } catch {
            throw Diagnostics(diagnostic(error, files: files))
        }
    }

    /// A template error as a diagnostic at the file, line and column it names.
    public static func diagnostic(_ error: TemplateError, files: [String: String]) -> Diagnostic {
        let location = Diagnostic.Location(file: files[error.template] ?? "\(error.template).mustache", line: error.line, column: error.column)
        func invalid(_ reason: String, _ name: String = "") -> Diagnostic {
            Diagnostic(.templateInvalid, at: location, ["reason": .text(reason), "name": .text(name)])
        }
        switch error.problem {
        case .unfinishedTag: return invalid("unfinished-tag")
        case .sectionNotClosed(let name): return invalid("section-not-closed", name)
        case .closeWithoutOpen(let name): return invalid("close-without-open", name)
        case .closeMismatch(_, let found): return invalid("close-mismatch", found)
        case .invalidDelimiters: return invalid("invalid-delimiters")
        case .emptyName: return invalid("empty-name")
        case .unsupported(let what): return invalid("unsupported", what)
        case .unknownName(let name, let suggestion):
            var arguments: [String: DiagnosticArgument] = ["name": .text(name)]
            if let suggestion { arguments["suggestion"] = .text(suggestion) }
            return Diagnostic(.templateUnknownName, at: location, arguments)
        case .notPrintable(let name): return Diagnostic(.templateNotPrintable, at: location, ["name": .text(name)])
        case .unescapedText(let name): return Diagnostic(.templateUnescapedText, at: location, ["name": .text(name)])
        case .missingPartial(let name): return Diagnostic(.templateMissingPartial, at: location, ["name": .text(name)])
        case .recursion(let chain): return Diagnostic(.templateRecursion, at: location, ["chain": .text(chain.joined(separator: " → "))])
        case .tooDeep(let limit): return Diagnostic(.templateTooDeep, at: location, ["limit": .count(limit)])
        case .tooLarge(let limit): return Diagnostic(.templateTooLarge, at: location, ["limit": .count(limit)])
        }
    }
}

/// The `style` template reads nothing: its root model is empty.
struct StyleSheet: TemplateModel, Sendable {
    static let templateFields = TemplateFields<Self>([])
}
