import WuyouXML

extension Diagnostic {
    /// The diagnostic for a problem libxml2 found in a document of the given kind, naming the
    /// common mistakes (see ``SurveySchemaErrors``); `bytes` let it tell a GB18030 file saved
    /// under a UTF-8 declaration from other bad bytes.
    init(_ xml: XMLDiagnostic, in kind: DocumentKind, bytes: [UInt8] = []) {
        let location = Diagnostic.Location(file: xml.location.file, line: xml.location.line, column: xml.location.column)
        switch xml.reason {
        case .empty:
            self.init(.xmlEmpty, at: location)
        case .doctype:
            self.init(.xmlDoctype, at: location, ["kind": .text(kind.rawValue)])
        case .notWellFormed where xml.message.hasPrefix("Input is not proper UTF-8"):
            // A file without a declaration is read as UTF-8 without having said so.
            let declared = bytes.starts(with: Array("<?xml".utf8))
                && bytes.prefix(200).split(separator: UInt8(ascii: ">")).first.map { $0.contains(Array("encoding".utf8)) } == true
            self.init(GB18030.decodes(bytes) ? .xmlLooksLikeGB18030 : .xmlNotUTF8, at: location,
                      declared ? [:] : ["undeclared": .text("")])
        case .notWellFormed where xml.atEndOfInput && !xml.message.hasPrefix("Opening and ending tag mismatch"):
            var arguments: [String: DiagnosticArgument] = [:]
            if let unclosed = WellFormednessErrors.unclosedTag(in: xml.message) {
                arguments = ["tag": .quoted(unclosed.tag), "line": .text(unclosed.line)]
            }
            self.init(.xmlTruncated, at: location, arguments)
        case .notWellFormed:
            if let (code, arguments) = WellFormednessErrors.diagnostic(for: xml.message) {
                self.init(code, at: location, arguments)
            } else {
                self.init(.xmlMalformed, at: location, ["message": .quoted(xml.message)])
            }
        case .schema where kind == .survey:
            self = SurveySchemaErrors.diagnostic(for: xml, at: location)
        case .schema where kind == .ledger:
            self.init(.ledgerSchema, at: location, ["message": .quoted(xml.message)])
        case .schema:
            self.init(.checklistSchema, at: location, ["message": .quoted(xml.message)])
        case .xpath, .resource:
            self.init(.xmlResource, at: location, ["message": .quoted(xml.message)])
        case .tooManyElements(let limit):
            self.init(.xmlTooManyElements, at: location, ["limit": .count(limit)])
        case .tooManyAttributes(let count, let limit):
            self.init(.xmlTooManyAttributes, at: location, ["count": .count(count), "limit": .count(limit)])
        case .unsupportedEncoding, .conflictingEncoding:
            self.init(.xmlEncodingUnsupported, at: location, Self.encodingArguments(xml.reason))
        }
    }

    /// The arguments of a diagnostic about an encoding wuyou does not read: `encoding`, the
    /// `accepted` ones, and `declared` when the declaration disagrees with the bytes.
    public static func encodingArguments(_ reason: XMLDiagnostic.Reason) -> [String: DiagnosticArgument] {
        let accepted = DiagnosticArgument.list(SourceEncoding.accepted)
        switch reason {
        case .unsupportedEncoding(let name):
            return ["encoding": .quoted(name), "accepted": accepted]
        case .conflictingEncoding(let found, let declared):
            return ["encoding": .text(found), "declared": .quoted(declared), "accepted": accepted]
        default:
            return [:]
        }
    }
}

extension Diagnostics {
    /// The diagnostics of libxml2's problems with a document of the given kind, one for a bad value libxml2 reports twice.
    public init(_ xml: XMLDiagnostics, in kind: DocumentKind, bytes: [UInt8] = []) {
        var items: [Diagnostic] = []
        for diagnostic in xml.items.map({ Diagnostic($0, in: kind, bytes: bytes) }) {
            // libxml2 reports a bad value twice (the facet, then the type): say it once.
            if let previous = items.last, previous.code == diagnostic.code, previous.location == diagnostic.location,
               previous.arguments["attribute"] == diagnostic.arguments["attribute"], diagnostic.code != .surveySchema {
                continue
            }
            items.append(diagnostic)
        }
        self.init(items)
    }

    /// The first ``InputLimits/diagnosticsPerFile`` diagnostics, then one saying how many more.
    public func capped(file: String) -> Diagnostics {
        guard items.count > InputLimits.diagnosticsPerFile else { return self }
        var kept = Array(items.prefix(InputLimits.diagnosticsPerFile))
        kept.append(Diagnostic(
            .moreErrors, at: .init(file: file), ["count": .count(items.count - InputLimits.diagnosticsPerFile)]))
        return Diagnostics(kept)
    }
}
