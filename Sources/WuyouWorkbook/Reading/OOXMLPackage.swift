import WuyouCore
import WuyouXML

/// The parts of an OOXML package and the relationships between them.
struct OOXMLPackage {
    /// A relationship from one part to another, with its target resolved to a part name.
    struct Relationship {
        var type: String
        var path: String

        /// Whether the relationship's type ends in `/name` (Transitional and Strict differ before it).
        func isOfType(_ name: String) -> Bool {
            type.hasSuffix("/" + name)
        }
    }

    let archive: WorkbookArchive

    private var location: Diagnostic.Location { Diagnostic.Location(file: archive.path) }

    func missing(_ part: String) -> Diagnostics {
        Diagnostics(Diagnostic(.workbookPartMissing, at: location, ["part": .text(part)]))
    }

    /// `part` cannot be read, for the reason `message` gives (libxml2's, in English).
    func invalid(_ part: String, _ message: String = "") -> Diagnostics {
        let reason = message.allSatisfy(\.isWhitespace) ? "not a well-formed XML document" : message
        return Diagnostics(Diagnostic(.workbookPartInvalid, at: location, ["part": .text(part), "message": .quoted(reason)]))
    }

    /// The main workbook part, as `_rels/.rels` names it (`xl/workbook.xml` in practice).
    func officeDocument() throws(Diagnostics) -> String {
        let root = try relationships(of: "")
        return root.values.first { $0.isOfType("officeDocument") }?.path ?? "xl/workbook.xml"
    }

    /// The parsed part, or nil when the package has no such part.
    ///
    /// - Throws: ``Diagnostics`` when the part is not well-formed, declares a DTD, is in an
    ///   encoding wuyou does not read, or is too large.
    func document(_ part: String) throws(Diagnostics) -> ParsedDocument? {
        guard let bytes = try archive.part(part) else { return nil }
        do {
            return try ParsedDocument.parse(bytes: bytes, path: archive.path, limits: archive.limits.xml)
        } catch {
            throw diagnostics(for: error, in: part)
        }
    }

    /// What libxml2 found wrong with `part`, said of the workbook.
    func diagnostics(for error: XMLDiagnostics, in part: String) -> Diagnostics {
        guard let first = error.items.first else { return invalid(part, "") }
        switch first.reason {
        case .doctype:
            return Diagnostics(Diagnostic(.workbookPartDoctype, at: location, ["part": .text(part)]))
        case .unsupportedEncoding, .conflictingEncoding:
            var arguments = Diagnostic.encodingArguments(first.reason)
            arguments["part"] = .text(part)
            return Diagnostics(Diagnostic(.workbookPartEncoding, at: location, arguments))
        default:
            return invalid(part, first.message)
        }
    }

    /// The relationships of `part` (from `dir/_rels/name.rels`), by id; empty when it has none.
    ///
    /// - Throws: ``Diagnostics`` when one points outside the file (`TargetMode="External"`):
    ///   a workbook is read on its own, and nothing is ever fetched.
    func relationships(of part: String) throws(Diagnostics) -> [String: Relationship] {
        let folder = part.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let name = part.split(separator: "/").last.map(String.init) ?? ""
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        guard let document = try document(relsPath) else { return [:] }
        var result: [String: Relationship] = [:]
        for element in document.root.elements("Relationship") {
            guard let id = element.attribute("Id"), let target = element.attribute("Target") else { continue }
            let type = element.attribute("Type") ?? ""
            if element.attribute("TargetMode") == "External" {
                // Hyperlinks and the like are harmless and never followed; anything else that
                // would pull content from outside (external links, data connections) is refused.
                if type.hasSuffix("/hyperlink") { continue }
                throw Diagnostics(Diagnostic(.workbookExternalReference, at: location, ["target": .quoted(target)]))
            }
            result[id] = Relationship(type: type, path: Self.resolve(target, from: folder))
        }
        return result
    }

    /// The shared string table: the text of each `<si>`, read as it inflates.
    func sharedStrings(_ relationship: Relationship?) throws(Diagnostics) -> SharedStrings {
        guard let relationship, let part = try archive.inflater(relationship.path) else { return .empty }
        return try SharedStrings.read(part, name: relationship.path, package: self)
    }

    /// The cell styles, for telling dates from numbers.
    func styles(_ relationship: Relationship?) throws(Diagnostics) -> CellStyles {
        guard let relationship, let document = try document(relationship.path) else { return .empty }
        return CellStyles(document.root)
    }

    /// The part name `target` refers to from a part in `folder`: `/xl/x.xml` is absolute,
    /// `worksheets/sheet1.xml` and `../x.xml` are relative.
    static func resolve(_ target: String, from folder: String) -> String {
        var segments: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for segment in target.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }
}
