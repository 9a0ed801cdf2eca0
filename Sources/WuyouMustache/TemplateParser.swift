/// Turns mustache source into a ``TemplateSyntax`` tree in one pass, without recursion, so that
/// no template — 5,000 nested sections, a tag never closed — can exhaust the stack.
///
/// Follows the mustache specification: `{{name}}`, `{{{name}}}` and `{{&name}}`, sections
/// and inverted sections, comments, partials, set delimiters, parents and blocks, dotted
/// names and `{{.}}`; a section, comment, partial, block or delimiter tag alone on its line
/// removes the line. A parent's text outside its blocks renders nothing, so a parent whose
/// opening tag starts a line and whose closing tag ends one removes the line, whatever stands
/// between them; a block passed to a parent loses the line break right after its opening tag
/// and the blanks before its closing tag. Partials, parents and blocks are not re-indented
/// (HTML does not need it, and it keeps pages small).
enum TemplateParser {
    /// Sections, parents and blocks open at once, at most.
    static let maximumNesting = 100

    private enum Opening: Equatable {
        case root, section(inverted: Bool), parent, block
    }

    private struct Open {
        var opening: Opening
        var name: String
        var offset: Int
        var body: [TemplateSyntax] = []
        /// For a parent whose opening tag has only blanks before it on its line: those blanks,
        /// dropped if the closing tag ends the line, put back before the parent if not.
        var indentation: Range<Int>?
    }

    /// What a standalone tag takes out of the output.
    private enum Standalone {
        case no
        /// The blanks before the tag and the rest of its line up to `end`, its line break included.
        case line(end: Int)
        /// Only the blanks before the tag on its line.
        case indentation
    }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    /// - Throws: ``TemplateError`` at the first tag that is malformed, unsupported or nested too deeply.
    static func parse(_ source: [UInt8], name: String) throws(TemplateError) -> ParsedTemplate {
        let template = ParsedTemplate(name: name, source: source, syntax: [])
        var opener: [UInt8] = Array("{{".utf8)
        var closer: [UInt8] = Array("}}".utf8)
        var stack = [Open(opening: .root, name: "", offset: 0)]
        var position = 0
        var textStart = 0
        var lineStart = 0
        var tagOnLine = false

        func appendText(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            stack[stack.count - 1].body.append(.text(Array(source[range])))
        }

        while let tagStart = find(opener, in: source, from: position) {
            if let lastNewline = source[position..<tagStart].lastIndex(of: newline) {
                lineStart = lastNewline + 1
                tagOnLine = false
            }
            var contentStart = tagStart + opener.count
            let sigil = contentStart < source.count ? source[contentStart] : 0
            var terminator = closer
            switch sigil {
            case UInt8(ascii: "{"): terminator = [UInt8(ascii: "}")] + closer
            case UInt8(ascii: "="): terminator = [UInt8(ascii: "=")] + closer
            default: break
            }
            let kinds: Set<UInt8> = Set("{&#^/!><$=%".utf8)
            if kinds.contains(sigil) { contentStart += 1 }
            guard let closeStart = find(terminator, in: source, from: contentStart) else {
                throw template.error(.unfinishedTag, at: tagStart)
            }
            let tagEnd = closeStart + terminator.count
            let content = trimmed(source[contentStart..<closeStart])

            // Whether the tag is standalone, and what it then takes away: see ``Standalone``.
            let clearBefore = !tagOnLine && source[lineStart..<tagStart].allSatisfy({ $0 == space || $0 == tab })
            let lineEnd = Self.lineEnd(after: tagEnd, in: source)
            let enclosing = stack[stack.count - 1].opening
            let standalone: Standalone
            switch sigil {
            case UInt8(ascii: "<"):
                // Decided at its closing tag, which ends the line if anything does.
                standalone = .no
            case UInt8(ascii: "$") where enclosing == .parent:
                // What stands before it is the parent's own text, which renders nothing.
                standalone = lineEnd.map { .line(end: $0) } ?? .no
            case UInt8(ascii: "/") where enclosing == .parent:
                // The text between a parent's tags renders nothing, so the pair stands alone
                // when its opening tag starts a line and its closing tag ends one.
                let open = stack[stack.count - 1]
                standalone = open.indentation != nil ? lineEnd.map { .line(end: $0) } ?? .no : .no
            case UInt8(ascii: "/") where enclosing == .block && stack[stack.count - 2].opening == .parent:
                // A block passed to a parent ends where its closing tag stands: blanks before
                // the tag on its own line are not content; what follows is the parent's text.
                standalone = clearBefore ? .indentation : .no
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: "!"),
                 UInt8(ascii: ">"), UInt8(ascii: "$"), UInt8(ascii: "="), UInt8(ascii: "%"):
                standalone = clearBefore ? lineEnd.map { .line(end: $0) } ?? .no : .no
            default:
                standalone = .no
            }
            switch standalone {
            case .line(let end):
                appendText(textStart..<max(textStart, lineStart))
                position = end
                lineStart = end
                tagOnLine = false
            case .indentation:
                appendText(textStart..<max(textStart, lineStart))
                position = tagEnd
                tagOnLine = true
            case .no where sigil == UInt8(ascii: "<") && clearBefore:
                // Kept aside until the parent's closing tag says whether the pair stands alone.
                appendText(textStart..<max(textStart, lineStart))
                position = tagEnd
                tagOnLine = true
            case .no:
                appendText(textStart..<tagStart)
                position = tagEnd
                tagOnLine = true
            }
            textStart = position

            func checkedName() throws(TemplateError) -> String {
                guard !content.isEmpty else { throw template.error(.emptyName, at: tagStart) }
                if content.contains(UInt8(ascii: "(")) {
                    throw template.error(.unsupported("transform \(String(decoding: content, as: UTF8.self))"), at: tagStart)
                }
                return String(decoding: content, as: UTF8.self)
            }

            switch sigil {
            case UInt8(ascii: "!"):
                continue
            case UInt8(ascii: "%"):
                throw template.error(.unsupported("pragma {{%\(String(decoding: content, as: UTF8.self))}}"), at: tagStart)
            case UInt8(ascii: "="):
                let parts = content.split(whereSeparator: { $0 == space || $0 == tab || $0 == newline || $0 == carriageReturn })
                guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
                    throw template.error(.invalidDelimiters, at: tagStart)
                }
                opener = Array(parts[0])
                closer = Array(parts[1])
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "<"), UInt8(ascii: "$"):
                let opening: Opening = switch sigil {
                case UInt8(ascii: "#"): .section(inverted: false)
                case UInt8(ascii: "^"): .section(inverted: true)
                case UInt8(ascii: "<"): .parent
                default: .block
                }
                let name = try checkedName()
                guard stack.count <= maximumNesting else {
                    throw template.error(.tooDeep(limit: maximumNesting), at: tagStart)
                }
                var open = Open(opening: opening, name: name, offset: tagStart)
                if opening == .parent, clearBefore { open.indentation = lineStart..<tagStart }
                stack.append(open)
            case UInt8(ascii: "/"):
                let name = try checkedName()
                guard stack.count > 1 else { throw template.error(.closeWithoutOpen(name), at: tagStart) }
                let open = stack.removeLast()
                guard open.name == name else {
                    throw template.error(.closeMismatch(expected: open.name, found: name), at: tagStart)
                }
                let node: TemplateSyntax
                switch open.opening {
                case .section(let inverted):
                    node = .section(name: name, inverted: inverted, body: open.body, offset: open.offset)
                case .parent:
                    if case .no = standalone, let indentation = open.indentation { appendText(indentation) }
                    node = .parent(name: name, body: open.body, offset: open.offset)
                case .block:
                    node = .block(name: name, body: open.body, offset: open.offset)
                case .root:
                    preconditionFailure("the root is never closed")
                }
                stack[stack.count - 1].body.append(node)
            case UInt8(ascii: ">"):
                let name = try checkedName()
                if name.hasPrefix("*") { throw template.error(.unsupported("dynamic partial {{>\(name)}}"), at: tagStart) }
                stack[stack.count - 1].body.append(.partial(name: name, offset: tagStart))
            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                stack[stack.count - 1].body.append(.variable(name: try checkedName(), escaped: false, offset: tagStart))
            default:
                stack[stack.count - 1].body.append(.variable(name: try checkedName(), escaped: true, offset: tagStart))
            }
        }
        appendText(textStart..<source.count)
        if stack.count > 1, let open = stack.last {
            throw template.error(.sectionNotClosed(open.name), at: open.offset)
        }
        return ParsedTemplate(name: name, source: source, syntax: stack[0].body)
    }

    /// Where the line of a tag ending at `tagEnd` ends, its line break included, when nothing but
    /// blanks follows the tag on it; nil otherwise.
    private static func lineEnd(after tagEnd: Int, in source: [UInt8]) -> Int? {
        var next = tagEnd
        while next < source.count, source[next] == space || source[next] == tab { next += 1 }
        if next == source.count { return next }
        if source[next] == newline { return next + 1 }
        if source[next] == carriageReturn, next + 1 < source.count, source[next + 1] == newline { return next + 2 }
        return nil
    }

    /// The first offset at or after `start` where `needle` occurs.
    private static func find(_ needle: [UInt8], in source: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start <= source.count - needle.count else { return nil }
        var index = start
        let last = source.count - needle.count
        while index <= last {
            if source[index] == first {
                var matches = true
                for offset in 1..<needle.count where source[index + offset] != needle[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var bytes = bytes
        while let first = bytes.first, first == space || first == tab || first == newline || first == carriageReturn {
            bytes = bytes.dropFirst()
        }
        while let last = bytes.last, last == space || last == tab || last == newline || last == carriageReturn {
            bytes = bytes.dropLast()
        }
        return bytes
    }
}
