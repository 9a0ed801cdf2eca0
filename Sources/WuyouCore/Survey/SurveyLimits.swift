import WuyouXML

/// Checks a valid survey document against ``InputLimits`` before it is read and evaluated:
/// how many rooms, list items, inspectors and room codes, and how long each name and text.
enum SurveyLimits {
    /// The first violations found, in document order (at most a few: one is enough to refuse).
    /// `locate` says where an element is, by its name and line.
    static func violations(in table: ElementTable, locate: (String, Int) -> Diagnostic.Location) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let elementNames = SurveyNames.vocabulary.elements
        let attributeNames = SurveyNames.vocabulary.attributes
        for element in table.elements.indices {
            guard found.count < 5 else { break }
            let name = table.elements[element].name
            guard name != ElementTable.none else { continue }
            check(element, named: name, in: table) { code, arguments in
                found.append(Diagnostic(code, at: locate(elementNames[name], table.elements[element].line), arguments))
            } describe: { attribute in
                "<\(elementNames[name])>" + (attribute.map { " @\(attributeNames[$0])" } ?? "")
            }
        }
        return found
    }

    /// Per parent element name: the child it counts, and how many it allows.
    private static let countedChildren: [(child: Int, limit: Int)?] = {
        var counted = [(child: Int, limit: Int)?](repeating: nil, count: SurveyNames.vocabulary.elements.count)
        counted[SurveyNames.survey] = (SurveyNames.inspector, InputLimits.inspectors)
        counted[SurveyNames.centre] = (SurveyNames.room, InputLimits.roomsPerCentre)
        counted[SurveyNames.services] = (SurveyNames.service, InputLimits.itemsPerList)
        counted[SurveyNames.regulations] = (SurveyNames.regulation, InputLimits.itemsPerList)
        counted[SurveyNames.departmentWindows] = (SurveyNames.department, InputLimits.itemsPerList)
        counted[SurveyNames.developments] = (SurveyNames.development, InputLimits.itemsPerList)
        return counted
    }()

    /// Per attribute name: whether it holds a name, checked against ``InputLimits/nameLength``
    /// (a table, not a set: every attribute of every survey is looked up).
    private static let holdsName: [Bool] = {
        var holds = [Bool](repeating: false, count: SurveyNames.vocabulary.attributes.count)
        for name in [SurveyNames.id, SurveyNames.name, SurveyNames.code, SurveyNames.subdistrict] { holds[name] = true }
        return holds
    }()

    /// Per element name: the limit on the length of its text, and how a message names it.
    private static let textLimits: [(limit: Int, what: String)?] = {
        var limits = [(limit: Int, what: String)?](repeating: nil, count: SurveyNames.vocabulary.elements.count)
        limits[SurveyNames.room] = (InputLimits.nameLength, "<room>")
        limits[SurveyNames.inspector] = (InputLimits.nameLength, "<inspector>")
        limits[SurveyNames.service] = (InputLimits.itemTextLength, "<service>")
        limits[SurveyNames.regulation] = (InputLimits.itemTextLength, "<regulation>")
        limits[SurveyNames.notes] = (InputLimits.notesLength, "<notes>")
        return limits
    }()

    private static func check(
        _ element: Int, named name: Int, in table: ElementTable,
        report: (DiagnosticCode, [String: DiagnosticArgument]) -> Void, describe: (Int?) -> String
    ) {
        func checkLength(_ range: Range<Int>, limit: Int, what: @autoclosure () -> String) {
            // A character is at least one byte: only a long value needs its characters counted.
            guard range.count > limit else { return }
            let length = table.string(range).count
            if length > limit {
                report(.surveyTextTooLong, ["what": .text(what()), "length": .count(length), "limit": .count(limit)])
            }
        }
        if let counted = countedChildren[name] {
            let count = table.children(of: element).lazy.filter { table.elements[$0].name == counted.child }.count
            if count > counted.limit {
                report(.surveyTooMany, ["element": .text(SurveyNames.vocabulary.elements[counted.child]), "count": .count(count),
                                        "limit": .count(counted.limit)])
            }
        }
        for index in table.elements[element].attributes where holdsName.indices.contains(table.attributes[index].name)
            && holdsName[table.attributes[index].name] {
            checkLength(table.attributes[index].value, limit: InputLimits.nameLength, what: describe(table.attributes[index].name))
        }
        if name == SurveyNames.room, let type = table.attribute(SurveyNames.type, of: element),
           type.count > 2 * InputLimits.codesPerRoom {  // fewer bytes cannot hold more codes
            let codes = table.utf8.withUnsafeBufferPointer { XMLValues.tokens(utf8: UnsafeBufferPointer(rebasing: $0[type])) }.count
            if codes > InputLimits.codesPerRoom {
                report(.surveyTooMany, ["element": "room @type", "count": .count(codes), "limit": .count(InputLimits.codesPerRoom)])
            }
        }
        if let text = textLimits[name] {
            checkLength(table.elements[element].text, limit: text.limit, what: text.what)
        }
    }
}
