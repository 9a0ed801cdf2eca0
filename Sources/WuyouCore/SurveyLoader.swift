import Foundation
import WuyouXML

/// Reads a survey file the only safe way: parse, validate against the survey schema, check
/// multiplicity, then build the typed ``Survey``.
public enum SurveyLoader {
    /// The compiled survey schema, shared read-only by every task (see ``XMLSchema``).
    public static let schema: XMLSchema = {
        do {
            return try XMLSchema(source: EmbeddedResources.surveySchema, name: "survey.xsd")
        } catch {
            fatalError("the embedded survey.xsd does not compile (a build defect): \(error)")
        }
    }()

    /// A survey and the document it came from (XPath rules read the document).
    public struct Loaded {
        public var survey: Survey
        public var document: ParsedDocument
    }

    /// Loads and validates the survey file at `path`.
    ///
    /// - Throws: ``XMLDiagnostics`` when the file is unreadable, not well-formed, not valid
    ///   against the schema, or repeats an element.
    public static func load(path: String) throws(XMLDiagnostics) -> Loaded {
        try load(document: try ParsedDocument.parse(fileAt: path))
    }

    /// Loads and validates a survey held in memory, naming it `path` in diagnostics.
    public static func load(bytes: [UInt8], path: String) throws(XMLDiagnostics) -> Loaded {
        try load(document: try ParsedDocument.parse(bytes: bytes, path: path))
    }

    private static func load(document: ParsedDocument) throws(XMLDiagnostics) -> Loaded {
        let errors = document.validate(against: schema)
        guard errors.isEmpty else { throw XMLDiagnostics(errors) }
        return Loaded(survey: try SurveyReader.read(document), document: document)
    }
}
