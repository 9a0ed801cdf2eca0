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
            self.init(.xmlMalformed, at: location, ["message": .text(xml.message)])
        case .schema:
            self.init(kind == .survey ? .surveySchema : .checklistSchema, at: location, ["message": .text(xml.message)])
        case .xpath, .resource:
            self.init(.xmlResource, at: location, ["message": .text(xml.message)])
        }
    }
}

extension Diagnostics {
    init(_ xml: XMLDiagnostics, in kind: DocumentKind) {
        self.init(xml.items.map { Diagnostic($0, in: kind) })
    }
}
