/// A field holding another model (or a list of them): what a dotted name continues into, and
/// what a section over the field compiles to. Each implementation knows the nested type, so
/// it can compile the section's body against it without a cast.
protocol NestedField<Model>: Sendable {
    associatedtype Model

    var kindDescription: TemplateFieldKind { get }

    /// The field `name` of the nested value, read from `Model`; nil when there is none.
    func member(_ name: String) -> TemplateField<Model>.Kind?

    /// The nested value of `model`, as templates see it.
    func sample(of model: Model) -> TemplateSample

    /// Names the nested value answers, for suggestions.
    var memberNames: [String] { get }

    /// This field, read from a `Root` that holds the `Model`.
    func after<Root>(_ get: @escaping @Sendable (Root) -> Model) -> any NestedField<Root>

    /// This field, read from a `Root` that may hold a `Model`.
    func afterOptional<Root>(_ get: @escaping @Sendable (Root) -> Model?) -> any NestedField<Root>

    /// `{{#name}}body{{/name}}` (or inverted) over this field of the model in `frame`.
    func section(
        frame: Int, inverted: Bool, body: [TemplateSyntax], compiler: inout TemplateCompiler
    ) throws(TemplateError) -> any RenderNode
}

extension TemplateFields {
    /// The kind of `name`, read from `Root` through `get`.
    func member<Root>(_ name: String, through get: @escaping @Sendable (Root) -> Model) -> TemplateField<Root>.Kind? {
        guard let field = byName[name] else { return nil }
        return switch field.kind {
        case .text(let read): .text { read(get($0)) }
        case .trustedText(let read): .trustedText { read(get($0)) }
        case .number(let read): .number { read(get($0)) }
        case .flag(let read): .flag { read(get($0)) }
        case .nested(let nested): .nested(nested.after(get))
        }
    }

    /// The kind of `name`, read from `Root` through `get`, which may find nothing: then text
    /// is empty and a flag is false.
    func member<Root>(_ name: String, throughOptional get: @escaping @Sendable (Root) -> Model?) -> TemplateField<Root>.Kind? {
        guard let field = byName[name] else { return nil }
        return switch field.kind {
        case .text(let read): .text { get($0).map(read) ?? "" }
        case .trustedText(let read): .trustedText { get($0).map(read) ?? "" }
        case .number(let read): .text { get($0).map { String(read($0)) } ?? "" }
        case .flag(let read): .flag { get($0).map(read) ?? false }
        case .nested(let nested): .nested(nested.afterOptional(get))
        }
    }

    var schema: @Sendable (String) -> TemplateFieldKind? {
        let byName = byName
        return { byName[$0]?.kind.description }
    }
}

struct ObjectField<Model, Nested: TemplateModel>: NestedField {
    let get: @Sendable (Model) -> Nested

    var kindDescription: TemplateFieldKind {
        .object(names: Nested.templateFields.names, optional: false, schema: Nested.templateFields.schema)
    }

    func member(_ name: String) -> TemplateField<Model>.Kind? {
        Nested.templateFields.member(name, through: get)
    }

    var memberNames: [String] { Nested.templateFields.names }

    func sample(of model: Model) -> TemplateSample { Nested.templateFields.sample(of: get(model)) }

    func after<Root>(_ outer: @escaping @Sendable (Root) -> Model) -> any NestedField<Root> {
        let get = get
        return ObjectField<Root, Nested>(get: { get(outer($0)) })
    }

    func afterOptional<Root>(_ outer: @escaping @Sendable (Root) -> Model?) -> any NestedField<Root> {
        let get = get
        return OptionalField<Root, Nested>(get: { outer($0).map(get) })
    }

    func section(
        frame: Int, inverted: Bool, body: [TemplateSyntax], compiler: inout TemplateCompiler
    ) throws(TemplateError) -> any RenderNode {
        // A value that is always there: an inverted section never renders.
        if inverted { return LiteralNode(bytes: []) }
        return PushNode(frame: frame, get: get, body: try compiler.compile(body, pushing: Nested.self))
    }
}

struct OptionalField<Model, Nested: TemplateModel>: NestedField {
    let get: @Sendable (Model) -> Nested?

    var kindDescription: TemplateFieldKind {
        .object(names: Nested.templateFields.names, optional: true, schema: Nested.templateFields.schema)
    }

    func member(_ name: String) -> TemplateField<Model>.Kind? {
        Nested.templateFields.member(name, throughOptional: get)
    }

    var memberNames: [String] { Nested.templateFields.names }

    func sample(of model: Model) -> TemplateSample { get(model).map { Nested.templateFields.sample(of: $0) } ?? .object(nil) }

    func after<Root>(_ outer: @escaping @Sendable (Root) -> Model) -> any NestedField<Root> {
        let get = get
        return OptionalField<Root, Nested>(get: { get(outer($0)) })
    }

    func afterOptional<Root>(_ outer: @escaping @Sendable (Root) -> Model?) -> any NestedField<Root> {
        let get = get
        return OptionalField<Root, Nested>(get: { outer($0).flatMap(get) })
    }

    func section(
        frame: Int, inverted: Bool, body: [TemplateSyntax], compiler: inout TemplateCompiler
    ) throws(TemplateError) -> any RenderNode {
        let compiled = inverted ? try compiler.compile(body) : try compiler.compile(body, pushing: Nested.self)
        return OptionalNode(frame: frame, get: get, inverted: inverted, body: compiled)
    }
}

struct ListField<Model, Element: TemplateModel>: NestedField {
    let get: @Sendable (Model) -> [Element]

    var kindDescription: TemplateFieldKind {
        .list(names: Element.templateFields.names, schema: Element.templateFields.schema)
    }

    /// A list has no named members of its own.
    func member(_ name: String) -> TemplateField<Model>.Kind? { nil }

    var memberNames: [String] { [] }

    func sample(of model: Model) -> TemplateSample { .list(get(model).map { Element.templateFields.sample(of: $0) }) }

    func after<Root>(_ outer: @escaping @Sendable (Root) -> Model) -> any NestedField<Root> {
        let get = get
        return ListField<Root, Element>(get: { get(outer($0)) })
    }

    func afterOptional<Root>(_ outer: @escaping @Sendable (Root) -> Model?) -> any NestedField<Root> {
        let get = get
        return ListField<Root, Element>(get: { outer($0).map(get) ?? [] })
    }

    func section(
        frame: Int, inverted: Bool, body: [TemplateSyntax], compiler: inout TemplateCompiler
    ) throws(TemplateError) -> any RenderNode {
        let compiled = inverted ? try compiler.compile(body) : try compiler.compile(body, pushing: Element.self)
        return ListNode(frame: frame, get: get, inverted: inverted, body: compiled)
    }
}
