import Foundation
import WuyouXML

/// Reads a survey file the only safe way: parse, validate against the survey schema, check
/// multiplicity, then build the typed ``Survey``.
public enum SurveyLoader {
    /// The compiled survey schema, shared read-only by every task (see `XMLSchema`).
    static let schema: XMLSchema = {
        do {
            return try XMLSchema(source: EmbeddedFiles.text(named: "survey.xsd") ?? "", name: "survey.xsd")
        } catch {
            fatalError("the embedded survey.xsd does not compile (a build defect): \(error)")
        }
    }()

    /// The survey format's XSD, as embedded in the binary.
    public static var schemaText: String { EmbeddedFiles.text(named: "survey.xsd") ?? "" }

    /// A survey and the document it came from (XPath rules read the document); a survey read
    /// from a workbook has none unless one was written for XPath rules.
    public struct Loaded {
        public var survey: Survey
        public var document: ParsedDocument?

        public init(survey: Survey, document: ParsedDocument?) {
            self.survey = survey
            self.document = document
        }
    }

    /// Loads and validates the survey file at `path`.
    ///
    /// - Throws: ``Diagnostics`` when the file is unreadable, not well-formed, not valid
    ///   against the schema, or repeats an element.
    public static func load(path: String) throws(Diagnostics) -> Loaded {
        try load(bytes: try InputFile.bytes(at: path, byteLimit: InputLimits.surveyBytes), path: path)
    }

    /// Loads and validates the survey file at `path`, for an evaluation that needs no document
    /// (no XPath rule): the same survey and the same diagnostics as ``load(path:)``.
    public static func loadSurvey(path: String) throws(Diagnostics) -> Survey {
        try loadSurvey(bytes: try InputFile.bytes(at: path, byteLimit: InputLimits.surveyBytes), path: path)
    }

    /// ``load(bytes:path:)``'s survey, read in one pass that parses, validates and keeps only
    /// the survey's elements (see ``XMLSchema/validTable(of:limits:vocabulary:)``). A survey
    /// that is not valid, or that the reader refuses, is loaded the usual way after all, for
    /// its diagnostics.
    public static func loadSurvey(bytes: [UInt8], path: String) throws(Diagnostics) -> Survey {
        if bytes.count <= InputLimits.surveyBytes,
           let table = schema.validTable(of: bytes, limits: InputLimits.surveyXML, vocabulary: SurveyNames.vocabulary),
           let survey = try? SurveyReader.read(table, path: path, column: { _, _ in 1 }) {
            return survey
        }
        return try load(bytes: bytes, path: path).survey
    }

    /// The id and community name of a survey that may not be valid, when its document is well
    /// formed and names them: to name a survey an audit could not use.
    public static func identity(of bytes: [UInt8]) -> SurveyIdentity? {
        guard bytes.count <= InputLimits.surveyBytes,
              let document = try? ParsedDocument.parse(bytes: bytes, path: "", limits: InputLimits.surveyXML) else { return nil }
        let root = document.root
        func value(_ element: SourceElement?, _ name: String) -> String? {
            element?.attributes.first { $0.name == name && $0.namespace == nil }.map { XMLValues.trimmed($0.value) }
                .flatMap { $0.isEmpty ? nil : $0 }
        }
        let community = root.children.first { $0.name == "community" && $0.namespace == root.namespace }
        let identity = SurveyIdentity(id: value(root, "id"), community: value(community, "name"))
        return identity.id == nil && identity.community == nil ? nil : identity
    }

    /// Loads and validates a survey held in memory, naming it `path` in diagnostics.
    public static func load(bytes: [UInt8], path: String) throws(Diagnostics) -> Loaded {
        guard bytes.count <= InputLimits.surveyBytes else {
            throw Diagnostics(Diagnostic(.fileTooLarge, at: .init(file: path), ["limit": .count(InputLimits.surveyBytes)]))
        }
        let document: ParsedDocument
        do {
            document = try ParsedDocument.parse(bytes: bytes, path: path, limits: InputLimits.surveyXML)
        } catch {
            throw Diagnostics(error, in: .survey, bytes: bytes)
        }
        let errors = document.validate(against: schema)
        guard errors.isEmpty else { throw Diagnostics(XMLDiagnostics(errors), in: .survey).capped(file: path) }
        do {
            return Loaded(survey: try SurveyReader.read(document), document: document)
        } catch {
            throw error.capped(file: path)
        }
    }
}
