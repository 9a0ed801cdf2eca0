import Foundation
import WuyouCore
import WuyouDecimal
import WuyouWords

/// The one place diagnostics become words: each ``DiagnosticCode`` is the catalogue entry
/// `diagnostic.<code>` (with `.suggestion` when the diagnostic suggests something), and the
/// compiler-style line every command prints, `file:line:col: message`.
public struct DiagnosticText: Sendable {
    public let language: ReportLanguage
    private let words: Words

    public init(language: ReportLanguage) {
        self.language = language
        words = Words(language)
    }

    /// `file:line:col: message` (`file:SHEET!CELL: message` for a workbook cell); a warning's
    /// message starts with `warning: ` (`警告：`). Always one line, safe for a terminal.
    public func line(for diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        let place = if let cell = location.cell {
            "\(location.file):\(cell)"
        } else {
            "\(location.file):\(location.line ?? 1):\(location.column ?? 1)"
        }
        let prefix = diagnostic.severity == .warning ? words["diagnostic.warning-prefix"] : ""
        return TerminalText.escaped("\(place): \(prefix)\(message(for: diagnostic))")
    }

    /// The message alone, in this language, on one line.
    public func message(for diagnostic: Diagnostic) -> String {
        Self.oneLine(fill(key(for: diagnostic), with: diagnostic.arguments))
    }

    /// The catalogue key of a diagnostic's wording: its code's, or the variant its arguments call for.
    func key(for diagnostic: Diagnostic) -> String {
        let arguments = diagnostic.arguments
        switch diagnostic.code {
        case .templateInvalid:
            if case .text(let reason)? = arguments["reason"], words.has("diagnostic.template.invalid.\(reason)") {
                return "diagnostic.template.invalid.\(reason)"
            }
            return "diagnostic.template.invalid.unsupported"
        case .xmlMalformed, .xmlResource, .surveySchema, .checklistSchema, .ledgerSchema:
            // A `where` would bind to the last pattern only: the check is in the body.
            return arguments["message"] == .withheld ? "diagnostic.withheld-message" : "diagnostic.\(diagnostic.code.rawValue)"
        case .ledgerOverlap:
            if case .text(let kind)? = arguments["kind"], words.has("diagnostic.ledger.overlap.\(kind)") {
                return "diagnostic.ledger.overlap.\(kind)"
            }
            return "diagnostic.ledger.overlap"
        case .workbookZipInvalid where arguments["part"] == nil:
            return "diagnostic.workbook.zip.invalid.directory"
        default:
            // A suggestion, or a declaration at odds with the bytes, has words of its own.
            let key = "diagnostic.\(diagnostic.code.rawValue)"
            for variant in ["placeholder", "suggestion", "declared", "undeclared", "reason", "tag"] where arguments[variant] != nil && words.has("\(key).\(variant)") {
                return "\(key).\(variant)"
            }
            return key
        }
    }

    /// Replaces each `{name}` with the argument `name`, worded for this language; `{field}` is
    /// the element and attribute in words, `{document}` the kind of document.
    private func fill(_ key: String, with arguments: [String: DiagnosticArgument]) -> String {
        var values: [String: String] = [:]
        for (name, argument) in arguments {
            let limit = name == "message" ? InputLimits.quotedMessageLength : InputLimits.quotedLength
            values[name] = word(argument, shortenedTo: limit)
        }
        if case .text(let element)? = arguments["element"] {
            var attribute: String?
            if case .text(let name)? = arguments["attribute"] { attribute = name }
            values["field"] = SurveyFieldNames.name(element: element, attribute: attribute, words: words)
        }
        // Looked up for every message (three lookups), not searched for in the template.
        values["document"] = switch arguments["kind"] {
        case .text("checklist")?: words["document.checklist"]
        case .text("ledger")?: words["document.ledger"]
        default: words["document.survey"]
        }
        return words(key, values)
    }

    private func word(_ argument: DiagnosticArgument, shortenedTo limit: Int) -> String {
        switch argument {
        case .text(let text): text
        case .quoted(let text): Self.shortened(text, to: limit)
        case .withheld: words["diagnostic.withheld"]
        case .number(let number): DecimalText.text(number)
        case .localized(let text): text.text(language.rawValue)
        case .list(let items): items.joined(separator: words["diagnostic.list-separator"])
        case .systemError(let code): systemError(code)
        }
    }

    /// An operating-system error in words: 不存在, 没有权限, 磁盘已满…
    private func systemError(_ code: Int32) -> String {
        let names: [Int32: String] = [
            ENOENT: "no-such-file", ENOTDIR: "not-a-folder", EISDIR: "is-a-folder", EACCES: "permission", EPERM: "permission",
            ENOSPC: "disk-full", EDQUOT: "quota", EROFS: "read-only", EEXIST: "exists", EIO: "input-output",
            EMFILE: "too-many-open", ENFILE: "too-many-open", ENAMETOOLONG: "name-too-long", ELOOP: "link-loop",
            EBUSY: "busy", ETXTBSY: "busy", EXDEV: "other-device", ENOTEMPTY: "not-empty", EFBIG: "too-big",
        ]
        guard let name = names[code] else { return words("system-error.other", ["code": "\(code)"]) }
        return words["system-error.\(name)"]
    }

    /// Input text as a message quotes it: on one line, and at most
    /// ``InputLimits/quotedLength`` characters (a 100,000-character name is quoted by its start).
    static func shortened(_ text: String, to limit: Int) -> String {
        let line = oneLine(text)
        // A character is at least one byte: short texts need no counting of characters.
        guard line.utf8.count > limit, line.count > limit else { return line }
        return String(line.prefix(limit)) + "…"
    }

    /// Line breaks and other control characters in quoted input become spaces, so that no
    /// message can span two lines or forge one.
    static func oneLine(_ text: String) -> String {
        guard hasControl(text) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.properties.generalCategory == .control ? " " : $0
        }))
    }

    /// Whether `text` holds a control character (general category Cc: U+0000–U+001F, U+007F
    /// and U+0080–U+009F, which UTF-8 writes as C2 80–C2 9F), found from its bytes.
    private static func hasControl(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(byte)) { return true }
            previous = byte
        }
        return false
    }
}
