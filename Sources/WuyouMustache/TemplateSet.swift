/// Templates by name — built-in ones and a city's replacements — parsed as they are added and
/// compiled, each against the model type it renders, before anything is rendered.
public struct TemplateSet: Sendable {
    private var templates: [String: ParsedTemplate] = [:]

    public init() {}

    /// Parses `source` as the template `name`, replacing any template of that name.
    ///
    /// - Throws: ``TemplateError`` when the source is not valid mustache.
    public mutating func add(_ source: [UInt8], named name: String) throws(TemplateError) {
        templates[name] = try TemplateParser.parse(source, name: name)
    }

    public func contains(_ name: String) -> Bool { templates[name] != nil }

    /// Compiles the template `name` to render `Root` values, partials expanded.
    ///
    /// - Throws: ``TemplateError`` for a name `Root` does not answer, a missing or recursive
    ///   partial, unescaped survey text, or a template too deep or too large.
    public func compile<Root: TemplateModel>(_ name: String, as root: Root.Type) throws(TemplateError) -> CompiledTemplate<Root> {
        guard let template = templates[name] else {
            throw TemplateError(.missingPartial(name), template: name, line: 1, column: 1)
        }
        var compiler = TemplateCompiler(templates: templates, root: root, template: template)
        return CompiledTemplate(nodes: try compiler.compile(template.syntax))
    }
}

/// A template ready to render `Root` values; shared by any number of threads.
public struct CompiledTemplate<Root: TemplateModel>: Sendable {
    let nodes: [any RenderNode]

    /// The page as UTF-8 bytes.
    public func render(_ root: Root, capacity: Int = 16 << 10) -> [UInt8] {
        var state = RenderState(capacity: capacity)
        var root = root
        withUnsafePointer(to: &root) { state.with($0, render: nodes) }
        return state.output
    }

    /// Renders the page in pieces: `write` receives the output whenever a megabyte has
    /// gathered, and the rest at the end, and empties it.
    public func render(_ root: Root, writingTo write: @escaping (inout [UInt8]) -> Void) {
        var state = RenderState(capacity: RenderState.drainSize + (64 << 10))
        state.drain = write
        var root = root
        withUnsafePointer(to: &root) { state.with($0, render: nodes) }
        write(&state.output)
    }

    /// The page as text.
    public func renderText(_ root: Root) -> String {
        String(decoding: render(root), as: UTF8.self)
    }
}
