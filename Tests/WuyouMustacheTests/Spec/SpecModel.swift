import Foundation
@testable import WuyouMustache

/// Phantom types that give every position in a spec test's data a model type of its own.
///
/// WuyouMustache compiles a template against a type's `templateFields`, a static list; JSON
/// data has no types. Each object (or list element) position in the data gets a fresh tag,
/// built at run time from binary digits (`SpecTagOne<SpecTagZero<SpecTagEnd>>` is 2), and
/// ``SpecValue`` of that tag answers the fields recorded for it.
protocol SpecTag: SendableMetatype {}
enum SpecTagEnd: SpecTag {}
enum SpecTagZero<Rest: SpecTag>: SpecTag {}
enum SpecTagOne<Rest: SpecTag>: SpecTag {}

/// A JSON value as a typed view model: the fields its position in the data was given.
struct SpecValue<Tag: SpecTag>: TemplateModel, Sendable {
    let json: SpecJSON

    static var templateFields: TemplateFields<Self> { SpecModels.shared.fields(of: Self.self) }
}

/// Why a spec test's data cannot be a typed view model.
enum SpecUnrepresentable: Error, Equatable {
    /// `{"__tag__": "code", …}`: a lambda, which the engine does not have.
    case lambda
    /// The data is a list: a view model is an object, `{{.}}` only prints.
    case rootList
    /// A list whose elements are lists: a list holds models.
    case listOfLists
    /// A name that holds values of different kinds (text here, a number there, or null
    /// beside text) at one place in the data.
    case mixedKinds(String)
    /// List elements of different shapes: an element lacking a name would have to look it
    /// up outside, which a name bound once, when compiled, cannot do.
    case missingName(String)
}

/// The model types made so far, each with its fields.
final class SpecModels: @unchecked Sendable {
    static let shared = SpecModels()

    private let lock = NSLock()
    private var fieldsByType: [ObjectIdentifier: Any] = [:]
    private var nextTag = 1

    func fields<Model>(of type: Model.Type) -> TemplateFields<Model> {
        lock.withLock { fieldsByType[ObjectIdentifier(type)] as! TemplateFields<Model> }
    }

    func store<Model>(_ fields: TemplateFields<Model>) {
        lock.withLock { fieldsByType[ObjectIdentifier(Model.self)] = fields }
    }

    /// A tag no model type has used yet.
    func newTag() -> any SpecTag.Type {
        let number = lock.withLock {
            defer { nextTag += 1 }
            return nextTag
        }
        func extend<Rest: SpecTag>(_ rest: Rest.Type, _ bits: Int) -> any SpecTag.Type {
            if bits == 0 { return rest }
            return bits & 1 == 0 ? extend(SpecTagZero<Rest>.self, bits >> 1) : extend(SpecTagOne<Rest>.self, bits >> 1)
        }
        return extend(SpecTagEnd.self, number)
    }
}

/// What one position in the data holds, as a field kind of the engine.
indirect enum SpecFieldPlan {
    case text, number, decimal, flag
    case object(SpecModelPlan)
    /// Objects at some places, null at others (or null everywhere).
    case optional(SpecModelPlan)
    case list(SpecModelPlan)
}

/// The fields of one model type, and whether `{{.}}` prints it (a string or number in a list).
struct SpecModelPlan {
    var fields: [(name: String, plan: SpecFieldPlan)] = []
    var printsItself = false
}

/// Turns spec data into typed view models the way a programmer would write them: a string is
/// text, an integer a number, a boolean a flag, an object a nested model, null an absent model,
/// an array a list of models.
struct SpecAdapter {
    /// Spec strings are the template author's own data, so by default they may be printed raw
    /// (``TemplateField/trustedText(_:_:)``); false models them as survey text.
    var trustedStrings = true

    /// The plan of the root model.
    static func plan(root data: SpecJSON) throws(SpecUnrepresentable) -> SpecModelPlan {
        if case .array = data { throw .rootList }
        return try plan(models: [data], at: "")
    }

    /// One model type for every value in `values` (one object, or a list's elements).
    static func plan(models values: [SpecJSON], at path: String) throws(SpecUnrepresentable) -> SpecModelPlan {
        var objects: [[String: SpecJSON]] = []
        var scalars = 0
        for value in values {
            switch value {
            case .object(let members):
                if members["__tag__"] == .string("code") { throw .lambda }
                objects.append(members)
            case .string, .int, .double, .bool: scalars += 1
            case .array: throw .listOfLists
            case .null: throw .mixedKinds(path)
            }
        }
        if scalars > 0 {
            guard objects.isEmpty else { throw .mixedKinds(path) }
            return SpecModelPlan(printsItself: true)
        }
        var model = SpecModelPlan()
        for name in Set(objects.flatMap(\.keys)).sorted() {
            guard objects.allSatisfy({ $0[name] != nil }) else { throw .missingName(path + name) }
            model.fields.append((name, try plan(field: objects.map { $0[name]! }, at: path + name)))
        }
        return model
    }

    /// The kind of the field that holds `values` (one per object that has it).
    static func plan(field values: [SpecJSON], at path: String) throws(SpecUnrepresentable) -> SpecFieldPlan {
        let present = values.filter { $0 != .null }
        if present.isEmpty { return .optional(SpecModelPlan()) }
        if present.allSatisfy({ if case .object = $0 { true } else { false } }) {
            let model = try plan(models: present, at: path + ".")
            return present.count == values.count ? .object(model) : .optional(model)
        }
        guard present.count == values.count else { throw .mixedKinds(path) }
        func all(_ test: (SpecJSON) -> Bool) -> Bool { values.allSatisfy(test) }
        if all({ if case .string = $0 { true } else { false } }) { return .text }
        if all({ if case .bool = $0 { true } else { false } }) { return .flag }
        if all({ if case .int = $0 { true } else { false } }) { return .number }
        if all({ switch $0 { case .int, .double: true; default: false } }) { return .decimal }
        if all({ if case .array = $0 { true } else { false } }) {
            let elements = values.flatMap { value -> [SpecJSON] in if case .array(let elements) = value { elements } else { [] } }
            return .list(try plan(models: elements, at: path + "[]."))
        }
        throw .mixedKinds(path)
    }

    /// A new model type with the fields of `plan`.
    func modelType(_ plan: SpecModelPlan) -> any SpecTag.Type {
        let tag = SpecModels.shared.newTag()
        install(plan, as: tag)
        return tag
    }

    private func install<Tag: SpecTag>(_ plan: SpecModelPlan, as tag: Tag.Type) {
        var fields: [TemplateField<SpecValue<Tag>>] = []
        for (name, field) in plan.fields {
            switch field {
            case .text:
                fields.append(trustedStrings ? .trustedText(name) { $0.json[name].text } : .text(name) { $0.json[name].text })
            case .decimal:
                // A number's digits need no escaping, wherever they are printed.
                fields.append(.trustedText(name) { $0.json[name].text })
            case .number:
                fields.append(.number(name) { if case .int(let value) = $0.json[name] { value } else { 0 } })
            case .flag:
                fields.append(.flag(name) { $0.json[name] == .bool(true) })
            case .object(let nested):
                fields.append(Self.object(name, in: tag, of: modelType(nested)))
            case .optional(let nested):
                fields.append(Self.optional(name, in: tag, of: modelType(nested)))
            case .list(let element):
                fields.append(Self.list(name, in: tag, of: modelType(element)))
            }
        }
        if plan.printsItself {
            SpecModels.shared.store(TemplateFields<SpecValue<Tag>>(fields, selfText: { $0.json.text }))
        } else {
            SpecModels.shared.store(TemplateFields<SpecValue<Tag>>(fields))
        }
    }

    private static func object<Parent: SpecTag, Child: SpecTag>(
        _ name: String, in parent: Parent.Type, of child: Child.Type
    ) -> TemplateField<SpecValue<Parent>> {
        .object(name) { SpecValue<Child>(json: $0.json[name]) }
    }

    private static func optional<Parent: SpecTag, Child: SpecTag>(
        _ name: String, in parent: Parent.Type, of child: Child.Type
    ) -> TemplateField<SpecValue<Parent>> {
        .optional(name) { $0.json[name] == .null ? nil : SpecValue<Child>(json: $0.json[name]) }
    }

    private static func list<Parent: SpecTag, Child: SpecTag>(
        _ name: String, in parent: Parent.Type, of child: Child.Type
    ) -> TemplateField<SpecValue<Parent>> {
        .list(name) { if case .array(let elements) = $0.json[name] { elements.map { SpecValue<Child>(json: $0) } } else { [] } }
    }
}
