import CLibXML2

/// Walks libxml2's tree once and copies it into ``SourceElement`` values.
enum SourceTreeBuilder {
    static func element(from node: xmlNodePtr?) -> SourceElement {
        guard let node else { return SourceElement(name: "", namespace: nil, line: 1) }
        var element = SourceElement(
            name: LibXML2.string(node.pointee.name) ?? "",
            namespace: LibXML2.string(node.pointee.ns?.pointee.href),
            attributes: attributes(of: node),
            line: LibXML2.line(of: node))
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                element.children.append(self.element(from: current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                element.text += LibXML2.string(current.pointee.content) ?? ""
            default:
                break
            }
            child = current.pointee.next
        }
        return element
    }

    private static func attributes(of node: xmlNodePtr) -> [SourceElement.Attribute] {
        var result: [SourceElement.Attribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            // xmlNodeGetContent takes any node kind through its common header, as C callers cast.
            let value = LibXML2.takeString(xmlNodeGetContent(UnsafeMutablePointer<xmlNode>(OpaquePointer(current))))
            result.append(
                SourceElement.Attribute(
                    name: LibXML2.string(current.pointee.name) ?? "",
                    namespace: LibXML2.string(current.pointee.ns?.pointee.href),
                    value: value ?? ""))
            attribute = current.pointee.next
        }
        return result
    }
}
