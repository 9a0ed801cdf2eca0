import WuyouXML

/// Checks a valid survey document against ``InputLimits`` before it is read and evaluated:
/// how many rooms, list items, inspectors and room codes, and how long each name and text.
enum SurveyLimits {
    /// The first violations found, in document order (at most a few: one is enough to refuse).
    static func violations(in document: ParsedDocument) -> [Diagnostic] {
        var found: [Diagnostic] = []
        check(document.root, parent: nil, document: document, into: &found)
        return found
    }

    private static let countedChildren: [String: (child: String, limit: Int)] = [
        "survey": ("inspector", InputLimits.inspectors),
        "centre": ("room", InputLimits.roomsPerCentre),
        "services": ("service", InputLimits.itemsPerList),
        "regulations": ("regulation", InputLimits.itemsPerList),
        "department-windows": ("department", InputLimits.itemsPerList),
        "developments": ("development", InputLimits.itemsPerList),
    ]

    /// Attributes that hold names, checked against ``InputLimits/nameLength``.
    private static let nameAttributes: Set<String> = ["id", "name", "code", "subdistrict"]

    private static func check(_ element: SourceElement, parent: SourceElement?, document: ParsedDocument, into found: inout [Diagnostic]) {
        guard found.count < 5, element.namespace == SurveyReader.namespace else { return }
        func report(_ code: DiagnosticCode, _ arguments: [String: DiagnosticArgument], at target: SourceElement) {
            found.append(Diagnostic(
                code,
                at: .init(file: document.path, line: target.line, column: document.column(ofStartTag: target.name, line: target.line)),
                arguments))
        }
        func checkLength(_ text: String, limit: Int, what: String) {
            let length = text.count
            if length > limit {
                report(.surveyTextTooLong, ["what": .text(what), "length": .count(length), "limit": .count(limit)], at: element)
            }
        }
        if let counted = countedChildren[element.name] {
            let count = element.children.lazy.filter { $0.name == counted.child && $0.namespace == SurveyReader.namespace }.count
            if count > counted.limit {
                report(.surveyTooMany, ["element": .text(counted.child), "count": .count(count), "limit": .count(counted.limit)], at: element)
            }
        }
        for attribute in element.attributes where attribute.namespace == nil && nameAttributes.contains(attribute.name) {
            checkLength(attribute.value, limit: InputLimits.nameLength, what: "<\(element.name)> @\(attribute.name)")
        }
        switch element.name {
        case "room":
            let codes = (element.attribute("type") ?? "").split(whereSeparator: \.isWhitespace).count
            if codes > InputLimits.codesPerRoom {
                report(.surveyTooMany, ["element": "room @type", "count": .count(codes), "limit": .count(InputLimits.codesPerRoom)], at: element)
            }
            checkLength(element.text, limit: InputLimits.nameLength, what: "<room>")
        case "inspector":
            checkLength(element.text, limit: InputLimits.nameLength, what: "<inspector>")
        case "service", "regulation":
            checkLength(element.text, limit: InputLimits.itemTextLength, what: "<\(element.name)>")
        case "notes":
            checkLength(element.text, limit: InputLimits.notesLength, what: "<notes>")
        default:
            break
        }
        for child in element.children {
            check(child, parent: element, document: document, into: &found)
        }
    }
}
