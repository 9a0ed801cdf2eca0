/// The element and attribute names of one XML format, for ``ElementTable``: a document's
/// names are looked up here once each (libxml2 keeps one copy of every name a document uses),
/// and its elements and attributes then carry indices.
public struct XMLVocabulary: Sendable {
    /// The namespace of the format's elements.
    public let namespace: String
    public let elements: [String]
    /// Names of unqualified attributes.
    public let attributes: [String]
    let namespaceUTF8: [UInt8]
    let elementIndex: NameIndex
    let attributeIndex: NameIndex

    public init(namespace: String, elements: [String], attributes: [String]) {
        self.namespace = namespace
        self.elements = elements
        self.attributes = attributes
        namespaceUTF8 = Array(namespace.utf8)
        elementIndex = NameIndex(elements)
        attributeIndex = NameIndex(attributes)
    }
}

/// Names to their positions, looked up by UTF-8 bytes without making a string or an array
/// (open addressing on an FNV-1a hash; the first of equal names wins).
struct NameIndex: Sendable {
    private let names: [[UInt8]]
    /// Positions in `names`, or -1; a power of two at least twice the names.
    private let slots: [Int]

    init(_ names: [String]) {
        let spellings = names.map { Array($0.utf8) }
        var size = 16
        while size < 2 * names.count { size *= 2 }
        var slots = [Int](repeating: -1, count: size)
        for (position, name) in spellings.enumerated() {
            let found = name.withUnsafeBufferPointer { Self.find($0, names: spellings, slots: slots) }
            guard found.position < 0 else { continue }
            slots[found.slot] = position
        }
        self.names = spellings
        self.slots = slots
    }

    /// The position of the name spelt `utf8`, or -1.
    func position(of utf8: UnsafeBufferPointer<UInt8>) -> Int {
        Self.find(utf8, names: names, slots: slots).position
    }

    private static func find(_ utf8: UnsafeBufferPointer<UInt8>, names: [[UInt8]], slots: [Int]) -> (position: Int, slot: Int) {
        var hash: UInt32 = 2_166_136_261
        for byte in utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] >= 0 {
            let same = names[slots[slot]].withUnsafeBufferPointer { name in
                guard name.count == utf8.count else { return false }
                for index in 0..<name.count where name[index] != utf8[index] { return false }
                return true
            }
            if same { return (slots[slot], slot) }
            slot = (slot + 1) & mask
        }
        return (-1, slot)
    }
}
