import WuyouXML

/// Collects what is wrong with a checklist while it is read, each problem pinned to the
/// element (a `<param>`, a `<rule>`, a `<requirement>`) it is about.
struct ChecklistDiagnostics {
    let document: ParsedDocument
    private(set) var items: [Diagnostic] = []

    init(document: ParsedDocument) {
        self.document = document
    }

    mutating func report(_ code: DiagnosticCode, at element: SourceElement, _ arguments: [String: DiagnosticArgument] = [:]) {
        items.append(Diagnostic(
            code,
            at: Diagnostic.Location(
                file: document.path, line: element.line,
                column: document.column(ofStartTag: element.name, line: element.line)),
            arguments))
    }
}
