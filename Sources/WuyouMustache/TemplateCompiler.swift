/// Compiles a parsed template against the model type it will render: every name is resolved
/// to a frame and a typed getter, every partial and parent is expanded in place, and every
/// limit is checked — so a template that compiles cannot fail, recurse or look anything up
/// while it renders.
struct TemplateCompiler {
    /// Sections and partials nested inside one another, at most, once partials are expanded.
    static let maximumDepth = 200
    /// Compiled pieces in one template, at most, once partials are expanded (a partial used
    /// twice in a partial used twice… grows exponentially).
    static let maximumNodes = 100_000

    private let templates: [String: ParsedTemplate]
    private var frameTypes: [any TemplateModel.Type]
    private var current: ParsedTemplate
    /// The partials and parents being expanded, outermost first.
    private var chain: [Expansion]
    /// Block bodies a parent replaces, by block name.
    private var overrides: [String: Replacement] = [:]
    private var depth = 0
    private var nodeCount = 0

    init(templates: [String: ParsedTemplate], root: any TemplateModel.Type, template: ParsedTemplate) {
        self.templates = templates
        frameTypes = [root]
        current = template
        chain = [Expansion(name: template.name, blocks: [])]
    }

    /// A block body passed to a parent, with the template it was written in.
    private struct Replacement {
        let template: ParsedTemplate
        let body: [TemplateSyntax]
        let offset: Int
    }

    /// Where a replacing block was written: its name, template and offset.
    private struct BlockSource: Hashable {
        let block: String
        let template: String
        let offset: Int
    }

    /// A template being expanded, and the blocks that replace its own there.
    private struct Expansion: Equatable {
        let name: String
        let blocks: Set<BlockSource>
    }

    /// Compiles `syntax` with one more model on the stack.
    mutating func compile<Nested: TemplateModel>(_ syntax: [TemplateSyntax], pushing type: Nested.Type) throws(TemplateError) -> [any RenderNode] {
        frameTypes.append(type)
        defer { frameTypes.removeLast() }
        return try compile(syntax)
    }

    mutating func compile(_ syntax: [TemplateSyntax]) throws(TemplateError) -> [any RenderNode] {
        var nodes: [any RenderNode] = []
        for element in syntax {
            switch element {
            case .text(let bytes):
                append(LiteralNode(bytes: bytes), to: &nodes)
            case .variable(let name, let escaped, let offset):
                try count(at: offset)
                append(try resolve(name, at: offset).variable(escaped: escaped, name: name, in: current, at: offset), to: &nodes)
            case .section(let name, let inverted, let body, let offset):
                try count(at: offset)
                try enter(at: offset)
                defer { depth -= 1 }
                append(try resolve(name, at: offset).section(inverted: inverted, body: body, compiler: &self), to: &nodes)
            case .partial(let name, let offset):
                for node in try expand(name, at: offset, blocks: []) { append(node, to: &nodes) }
            case .parent(let name, let body, let offset):
                for node in try expand(name, at: offset, blocks: body) { append(node, to: &nodes) }
            case .block(let name, let body, let offset):
                try enter(at: offset)
                defer { depth -= 1 }
                let compiled: [any RenderNode]
                if let replacement = overrides.removeValue(forKey: name) {
                    // Compiled where the block stands, in the words of the template that replaced it.
                    let saved = current
                    current = replacement.template
                    defer {
                        current = saved
                        overrides[name] = replacement
                    }
                    compiled = try compile(replacement.body)
                } else {
                    compiled = try compile(body)
                }
                for node in compiled { append(node, to: &nodes) }
            }
        }
        return nodes
    }

    /// A partial, or a parent whose `blocks` replace its own: the named template compiled in place.
    private mutating func expand(_ name: String, at offset: Int, blocks: [TemplateSyntax]) throws(TemplateError) -> [any RenderNode] {
        guard let template = templates[name] else { throw current.error(.missingPartial(name), at: offset) }
        var given = overrides
        for case .block(let blockName, let body, let blockOffset) in blocks where given[blockName] == nil {
            // An outer parent's replacement wins over an inner one's.
            given[blockName] = Replacement(template: current, body: body, offset: blockOffset)
        }
        // The same template with the same blocks would expand the same way again, forever. With
        // other blocks it may end (a parent passing itself a block that no longer includes it),
        // and there are only so many blocks, so this ends too.
        let expansion = Expansion(name: name, blocks: Set(given.map { BlockSource(block: $0.key, template: $0.value.template.name, offset: $0.value.offset) }))
        guard !chain.contains(expansion) else {
            throw current.error(.recursion(chain.map(\.name) + [name]), at: offset)
        }
        try count(at: offset)
        try enter(at: offset)
        let saved = (current, overrides)
        defer {
            depth -= 1
            (current, overrides) = saved
            chain.removeLast()
        }
        overrides = given
        chain.append(expansion)
        current = template
        return try compile(template.syntax)
    }

    private mutating func enter(at offset: Int) throws(TemplateError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw current.error(.tooDeep(limit: Self.maximumDepth), at: offset) }
    }

    private mutating func count(at offset: Int) throws(TemplateError) {
        nodeCount += 1
        guard nodeCount <= Self.maximumNodes else { throw current.error(.tooLarge(limit: Self.maximumNodes), at: offset) }
    }

    /// Appends `node`, joining adjacent text into one piece.
    private func append(_ node: any RenderNode, to nodes: inout [any RenderNode]) {
        if let literal = node as? LiteralNode {
            guard !literal.bytes.isEmpty else { return }
            if let last = nodes.last as? LiteralNode {
                nodes[nodes.count - 1] = LiteralNode(bytes: last.bytes + literal.bytes)
                return
            }
        }
        nodes.append(node)
    }

    // MARK: Names

    private enum Binding {
        case found(any BoundName)
        case notHere
        /// The first segment was found, a later one (`labels.titel`) was not.
        case missing(candidates: [String], prefix: String)
    }

    /// The frame and getter of `name`: `.` is the current value; a name starting with `.` is
    /// looked up in the current value only; otherwise the first segment is looked up from the
    /// innermost value outwards and the rest inside what it found (mustache's rule).
    private func resolve(_ name: String, at offset: Int) throws(TemplateError) -> any BoundName {
        let top = frameTypes.count - 1
        if name == "." {
            if let bound = Self.bindSelf(frameTypes[top], frame: top) { return bound }
            throw current.error(.unknownName(name, suggestion: nil), at: offset)
        }
        var segments = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let onlyCurrent = name.hasPrefix(".")
        if onlyCurrent { segments.removeFirst() }
        guard !segments.isEmpty, !segments.contains("") else {
            throw current.error(.unknownName(name, suggestion: nil), at: offset)
        }
        for index in (onlyCurrent ? [top] : Array((0...top).reversed())) {
            switch Self.bind(frameTypes[index], frame: index, segments: segments) {
            case .found(let bound): return bound
            case .notHere: continue
            case .missing(let candidates, let prefix):
                let last = segments[segments.count - 1]
                let suggestion = Self.closest(to: last, among: candidates).map { prefix + $0 }
                throw current.error(.unknownName(name, suggestion: suggestion), at: offset)
            }
        }
        let visible = frameTypes.flatMap { Self.names(of: $0) }
        throw current.error(.unknownName(name, suggestion: Self.closest(to: segments[0], among: visible)), at: offset)
    }

    private static func bindSelf<Model: TemplateModel>(_ type: Model.Type, frame: Int) -> (any BoundName)? {
        Model.templateFields.selfText.map { Bound<Model>(frame: frame, kind: .text($0)) }
    }

    private static func names<Model: TemplateModel>(of type: Model.Type) -> [String] {
        Model.templateFields.names
    }

    private static func bind<Model: TemplateModel>(_ type: Model.Type, frame: Int, segments: [String]) -> Binding {
        guard var kind = Model.templateFields.byName[segments[0]]?.kind else { return .notHere }
        var prefix = segments[0] + "."
        for segment in segments.dropFirst() {
            guard case .nested(let nested) = kind else { return .missing(candidates: [], prefix: prefix) }
            guard let next = nested.member(segment) else { return .missing(candidates: nested.memberNames, prefix: prefix) }
            kind = next
            prefix += segment + "."
        }
        return .found(Bound<Model>(frame: frame, kind: kind))
    }

    /// The candidate within two edits of `name`, if exactly one is closest.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let target = Array(name.unicodeScalars)
        var best: (name: String, distance: Int)?
        for candidate in Set(candidates).sorted() {
            let distance = editDistance(target, Array(candidate.unicodeScalars))
            if distance <= 2, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var row = [i + 1]
            for (j, y) in b.enumerated() {
                row.append(min(previous[j + 1] + 1, row[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = row
        }
        return previous[b.count]
    }
}

/// A name resolved to a frame and a typed getter; knows the frame's model type, so it can
/// build typed nodes.
protocol BoundName {
    func variable(escaped: Bool, name: String, in template: ParsedTemplate, at offset: Int) throws(TemplateError) -> any RenderNode
    func section(inverted: Bool, body: [TemplateSyntax], compiler: inout TemplateCompiler) throws(TemplateError) -> any RenderNode
}

struct Bound<Model>: BoundName {
    let frame: Int
    let kind: TemplateField<Model>.Kind

    func variable(escaped: Bool, name: String, in template: ParsedTemplate, at offset: Int) throws(TemplateError) -> any RenderNode {
        switch kind {
        case .text(let get):
            guard escaped else { throw template.error(.unescapedText(name), at: offset) }
            return TextNode(frame: frame, get: get, escaped: true)
        case .trustedText(let get):
            return TextNode(frame: frame, get: get, escaped: escaped)
        case .number(let get):
            return NumberNode(frame: frame, get: get)
        case .flag(let get):
            return FlagTextNode(frame: frame, get: get)
        case .nested:
            throw template.error(.notPrintable(name), at: offset)
        }
    }

    func section(inverted: Bool, body: [TemplateSyntax], compiler: inout TemplateCompiler) throws(TemplateError) -> any RenderNode {
        switch kind {
        case .flag(let get):
            return ConditionalNode(frame: frame, get: get, inverted: inverted, body: try compiler.compile(body))
        case .text(let get), .trustedText(let get):
            // As in swift-mustache, text is always "there": the body renders with the text pushed.
            if inverted { return LiteralNode(bytes: []) }
            return PushNode(frame: frame, get: get, body: try compiler.compile(body, pushing: String.self))
        case .number(let get):
            if inverted { return LiteralNode(bytes: []) }
            return PushNode(frame: frame, get: { String(get($0)) }, body: try compiler.compile(body, pushing: String.self))
        case .nested(let nested):
            return try nested.section(frame: frame, inverted: inverted, body: body, compiler: &compiler)
        }
    }
}
