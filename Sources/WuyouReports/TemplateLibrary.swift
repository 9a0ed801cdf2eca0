import Foundation
import Mustache

/// The mustache templates reports are rendered from: the built-in ones, each replaceable
/// by a file of the same name in a `--template` folder (a city adds its emblem and header).
public struct TemplateLibrary: Sendable {
    public enum LoadError: Error, CustomStringConvertible {
        case unreadableDirectory(String)
        case invalidTemplate(file: String, reason: String)

        public var description: String {
            switch self {
            case .unreadableDirectory(let path): "\(path): cannot read the template folder"
            case .invalidTemplate(let file, let reason): "\(file): not a valid mustache template: \(reason)"
            }
        }
    }

    private let library: MustacheLibrary

    /// The built-in templates, overridden by `*.mustache` files in `directory` when given.
    ///
    /// - Throws: ``LoadError`` when the folder cannot be read or a template does not parse.
    public init(overridesIn directory: String? = nil) throws {
        var library = MustacheLibrary()
        for (name, text) in EmbeddedTemplates.all {
            do {
                try library.register(text, named: name)
            } catch {
                throw LoadError.invalidTemplate(file: "\(name).mustache (built in)", reason: "\(error)")
            }
        }
        if let directory {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory)
                    .filter { $0.hasSuffix(".mustache") }.sorted()
            } catch {
                throw LoadError.unreadableDirectory(directory)
            }
            for file in names {
                let path = (directory as NSString).appendingPathComponent(file)
                do {
                    let text = try String(contentsOfFile: path, encoding: .utf8)
                    try library.register(text, named: String(file.dropLast(".mustache".count)))
                } catch {
                    throw LoadError.invalidTemplate(file: path, reason: "\(error)")
                }
            }
        }
        self.library = library
    }

    /// Renders `view` (a view model, ideally conforming to `MustacheParent`) with the template `name`.
    public func render(_ view: Any, template name: String) -> String {
        library.render(view, withTemplate: name) ?? ""
    }
}
