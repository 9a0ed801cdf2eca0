import Foundation

/// A JSON value from the mustache spec's `specs/*.json`, kept as JSON says it: the adapter
/// needs to tell an integer from a decimal and a boolean from a number.
enum SpecJSON: Decodable, Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([SpecJSON])
    case object([String: SpecJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([SpecJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: SpecJSON].self))
        }
    }

    /// The member `key` of an object; null for anything else or a missing key.
    subscript(key: String) -> SpecJSON {
        if case .object(let members) = self { return members[key] ?? .null }
        return .null
    }

    /// What mustache prints for a scalar.
    var text: String {
        switch self {
        case .string(let value): value
        case .int(let value): String(value)
        // Swift prints the shortest decimal that reads back the same: 1.210 prints 1.21.
        case .double(let value): "\(value)"
        case .bool(let value): value ? "true" : "false"
        case .null, .array, .object: ""
        }
    }
}

/// One file of the spec: its tests in order.
struct SpecFile: Decodable {
    let tests: [SpecCase]
}

/// One test of the spec.
struct SpecCase: Decodable, Sendable {
    let name: String
    let data: SpecJSON
    let template: String
    let expected: String
    let partials: [String: String]?
}
