import CLibXML2

/// Compile-only checks for XPath expressions written in a checklist.
public enum XPathSyntax {
    /// Why `expression` does not compile, or nil when it does.
    public static func error(in expression: String) -> String? {
        LibXML2.ensureInitialised()
        guard let context = xmlXPathNewContext(nil) else { return "cannot create an XPath context" }
        defer { xmlXPathFreeContext(context) }
        let collector = ErrorCollector(file: "", reason: .xpath)
        let compiled = collector.withUserData { userData in
            context.pointee.error = ErrorCollector.structuredHandler
            context.pointee.userData = userData
            return xmlXPathCtxtCompile(context, expression)
        }
        guard let compiled else { return collector.diagnostics.first?.message ?? "does not compile" }
        xmlXPathFreeCompExpr(compiled)
        return nil
    }
}
