import WuyouCore

extension WorkbookImport {
    /// The survey `wuyou check` checks: the one with `id`, or else the only one.
    ///
    /// Its places are cells, so that findings point at them; its path is the workbook and its
    /// row (`普查.xlsx:调查表!A5`). Its document, for XPath rules, is its survey XML.
    ///
    /// - Throws: ``Diagnostics``: every diagnostic of the import when any is an error (a check
    ///   of a workbook with bad cells is a check of bad input); otherwise when no survey has
    ///   `id`, or `id` is nil and the workbook holds no survey or several.
    public func survey(id: String?) throws(Diagnostics) -> SurveyLoader.Loaded {
        guard !hasErrors else { throw Diagnostics(diagnostics) }
        let file = file.isEmpty ? diagnostics.first?.location.file ?? "" : file
        let chosen: ImportedSurvey
        if let id {
            guard let found = surveys.first(where: { $0.id == CellText.normalised(id) }) else {
                throw Diagnostics(Diagnostic(.workbookSurveyNotFound, at: .init(file: file), ["id": .quoted(id), "allowed": .list(ids)]))
            }
            chosen = found
        } else {
            guard ids.count == 1, let only = surveys.first else {
                throw Diagnostics(Diagnostic(ids.isEmpty ? .workbookNoSurvey : .workbookSurveyAmbiguous, at: .init(file: file),
                                             ["count": .count(ids.count), "allowed": .list(ids)]))
            }
            chosen = only
        }
        return try SurveySource(path: chosen.survey.path, content: .read(chosen.survey, xml: chosen.bytes.isEmpty ? nil : chosen.bytes))
            .load()
    }
}
