import Foundation
import WuyouXML

/// Reads checklist files: schema validation, then every check a schema cannot make
/// (duplicate ids, unknown room codes, facts or parameters, XPath that does not compile).
public enum ChecklistReader {
    public static let namespace = "urn:wuyou:checklist:1"

    /// The bundled checklist used when none is named: the city's own standard.
    public static let defaultID = "laohekou-2023"

    private static let schema: XMLSchema = {
        do {
            return try XMLSchema(source: schemaText, name: "checklist.xsd")
        } catch {
            fatalError("the embedded checklist.xsd does not compile (a build defect): \(error)")
        }
    }()

    /// The checklist format's XSD, as embedded in the binary.
    public static var schemaText: String { EmbeddedFiles.text(named: "checklist.xsd") ?? "" }

    /// The bundled checklist files, `(id, text)` in id order.
    static var bundledFiles: [(id: String, text: String)] {
        EmbeddedFiles.all.compactMap { entry in
            guard entry.name.hasPrefix("checklists/"), entry.name.hasSuffix(".xml") else { return nil }
            return (String(entry.name.dropFirst("checklists/".count).dropLast(".xml".count)), entry.text)
        }
    }

    /// The ids of the checklists built into the binary.
    public static var bundledIDs: [String] { bundledFiles.map(\.id) }

    /// The checklists built into the binary, in id order.
    public static func bundled() throws(Diagnostics) -> [Checklist] {
        var result: [Checklist] = []
        for entry in bundledFiles {
            result.append(try read(bytes: Array(entry.text.utf8), path: entry.id + ".xml"))
        }
        return result
    }

    /// The bundled checklist with this id, or the checklist file at this path.
    ///
    /// - Throws: ``Diagnostics`` when neither exists or the file is not a valid checklist.
    public static func load(idOrPath: String) throws(Diagnostics) -> Checklist {
        if let entry = bundledFiles.first(where: { $0.id == idOrPath }) {
            return try read(bytes: Array(entry.text.utf8), path: entry.id + ".xml")
        }
        let looksLikeID = !idOrPath.contains("/") && !idOrPath.lowercased().hasSuffix(".xml")
        if looksLikeID && !FileManager.default.fileExists(atPath: idOrPath) {
            throw Diagnostics(Diagnostic(
                .checklistNotFound, at: Diagnostic.Location(file: idOrPath),
                ["id": .text(idOrPath), "bundled": .list(bundledIDs)]))
        }
        return try read(bytes: try InputFile.bytes(at: idOrPath, byteLimit: InputLimits.checklistBytes), path: idOrPath)
    }

    /// Reads checklist XML held in memory, naming it `path` in diagnostics.
    public static func read(bytes: [UInt8], path: String) throws(Diagnostics) -> Checklist {
        let document: ParsedDocument
        do {
            document = try ParsedDocument.parse(bytes: bytes, path: path, limits: InputLimits.checklistXML)
        } catch {
            throw Diagnostics(error, in: .checklist)
        }
        let schemaErrors = document.validate(against: schema)
        guard schemaErrors.isEmpty else { throw Diagnostics(XMLDiagnostics(schemaErrors), in: .checklist).capped(file: path) }
        var builder = ChecklistBuilder(document: document)
        let digest = SHA256.hexDigest(of: bytes)
        var checklist = builder.build(shortHash: String(digest.prefix(12)))
        guard builder.diagnostics.items.isEmpty else { throw Diagnostics(builder.diagnostics.items) }
        if let bundled = bundledFiles.first(where: { $0.id == checklist.id }) {
            checklist.modified = SHA256.hexDigest(of: Array(bundled.text.utf8)) != digest
        }
        return checklist
    }

    /// Every problem in the checklist file at `path`, schema and semantic, then its warnings;
    /// empty when it is sound.
    public static func lint(path: String) -> [Diagnostic] {
        do {
            return try load(idOrPath: path).warnings
        } catch {
            return error.items
        }
    }
}
