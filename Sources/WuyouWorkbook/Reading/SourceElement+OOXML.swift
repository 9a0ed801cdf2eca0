import WuyouXML

/// OOXML parts come in two namespace sets (Transitional, which Excel, WPS and LibreOffice
/// write, and Strict), so elements are found by local name and the relationship id by its
/// namespaced `id` attribute, whatever the namespace.
extension SourceElement {
    /// Child elements with this local name, in any namespace.
    func elements(_ localName: String) -> [SourceElement] {
        children.filter { $0.name == localName }
    }

    /// The first child element with this local name, in any namespace.
    func element(_ localName: String) -> SourceElement? {
        children.first { $0.name == localName }
    }

    /// The `r:id` attribute: `id` in a relationships namespace.
    var relationshipID: String? {
        attributes.first { $0.name == "id" && $0.namespace != nil }?.value
    }
}
