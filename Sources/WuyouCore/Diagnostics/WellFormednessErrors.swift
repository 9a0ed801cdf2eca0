/// libxml2's English words for a document that is not well formed, read into a code and its
/// arguments, so that a clerk is told in their own language what is wrong and how to fix it.
/// A message it does not know keeps libxml2's words (``DiagnosticCode/xmlMalformed``).
///
/// Only the first of libxml2's messages counts: the others follow from it. Names quoted from
/// the document are tags and attributes, never its text; they are still passed as quoted, so
/// a public site withholds them like any quotation.
enum WellFormednessErrors {
    /// The code and arguments for libxml2's `message`, or nil when it is not one of these.
    static func diagnostic(for message: String) -> (DiagnosticCode, [String: DiagnosticArgument])? {
        let first = message.split(separator: "; ").first.map(String.init) ?? message
        if let match = first.wholeMatch(of: /Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)/) {
            return (.xmlTagMismatch, ["open": .quoted(String(match.output.1)), "line": .text(String(match.output.2)),
                                      "close": .quoted(String(match.output.3))])
        }
        if let match = first.wholeMatch(of: /Attribute (\S+) redefined/) {
            return (.xmlAttributeRepeated, ["attribute": .quoted(String(match.output.1))])
        }
        if first.hasPrefix("AttValue: \" or ' expected") || first.hasPrefix("Specification mandates value for attribute") {
            return (.xmlAttributeUnquoted, [:])
        }
        if first == "xmlParseEntityRef: no name" || first == "EntityRef: expecting ';'" {
            return (.xmlAmpersand, [:])
        }
        if let match = first.wholeMatch(of: /Entity '(.+)' not defined/) {
            return (.xmlEntityUndefined, ["entity": .quoted(String(match.output.1))])
        }
        if first == "Unescaped '<' not allowed in attributes values" {
            return (.xmlLessThanInAttribute, [:])
        }
        if first == "Extra content at the end of the document" {
            return (.xmlExtraContent, [:])
        }
        if first == "Start tag expected, '<' not found" || first == "Document is empty" {
            return (.xmlNotXML, [:])
        }
        if first.hasPrefix("StartTag: invalid element name") || first.hasPrefix("invalid element name") {
            return (.xmlInvalidName, [:])
        }
        if first.hasPrefix("CData section not finished") {
            return (.xmlCDataUnfinished, [:])
        }
        if first.hasPrefix("Comment not terminated") || first.hasPrefix("Double hyphen within comment") {
            return (.xmlCommentUnfinished, [:])
        }
        if let match = first.wholeMatch(of: /Namespace prefix (\S+) on (\S+) is not defined/) {
            return (.xmlPrefixUndefined, ["prefix": .quoted(String(match.output.1))])
        }
        if first.hasPrefix("xmlParseCharRef: invalid xmlChar value") || first.hasPrefix("PCDATA invalid Char value")
            || first.wholeMatch(of: /Char 0x[0-9A-Fa-f]+ out of allowed range/) != nil {
            return (.xmlInvalidCharacter, [:])
        }
        if first.hasPrefix("XML declaration allowed only at the start of the document") {
            return (.xmlDeclarationMisplaced, [:])
        }
        return nil
    }

    /// The tag a truncated file left open, from libxml2's "Premature end of data in tag X line N".
    static func unclosedTag(in message: String) -> (tag: String, line: String)? {
        guard let match = message.firstMatch(of: /Premature end of data in tag (\S+) line (\d+)/) else { return nil }
        return (String(match.output.1), String(match.output.2))
    }
}
