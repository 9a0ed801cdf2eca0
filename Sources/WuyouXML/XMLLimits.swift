/// Bounds a document must keep before libxml2 is given it.
///
/// libxml2 checks each new attribute against all earlier ones of its element, so a start tag
/// with hundreds of thousands of attributes takes minutes (xmllint too), and a million empty
/// elements take a gigabyte once copied into Swift values. ``SourceScan`` counts both in one
/// linear pass over the bytes and refuses the document before any of that work starts.
public struct XMLLimits: Sendable, Hashable {
    /// Elements in the whole document.
    public var elements: Int
    /// Attributes (namespace declarations included) on one element.
    public var attributesPerElement: Int

    public init(elements: Int, attributesPerElement: Int) {
        self.elements = elements
        self.attributesPerElement = attributesPerElement
    }

    /// Generous bounds for any document (a worksheet may hold a few hundred thousand cells).
    public static let standard = XMLLimits(elements: 2_000_000, attributesPerElement: 256)
}
