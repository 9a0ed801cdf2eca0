/// A parsed template: text and tags, with sections holding their contents.
indirect enum TemplateSyntax: Sendable {
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(name: String, escaped: Bool, offset: Int)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(name: String, inverted: Bool, body: [TemplateSyntax], offset: Int)
    /// `{{>name}}`.
    case partial(name: String, offset: Int)
    /// `{{<name}}…{{/name}}`: the template `name`, with the blocks defined inside replacing its own.
    case parent(name: String, body: [TemplateSyntax], offset: Int)
    /// `{{$name}}…{{/name}}`: replaceable content, `body` unless a parent replaces it.
    case block(name: String, body: [TemplateSyntax], offset: Int)
}

/// One template's source and its syntax tree.
struct ParsedTemplate: Sendable {
    let name: String
    let source: [UInt8]
    let syntax: [TemplateSyntax]

    /// The 1-based line and column (in Unicode scalars) of a byte offset.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, source.count) where source[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = source[lineStart..<min(offset, source.count)].filter { $0 & 0xC0 != 0x80 }.count + 1
        return (line, column)
    }

    func error(_ problem: TemplateError.Problem, at offset: Int) -> TemplateError {
        let (line, column) = position(of: offset)
        return TemplateError(problem, template: name, line: line, column: column)
    }
}
