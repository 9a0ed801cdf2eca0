import WuyouCore

extension WorkbookImport {
    /// The survey `wuyou check` checks: the one with `id`, or else the only one.
    ///
    /// Loaded with its ``SurveyOrigin``, so that findings point at cells; its path is the
    /// workbook and its row (`普查.xlsx:调查表!A5`).
    ///
    /// - Throws: ``Diagnostics``: every diagnostic of the import when any is an error (a check
    ///   of a workbook with bad cells is a check of bad input); otherwise when no survey has
    ///   `id`, or `id` is nil and the workbook holds no survey or several.
    public func survey(id: String?) throws(Diagnostics) -> SurveyLoader.Loaded {
        guard !hasErrors else { throw Diagnostics(diagnostics) }
        let ids = surveys.map(\.id)
        let file = surveys.first?.source.file ?? diagnostics.first?.location.file ?? ""
        let chosen: ImportedSurvey
        if let id {
            guard let found = surveys.first(where: { $0.id == CellText.normalised(id) }) else {
                throw Diagnostics(Diagnostic(.workbookSurveyNotFound, at: .init(file: file), ["id": .quoted(id), "allowed": .list(ids)]))
            }
            chosen = found
        } else {
            guard surveys.count == 1, let only = surveys.first else {
                throw Diagnostics(Diagnostic(surveys.isEmpty ? .workbookNoSurvey : .workbookSurveyAmbiguous, at: .init(file: file),
                                             ["count": .count(surveys.count), "allowed": .list(ids)]))
            }
            chosen = only
        }
        return try SurveySource(path: chosen.origin.place(ofLine: nil),
                                content: .imported(bytes: chosen.bytes, origin: chosen.origin)).load()
    }
}
