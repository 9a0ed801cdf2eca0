import Foundation
import Mustache
import WuyouCore

/// The mustache templates reports are rendered from: the built-in ones, each replaceable
/// by a file of the same name in a `--template` folder (a city adds its emblem and header).
public struct TemplateLibrary: Sendable {
    private let library: MustacheLibrary

    /// The built-in templates, overridden by `*.mustache` files in `directory` when given.
    ///
    /// - Throws: ``Diagnostics`` when the folder cannot be read or a template does not parse.
    public init(overridesIn directory: String? = nil) throws(Diagnostics) {
        var library = MustacheLibrary()
        for (file, text) in EmbeddedFiles.all where file.hasSuffix(".mustache") {
            try Self.register(text, named: String(file.dropLast(".mustache".count)), file: "\(file) (built in)", in: &library)
        }
        if let directory {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory)
                    .filter { $0.hasSuffix(".mustache") }.sorted()
            } catch {
                throw Diagnostics(Diagnostic(.templateFolderUnreadable, at: Diagnostic.Location(file: directory)))
            }
            for file in names {
                let path = (directory as NSString).appendingPathComponent(file)
                let bytes = try InputFile.bytes(at: path)
                try Self.register(String(decoding: bytes, as: UTF8.self), named: String(file.dropLast(".mustache".count)), file: path, in: &library)
            }
        }
        self.library = library
    }

    private static func register(_ text: String, named name: String, file: String, in library: inout MustacheLibrary) throws(Diagnostics) {
        do {
            try library.register(text, named: name)
        } catch let error as MustacheTemplate.ParserError {
            throw Diagnostics(Diagnostic(
                .templateInvalid,
                at: Diagnostic.Location(file: file, line: error.context.lineNumber, column: error.context.columnNumber),
                ["reason": .text(Self.reason(error.error))]))
        } catch {
            throw Diagnostics(Diagnostic(.templateInvalid, at: Diagnostic.Location(file: file), ["reason": .text("\(error)")]))
        }
    }

    /// swift-mustache's error, named as its documentation names it.
    private static func reason(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        return switch error {
        case .sectionCloseNameIncorrect: "the closing tag does not match the open section"
        case .unfinishedName: "a tag is not finished"
        case .expectedSectionEnd: "a section is not closed"
        case .invalidSetDelimiter: "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: "a transform is applied to an inherited section"
        case .illegalTokenInsideInheritSection: "an inherited section holds a tag it cannot"
        case .textInsideInheritSection: "an inherited section holds text"
        case .invalidConfigVariableSyntax: "a configuration tag is malformed"
        case .unrecognisedConfigVariable: "a configuration tag is not known"
        }
    }

    /// Renders `view` (a view model, ideally conforming to `MustacheParent`) with the template `name`.
    public func render(_ view: Any, template name: String) -> String {
        library.render(view, withTemplate: name) ?? ""
    }
}
