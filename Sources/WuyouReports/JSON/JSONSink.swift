import Foundation

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
    mutating func number(_ value: Decimal)
    mutating func bool(_ value: Bool)
    mutating func null()
}

extension JSONSink {
    /// A key that is a constant of the renderer (never needs escaping).
    public mutating func constantKey(_ key: StaticString) {
        self.key(key.description)
    }

    /// A string whose JSON form (quotes and escapes) was worked out once, for text repeated in
    /// every report (titles, clauses, standards).
    public mutating func string(_ text: String, escaped: [UInt8]) {
        string(text)
    }

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

    public mutating func number(_ value: Decimal?) {
        if let value { number(value) } else { null() }
    }
}

/// Pretty-printed UTF-8, byte for byte as ``JSONValue/serialized(indent:)`` writes it.
public struct JSONBytes: JSONSink {
    public private(set) var bytes: [UInt8] = []
    /// Members or elements written so far, per open container.
    private var counts: [Int] = []
    private let indent: Int

    /// - Parameter indent: The indentation of the value's own lines (its closing brace).
    public init(indent: Int = 0, capacity: Int = 16 << 10) {
        self.indent = indent
        bytes.reserveCapacity(capacity)
        counts.reserveCapacity(8)
    }

    private mutating func next() {
        if counts[counts.count - 1] > 0 { bytes.append(UInt8(ascii: ",")) }
        counts[counts.count - 1] += 1
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent + 2 * counts.count))
    }

    private mutating func close(_ bracket: Character) {
        if counts.removeLast() > 0 {
            bytes.append(UInt8(ascii: "\n"))
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent + 2 * counts.count))
        }
        bytes.append(bracket.asciiValue!)
    }

    public mutating func openObject() {
        bytes.append(UInt8(ascii: "{"))
        counts.append(0)
    }

    public mutating func key(_ key: String) {
        next()
        JSONValue.writeString(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    public mutating func closeObject() { close("}") }

    public mutating func constantKey(_ key: StaticString) {
        next()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(contentsOf: "\": ".utf8)
    }

    public mutating func string(_ text: String, escaped: [UInt8]) {
        bytes.append(contentsOf: escaped)
    }

    /// `text` as a JSON string literal, quotes included.
    public static func escaped(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONValue.writeString(text, to: &bytes)
        return bytes
    }

    public mutating func openArray() {
        bytes.append(UInt8(ascii: "["))
        counts.append(0)
    }

    public mutating func element() { next() }
    public mutating func closeArray() { close("]") }
    public mutating func string(_ value: String) { JSONValue.writeString(value, to: &bytes) }
    public mutating func integer(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }
    // JSON has no NaN; the checklist reader refuses the zero divisors that could make one.
    public mutating func number(_ value: Decimal) { bytes.append(contentsOf: (value.isNaN ? "null" : value.description).utf8) }
    public mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    public mutating func null() { bytes.append(contentsOf: "null".utf8) }

    /// Appends text as it is (a newline, a separator).
    public mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }
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
    public mutating func number(_ value: Decimal) { put(.number(value)) }
    public mutating func bool(_ value: Bool) { put(.bool(value)) }
    public mutating func null() { put(.null) }
}
