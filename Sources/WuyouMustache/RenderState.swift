/// The output and the stack of values a compiled template renders from.
///
/// Each frame points at a model that lives for as long as the frame is on the stack (the root,
/// an element of a list being repeated, a nested value held by the section that pushed it).
/// Frames are typed when templates are compiled; every read checks the frame's type, so a
/// mistake in the compiler stops the program instead of reading the wrong memory.
struct RenderState {
    struct Frame {
        let pointer: UnsafeRawPointer
        let type: ObjectIdentifier
    }

    var frames: [Frame] = []
    var output: [UInt8] = []
    /// When set, output is handed to it whenever it passes ``drainSize`` bytes (between list
    /// elements), so a page of 100,000 rows never sits in memory whole.
    var drain: ((inout [UInt8]) -> Void)?
    static let drainSize = 1 << 20

    init(capacity: Int) {
        frames.reserveCapacity(16)
        output.reserveCapacity(capacity)
    }

    @inline(__always)
    func model<Model>(at index: Int, as type: Model.Type) -> UnsafePointer<Model> {
        let frame = frames[index]
        precondition(frame.type == ObjectIdentifier(Model.self), "template frame \(index) is not a \(Model.self)")
        return frame.pointer.assumingMemoryBound(to: Model.self)
    }

    /// Renders `body` with `value` pushed on the stack.
    @inline(__always)
    mutating func with<Model>(_ value: UnsafePointer<Model>, render body: [any RenderNode]) {
        frames.append(Frame(pointer: UnsafeRawPointer(value), type: ObjectIdentifier(Model.self)))
        for node in body { node.render(&self) }
        frames.removeLast()
    }

    mutating func append(_ text: String, escaped: Bool) {
        var text = text
        text.withUTF8 { bytes in
            if escaped { appendEscaped(bytes) } else { output.append(contentsOf: bytes) }
        }
    }

    mutating func append(_ number: Int) {
        append(String(number), escaped: false)
    }

    /// Escapes `& < > " '` byte by byte: in UTF-8 these bytes never occur inside a multi-byte
    /// character, and a quote followed by a combining mark is still a quote to an HTML parser.
    mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in 0..<bytes.count {
            let replacement: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default: continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            start = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
    }
}

/// One compiled piece of a template.
protocol RenderNode: Sendable {
    func render(_ state: inout RenderState)
}
