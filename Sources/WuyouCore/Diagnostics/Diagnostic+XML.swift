import WuyouXML

extension Diagnostic {
    /// The diagnostic for a problem libxml2 found in a document of the given kind.
    init(_ xml: XMLDiagnostic, in kind: DocumentKind) {
        let location = Diagnostic.Location(file: xml.location.file, line: xml.location.line, column: xml.location.column)
        switch xml.reason {
        case .empty:
            self.init(.xmlEmpty, at: location)
        case .doctype:
            self.init(.xmlDoctype, at: location, ["kind": .text(kind.rawValue)])
        case .notWellFormed:
            self.init(.xmlMalformed, at: location, ["message": .quoted(xml.message)])
        case .schema:
            self.init(kind == .survey ? .surveySchema : .checklistSchema, at: location, ["message": .quoted(xml.message)])
        case .xpath, .resource:
            self.init(.xmlResource, at: location, ["message": .quoted(xml.message)])
        case .tooManyElements(let limit):
            self.init(.xmlTooManyElements, at: location, ["limit": .count(limit)])
        case .tooManyAttributes(let count, let limit):
            self.init(.xmlTooManyAttributes, at: location, ["count": .count(count), "limit": .count(limit)])
        }
    }
}

extension Diagnostics {
    init(_ xml: XMLDiagnostics, in kind: DocumentKind) {
        self.init(xml.items.map { Diagnostic($0, in: kind) })
    }

    /// The first ``InputLimits/diagnosticsPerFile`` diagnostics, then one saying how many more.
    func capped(file: String) -> Diagnostics {
        guard items.count > InputLimits.diagnosticsPerFile else { return self }
        var kept = Array(items.prefix(InputLimits.diagnosticsPerFile))
        kept.append(Diagnostic(
            .moreErrors, at: .init(file: file), ["count": .count(items.count - InputLimits.diagnosticsPerFile)]))
        return Diagnostics(kept)
    }
}
