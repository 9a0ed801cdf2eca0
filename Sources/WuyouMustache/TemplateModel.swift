/// A value templates can read: a view model that lists, once, the names a template may use and
/// how to get each one.
///
/// The list is read when templates are compiled, not when they render: a name no model
/// answers is an error while the template folder is loaded, and rendering never looks a name
/// up or casts a value.
///
/// ```swift
/// extension Room: TemplateModel {
///     static let templateFields = TemplateFields<Room>([
///         .text("name") { $0.name },
///         .number("area") { $0.area },
///         .flag("unrecognised") { $0.unrecognised },
///     ])
/// }
/// ```
public protocol TemplateModel: SendableMetatype {
    static var templateFields: TemplateFields<Self> { get }
}

/// `{{.}}` inside a list of strings prints the string.
extension String: TemplateModel {
    public static let templateFields = TemplateFields<String>([], selfText: { $0 })
}

/// The names a ``TemplateModel`` answers, each with its kind and how to read it.
public struct TemplateFields<Model>: Sendable {
    let byName: [String: TemplateField<Model>]
    /// Ordered as declared, for error messages and introspection.
    public let names: [String]
    /// What `{{.}}` prints when this model is the current value; nil when it cannot be printed.
    let selfText: (@Sendable (Model) -> String)?

    /// - Parameters:
    ///   - fields: The names templates may use; each name at most once.
    ///   - selfText: What `{{.}}` prints for this model, if anything.
    public init(_ fields: [TemplateField<Model>], selfText: (@Sendable (Model) -> String)? = nil) {
        var byName: [String: TemplateField<Model>] = [:]
        for field in fields {
            precondition(byName.updateValue(field, forKey: field.name) == nil, "template field \(field.name) declared twice")
        }
        self.byName = byName
        names = fields.map(\.name)
        self.selfText = selfText
    }

    /// The kind of the field `name`, for tests that compare a sample view model with the schema.
    public func kind(of name: String) -> TemplateFieldKind? {
        byName[name]?.kind.description
    }
}

/// What a field holds, as far as a template can tell.
public indirect enum TemplateFieldKind: Sendable, Equatable {
    case text, trustedText, number, flag
    /// A nested model (a section over it pushes it); `optional` when it may be absent.
    case object(names: [String], optional: Bool, schema: @Sendable (String) -> TemplateFieldKind?)
    /// A list of models; a section repeats once per element.
    case list(names: [String], schema: @Sendable (String) -> TemplateFieldKind?)

    public static func == (lhs: TemplateFieldKind, rhs: TemplateFieldKind) -> Bool {
        switch (lhs, rhs) {
        case (.text, .text), (.trustedText, .trustedText), (.number, .number), (.flag, .flag): true
        case let (.object(l, lo, _), .object(r, ro, _)): l == r && lo == ro
        case let (.list(l, _), .list(r, _)): l == r
        default: false
        }
    }
}

/// One name a model answers.
public struct TemplateField<Model>: Sendable {
    let name: String
    let kind: Kind

    enum Kind: Sendable {
        /// Escaped when printed; `{{{name}}}` is refused, since it may hold survey text.
        case text(@Sendable (Model) -> String)
        /// Already safe where the template puts it (e.g. a CSS string literal); may be printed raw.
        case trustedText(@Sendable (Model) -> String)
        case number(@Sendable (Model) -> Int)
        case flag(@Sendable (Model) -> Bool)
        case nested(any NestedField<Model>)

        var description: TemplateFieldKind {
            switch self {
            case .text: .text
            case .trustedText: .trustedText
            case .number: .number
            case .flag: .flag
            case .nested(let nested): nested.kindDescription
            }
        }
    }

    /// Text, HTML-escaped wherever it is printed.
    public static func text(_ name: String, _ get: @escaping @Sendable (Model) -> String) -> Self {
        Self(name: name, kind: .text(get))
    }

    /// Text that is already safe in the one place the built-in templates print it raw
    /// (`{{{name}}}`), such as a CSS string literal. `{{name}}` still escapes it.
    public static func trustedText(_ name: String, _ get: @escaping @Sendable (Model) -> String) -> Self {
        Self(name: name, kind: .trustedText(get))
    }

    /// A whole number, printed in decimal digits.
    public static func number(_ name: String, _ get: @escaping @Sendable (Model) -> Int) -> Self {
        Self(name: name, kind: .number(get))
    }

    /// A condition for `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`.
    public static func flag(_ name: String, _ get: @escaping @Sendable (Model) -> Bool) -> Self {
        Self(name: name, kind: .flag(get))
    }

    /// A nested model: `{{name.key}}`, or `{{#name}}{{key}}{{/name}}`.
    public static func object<Nested: TemplateModel>(_ name: String, _ get: @escaping @Sendable (Model) -> Nested) -> Self {
        Self(name: name, kind: .nested(ObjectField<Model, Nested>(get: get)))
    }

    /// A nested model that may be absent: `{{#name}}` renders only when it is there,
    /// `{{^name}}` only when it is not.
    public static func optional<Nested: TemplateModel>(_ name: String, _ get: @escaping @Sendable (Model) -> Nested?) -> Self {
        Self(name: name, kind: .nested(OptionalField<Model, Nested>(get: get)))
    }

    /// A list: `{{#name}}` repeats once per element, `{{^name}}` renders when it is empty.
    public static func list<Element: TemplateModel>(_ name: String, _ get: @escaping @Sendable (Model) -> [Element]) -> Self {
        Self(name: name, kind: .nested(ListField<Model, Element>(get: get)))
    }
}

/// A model's values as templates see them, for writing sample view models that document the
/// names a template can use.
public indirect enum TemplateSample: Sendable {
    case text(String)
    case number(Int)
    case flag(Bool)
    /// Members in declaration order; nil for an optional model that is absent.
    case object([(String, TemplateSample)]?)
    case list([TemplateSample])
}

extension TemplateFields {
    /// Every field of `model`, read as a template would read it.
    public func sample(of model: Model) -> TemplateSample {
        if byName.isEmpty, let selfText { return .text(selfText(model)) }
        return .object(names.map { name in
            let sample: TemplateSample = switch byName[name]!.kind {
            case .text(let get), .trustedText(let get): .text(get(model))
            case .number(let get): .number(get(model))
            case .flag(let get): .flag(get(model))
            case .nested(let nested): nested.sample(of: model)
            }
            return (name, sample)
        })
    }
}
