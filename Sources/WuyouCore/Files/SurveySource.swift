import WuyouXML

/// A survey to audit: a file, or a survey imported in memory from a workbook named on the
/// command line (or the reasons a workbook row could not become one).
public struct SurveySource: Sendable {
    public enum Content: Sendable {
        /// A survey XML file at ``SurveySource/path``.
        case file
        /// A survey read from something that is not survey XML (a workbook's rows), its places
        /// the cells it was read from; with the survey XML that says the same when a checklist's
        /// XPath rules will read it (its ``Survey/documentPlaces`` then map its lines to cells).
        case read(Survey, xml: [UInt8]?)
        /// What could not be imported: bad cells, or a workbook that cannot be read.
        case unusable([Diagnostic])
        /// A survey file read while its folder was listed, because no path string reaches it
        /// again (its name is not UTF-8); ``SurveySource/path`` shows the name with `\xNN` escapes.
        case listed(bytes: [UInt8])
    }

    /// The file's path, or for an imported survey its workbook and row (`普查.xlsx:调查表!A5`);
    /// reports and audits name the survey by it.
    public var path: String
    public var content: Content
    /// What is worth saying about the source itself (a file name that is not UTF-8), added to
    /// the survey's warnings.
    public var warnings: [Diagnostic]
    /// The id and community of a source that cannot be used, as the importer read them.
    public var identity: SurveyIdentity?

    public init(path: String, content: Content = .file, warnings: [Diagnostic] = [], identity: SurveyIdentity? = nil) {
        self.path = path
        self.content = content
        self.warnings = warnings
        self.identity = identity
    }

    /// Who this survey is, as far as it can be read when it cannot be used: the importer's
    /// reading, else the id and community of a well-formed document, else nil.
    public func readIdentity() -> SurveyIdentity? {
        if let identity { return identity }
        switch content {
        case .file:
            return (try? InputFile.bytes(at: path, byteLimit: InputLimits.surveyBytes)).flatMap(SurveyLoader.identity(of:))
        case .read(let survey, _):
            return SurveyIdentity(id: survey.id, community: survey.community.name)
        case .listed(let bytes):
            return SurveyLoader.identity(of: bytes)
        case .unusable:
            return nil
        }
    }

    /// Loads and validates the survey alone, for an evaluation that reads no document (see
    /// ``SurveyLoader/loadSurvey(bytes:path:)``): the survey and diagnostics of ``load()``.
    ///
    /// - Throws: ``Diagnostics`` when it cannot be used (for a workbook, the bad cells).
    public func loadSurvey() throws(Diagnostics) -> Survey {
        switch content {
        case .file: return try SurveyLoader.loadSurvey(path: path)
        case .read(let survey, _): return survey
        case .unusable(let diagnostics): throw Diagnostics(diagnostics)
        case .listed(let bytes): return try withWarnings { () throws(Diagnostics) in try SurveyLoader.loadSurvey(bytes: bytes, path: path) }
        }
    }

    /// Loads and validates the survey, with its document when there is one.
    ///
    /// - Throws: ``Diagnostics`` when it cannot be used (for a workbook, the bad cells).
    public func load() throws(Diagnostics) -> SurveyLoader.Loaded {
        switch content {
        case .file:
            return try SurveyLoader.load(path: path)
        case .read(let survey, let xml):
            guard let xml else { return SurveyLoader.Loaded(survey: survey, document: nil) }
            do {
                return SurveyLoader.Loaded(survey: survey, document: try ParsedDocument.parse(bytes: xml, path: path, limits: InputLimits.surveyXML))
            } catch {
                // The XML was written from the survey; should it not parse, say so at its row.
                throw Diagnostics(Diagnostic(
                    .xmlMalformed, at: survey.location(of: survey.place), ["message": .quoted(error.items.first?.message ?? "")]))
            }
        case .unusable(let diagnostics):
            throw Diagnostics(diagnostics)
        case .listed(let bytes):
            return try withWarnings { () throws(Diagnostics) in try SurveyLoader.load(bytes: bytes, path: path) }
        }
    }

    /// What `load` gives, or its diagnostics after the source's own warnings (a file name that
    /// is not UTF-8 is worth saying beside why the file cannot be used).
    private func withWarnings<Value>(_ load: () throws(Diagnostics) -> Value) throws(Diagnostics) -> Value {
        do {
            return try load()
        } catch {
            throw Diagnostics(warnings + error.items)
        }
    }
}

/// Reads surveys out of files that are not survey XML — workbooks — for `check` and `audit`.
///
/// The core knows no workbook format; the workbook module provides one of these and the CLI
/// hands it to ``SurveyInputs/discover(_:excluding:importer:)``.
public protocol SurveyImporting: Sendable {
    /// Whether `path`, named on the command line, is a file this importer reads.
    func reads(_ path: String) -> Bool
    /// The surveys in the files (every path one ``reads(_:)`` accepted), in a stable order.
    func surveys(in paths: [String]) -> [SurveySource]
}
