/// The compiled forms of template pieces. Each reads its model from a frame whose index and
/// type the compiler fixed, so rendering looks nothing up by name.

struct LiteralNode: RenderNode {
    let bytes: [UInt8]

    func render(_ state: inout RenderState) {
        state.output.append(contentsOf: bytes)
    }
}

struct TextNode<Model>: RenderNode {
    let frame: Int
    let get: @Sendable (Model) -> String
    let escaped: Bool

    func render(_ state: inout RenderState) {
        state.append(get(state.model(at: frame, as: Model.self).pointee), escaped: escaped)
    }
}

struct NumberNode<Model>: RenderNode {
    let frame: Int
    let get: @Sendable (Model) -> Int

    func render(_ state: inout RenderState) {
        state.append(get(state.model(at: frame, as: Model.self).pointee))
    }
}

/// `{{flag}}` prints `true` or `false`, as swift-mustache did.
struct FlagTextNode<Model>: RenderNode {
    let frame: Int
    let get: @Sendable (Model) -> Bool

    func render(_ state: inout RenderState) {
        state.append(get(state.model(at: frame, as: Model.self).pointee) ? "true" : "false", escaped: false)
    }
}

/// `{{#flag}}…{{/flag}}` and `{{^flag}}…{{/flag}}`: the body or nothing, with the stack unchanged.
struct ConditionalNode<Model>: RenderNode {
    let frame: Int
    let get: @Sendable (Model) -> Bool
    let inverted: Bool
    let body: [any RenderNode]

    func render(_ state: inout RenderState) {
        guard get(state.model(at: frame, as: Model.self).pointee) != inverted else { return }
        for node in body { node.render(&state) }
    }
}

/// A section over a nested model or a text: the body once, with the value pushed.
struct PushNode<Model, Nested>: RenderNode {
    let frame: Int
    let get: @Sendable (Model) -> Nested
    let body: [any RenderNode]

    func render(_ state: inout RenderState) {
        var value = get(state.model(at: frame, as: Model.self).pointee)
        withUnsafePointer(to: &value) { state.with($0, render: body) }
    }
}

/// A section over a model that may be absent; inverted, the body when it is absent.
struct OptionalNode<Model, Nested>: RenderNode {
    let frame: Int
    let get: @Sendable (Model) -> Nested?
    let inverted: Bool
    let body: [any RenderNode]

    func render(_ state: inout RenderState) {
        let value = get(state.model(at: frame, as: Model.self).pointee)
        if inverted {
            if value == nil { for node in body { node.render(&state) } }
        } else if var value {
            withUnsafePointer(to: &value) { state.with($0, render: body) }
        }
    }
}

/// A section over a list: the body once per element, the element pushed; inverted, the body
/// when the list is empty.
struct ListNode<Model, Element>: RenderNode {
    let frame: Int
    let get: @Sendable (Model) -> [Element]
    let inverted: Bool
    let body: [any RenderNode]

    func render(_ state: inout RenderState) {
        let list = get(state.model(at: frame, as: Model.self).pointee)
        if inverted {
            if list.isEmpty { for node in body { node.render(&state) } }
            return
        }
        list.withUnsafeBufferPointer { elements in
            guard let base = elements.baseAddress else { return }
            for index in 0..<elements.count {
                state.with(base + index, render: body)
                if let drain = state.drain, state.output.count >= RenderState.drainSize { drain(&state.output) }
            }
        }
    }
}
