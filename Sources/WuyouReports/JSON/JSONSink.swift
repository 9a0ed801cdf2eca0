import Foundation
import WuyouCore
import WuyouDecimal

/// Where a JSON renderer writes, one token at a time: ``JSONBytes`` writes the pretty-printed
/// text straight away (an audit writes tens of thousands of reports), ``JSONTree`` builds a
/// ``JSONValue``. A renderer is written once against this protocol, so both agree.
///
/// Objects are `openObject()`, then `key(_:)` and a value per member, then `closeObject()`;
/// arrays are `openArray()`, then `element()` and a value per element, then `closeArray()`.
public protocol JSONSink {
    mutating func openObject()
    mutating func key(_ key: String)
    mutating func closeObject()
    mutating func openArray()
    mutating func element()
    mutating func closeArray()
    mutating func string(_ value: String)
    mutating func integer(_ value: Int)
    mutating func number(_ value: ExactDecimal)
    mutating func bool(_ value: Bool)
    mutating func null()
    // Requirements rather than extension methods only, so that a renderer generic over the
    // sink reaches ``JSONBytes``'s versions (an extension method is chosen statically).
    /// A key that is a constant of the renderer (never needs escaping).
    mutating func constantKey(_ key: StaticString)
    /// A string whose JSON form (quotes and escapes) was worked out once, for text repeated in
    /// every report (titles, clauses, standards).
    mutating func string(_ text: String, escaped: [UInt8])
    /// Opens an object and writes its first members from `prewritten`, if this sink can take
    /// them as they are; returns false, having written nothing, if not.
    mutating func openObject(prewritten: JSONPrewritten) -> Bool
}

extension JSONSink {
    public mutating func constantKey(_ key: StaticString) {
        self.key(key.description)
    }

    public mutating func string(_ text: String, escaped: [UInt8]) {
        string(text)
    }

    public mutating func openObject(prewritten: JSONPrewritten) -> Bool { false }

    /// A whole ``JSONValue``, token by token.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .integer(let number): integer(number)
        case .number(let number): self.number(number)
        case .string(let text): string(text)
        case .array(let items):
            openArray()
            for item in items {
                element()
                self.value(item)
            }
            closeArray()
        case .object(let members):
            openObject()
            for (name, member) in members {
                key(name)
                self.value(member)
            }
            closeObject()
        }
    }

    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    public mutating func number(_ value: ExactDecimal?) {
        if let value { number(value) } else { null() }
    }
}

/// How JSON text is laid out.
public enum JSONLayout: Sendable, Equatable {
    /// Pretty-printed: a member or element a line, indented two spaces a level deeper than
    /// its container, whose own lines are indented by the given number of spaces.
    case indented(Int)
    /// On one line, without spaces between tokens (each report of `audit.json`).
    case oneLine
}

/// UTF-8 JSON text, pretty-printed byte for byte as ``JSONValue/serialized(indent:)`` writes
/// it, or on one line.
///
/// Written for speed (an audit writes a 12 KB report per survey): bytes are copied into an
/// array kept longer than its content, and which open containers have members is a bit mask.
public struct JSONBytes: JSONSink {
    /// The text written so far.
    public var bytes: [UInt8] { Array(storage[..<length]) }
    /// Written bytes, then spare room (zeros) to copy into without growing the array each time.
    private var storage: [UInt8]
    private var length = 0
    /// Open containers.
    private var depth = 0
    /// Bit `d`: the container open at depth `d` (from 1) has a member; past 63, `deeper` holds it.
    private var hasMembers: UInt64 = 0
    private var deeper: [Bool] = []
    private let indent: Int
    private let oneLine: Bool

    /// - Parameter indent: The indentation of the value's own lines (its closing brace).
    public init(indent: Int = 0, capacity: Int = 16 << 10) {
        self.init(layout: .indented(indent), capacity: capacity)
    }

    public init(layout: JSONLayout, capacity: Int = 16 << 10) {
        switch layout {
        case .indented(let indent): (self.indent, oneLine) = (indent, false)
        case .oneLine: (indent, oneLine) = (0, true)
        }
        // Spare room need not be cleared: every byte is written before it counts.
        let size = max(capacity, 64)
        storage = [UInt8](unsafeUninitializedCapacity: size) { _, count in count = size }
    }

    /// How many bytes are written.
    public var count: Int { length }

    /// The bytes written so far, in place.
    public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try storage.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<length])) }
    }

    /// Forgets the bytes written, keeping the room they took, to write more text from the top
    /// (every container written so far must be closed).
    public mutating func removeAll() {
        precondition(depth == 0, "JSONBytes emptied with a container open")
        length = 0
    }

    /// Copies `count` bytes from `source` to the end.
    private mutating func put(_ source: UnsafeRawPointer, count: Int) {
        if length + count > storage.count {
            storage.append(contentsOf: repeatElement(0, count: max(storage.count, count)))
        }
        let at = length
        storage.withUnsafeMutableBytes { target in
            (target.baseAddress! + at).copyMemory(from: source, byteCount: count)
        }
        length += count
    }

    private mutating func put(_ byte: UInt8) {
        if length == storage.count {
            storage.append(contentsOf: repeatElement(0, count: storage.count))
        }
        storage[length] = byte
        length += 1
    }

    private mutating func put(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { put($0.baseAddress!, count: $0.count) }
    }

    private mutating func put(_ text: StaticString) {
        put(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    /// A line break and the spaces of the deepest indentation a report reaches, copied a
    /// prefix at a time.
    private static let lineBreak: [UInt8] = [UInt8(ascii: "\n")] + Array(repeating: UInt8(ascii: " "), count: 64)

    private mutating func newLine(indentedBy width: Int) {
        if oneLine { return }
        if width < Self.lineBreak.count {
            Self.lineBreak.withUnsafeBytes { put($0.baseAddress!, count: width + 1) }
        } else {
            put(UInt8(ascii: "\n"))
            for _ in 0..<width { put(UInt8(ascii: " ")) }
        }
    }

    /// Whether the innermost open container has a member, and marks that it has.
    private mutating func markMember() -> Bool {
        if depth < 64 {
            let bit: UInt64 = 1 << UInt64(depth)
            defer { hasMembers |= bit }
            return hasMembers & bit != 0
        }
        defer { deeper[depth - 64] = true }
        return deeper[depth - 64]
    }

    /// Opens a container; `bracket` is nil when it was written already (with members: see
    /// ``openObject(prewritten:)``).
    private mutating func open(_ bracket: UInt8?) {
        if let bracket { put(bracket) }
        depth += 1
        if depth < 64 { hasMembers &= ~(1 << UInt64(depth)) } else { deeper.append(false) }
    }

    private mutating func next() {
        if markMember() { put(UInt8(ascii: ",")) }
        newLine(indentedBy: indent + 2 * depth)
    }

    private mutating func close(_ bracket: UInt8) {
        let hadMembers = depth < 64 ? hasMembers & (1 << UInt64(depth)) != 0 : deeper.removeLast()
        depth -= 1
        if hadMembers { newLine(indentedBy: indent + 2 * depth) }
        put(bracket)
    }

    public mutating func openObject() { open(UInt8(ascii: "{")) }

    public mutating func key(_ key: String) {
        next()
        string(key)
        if oneLine { put(UInt8(ascii: ":")) } else { put(": ") }
    }

    public mutating func closeObject() { close(UInt8(ascii: "}")) }

    public mutating func openObject(prewritten: JSONPrewritten) -> Bool {
        guard prewritten.members == (oneLine ? .oneLine : .indented(indent + 2 * (depth + 1))) else { return false }
        put(prewritten.bytes)
        open(nil)
        _ = markMember()
        return true
    }

    public mutating func constantKey(_ key: StaticString) {
        next()
        put(UInt8(ascii: "\""))
        put(key)
        if oneLine { put("\":") } else { put("\": ") }
    }

    public mutating func string(_ text: String, escaped: [UInt8]) {
        put(escaped)
    }

    /// `text` as a JSON string literal, quotes included.
    public static func escaped(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONValue.writeString(text, to: &bytes)
        return bytes
    }

    public mutating func openArray() { open(UInt8(ascii: "[")) }
    public mutating func element() { next() }
    public mutating func closeArray() { close(UInt8(ascii: "]")) }

    public mutating func string(_ value: String) {
        // Escaped into the spare room, which is grown first to the worst case (6 bytes a byte).
        var value = value
        value.withUTF8 { utf8 in
            let worst = 6 * utf8.count + 2
            if length + worst > storage.count {
                storage.append(contentsOf: repeatElement(0, count: max(storage.count, worst)))
            }
            let at = length
            length += storage.withUnsafeMutableBufferPointer { target in
                JSONValue.writeString(utf8, into: UnsafeMutableBufferPointer(rebasing: target[at...]))
            }
        }
    }

    public mutating func integer(_ value: Int) {
        if value < 0 { put(UInt8(ascii: "-")) }
        var rest = value.magnitude
        var divisor: UInt = 1
        while divisor <= rest / 10 { divisor *= 10 }
        repeat {
            put(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        } while divisor > 0
    }

    public mutating func number(_ value: ExactDecimal) {
        var text: [UInt8] = []
        text.reserveCapacity(24)
        DecimalText.append(value, to: &text)
        put(text)
    }

    public mutating func bool(_ value: Bool) { if value { put("true") } else { put("false") } }
    public mutating func null() { put("null") }

    /// Appends text as it is (a newline, a separator).
    public mutating func raw(_ text: StaticString) { put(text) }
}

/// A ``JSONValue`` built token by token.
public struct JSONTree: JSONSink {
    private enum Open {
        case object([(String, JSONValue)], key: String?)
        case array([JSONValue])
    }

    private var stack: [Open] = []
    /// The finished value (once every container is closed).
    public private(set) var value: JSONValue = .null

    public init() {}

    private mutating func put(_ item: JSONValue) {
        guard let top = stack.popLast() else {
            value = item
            return
        }
        switch top {
        case .object(var members, let key?):
            members.append((key, item))
            stack.append(.object(members, key: nil))
        case .object(let members, nil):
            preconditionFailure("a JSON object member without a key: \(members.count) members so far")
        case .array(var items):
            items.append(item)
            stack.append(.array(items))
        }
    }

    public mutating func openObject() { stack.append(.object([], key: nil)) }

    public mutating func key(_ key: String) {
        guard case .object(let members, nil)? = stack.popLast() else { preconditionFailure("a key outside an object") }
        stack.append(.object(members, key: key))
    }

    public mutating func closeObject() {
        guard case .object(let members, nil)? = stack.popLast() else { preconditionFailure("closing what is not an object") }
        put(.object(members))
    }

    public mutating func openArray() { stack.append(.array([])) }
    public mutating func element() {}

    public mutating func closeArray() {
        guard case .array(let items)? = stack.popLast() else { preconditionFailure("closing what is not an array") }
        put(.array(items))
    }

    public mutating func string(_ value: String) { put(.string(value)) }
    public mutating func integer(_ value: Int) { put(.integer(value)) }
    public mutating func number(_ value: ExactDecimal) { put(.number(value)) }
    public mutating func bool(_ value: Bool) { put(.bool(value)) }
    public mutating func null() { put(.null) }
}
