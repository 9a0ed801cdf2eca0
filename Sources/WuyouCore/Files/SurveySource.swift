/// A survey to audit: a file, or a survey imported in memory from a workbook named on the
/// command line (or the reasons a workbook row could not become one).
public struct SurveySource: Sendable {
    public enum Content: Sendable {
        /// A survey XML file at ``SurveySource/path``.
        case file
        /// Survey XML made from a workbook row.
        case imported(bytes: [UInt8], origin: SurveyOrigin)
        /// What could not be imported: bad cells, or a workbook that cannot be read.
        case unusable([Diagnostic])
        /// A survey file read while its folder was listed, because no path string reaches it
        /// again (its name is not UTF-8); ``SurveySource/path`` shows the name with `\xNN` escapes.
        case read(bytes: [UInt8])
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
        case .imported(let bytes, _), .read(let bytes):
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
        try read(file: SurveyLoader.loadSurvey(path:), imported: SurveyLoader.loadSurvey(bytes:path:)) { $0.origin = $1 }
    }

    /// Loads and validates the survey.
    ///
    /// - Throws: ``Diagnostics`` when it cannot be used (for a workbook, the bad cells).
    public func load() throws(Diagnostics) -> SurveyLoader.Loaded {
        try read(file: SurveyLoader.load(path:), imported: SurveyLoader.load(bytes:path:)) { $0.survey.origin = $1 }
    }

    /// The content read by `file` or `imported`; an import is marked with its workbook origin by
    /// `mark`, and its diagnostics point at its row.
    private func read<Value>(
        file: (String) throws(Diagnostics) -> Value,
        imported: ([UInt8], String) throws(Diagnostics) -> Value,
        mark: (inout Value, SurveyOrigin) -> Void
    ) throws(Diagnostics) -> Value {
        switch content {
        case .file:
            return try file(path)
        case .imported(let bytes, let origin):
            do {
                var value = try imported(bytes, path)
                mark(&value, origin)
                return value
            } catch {
                // Imports are checked against the schema already; should one fail, say where its row is.
                throw Diagnostics(error.items.map { var moved = $0; moved.location = origin.location(ofLine: $0.location.line); return moved })
            }
        case .unusable(let diagnostics):
            throw Diagnostics(diagnostics)
        case .read(let bytes):
            do {
                return try imported(bytes, path)
            } catch {
                throw Diagnostics(warnings + error.items)
            }
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
