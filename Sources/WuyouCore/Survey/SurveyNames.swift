import WuyouXML

/// The survey format's names as indices of one ``XMLVocabulary``, so that ``SurveyReader``
/// compares integers, not strings, while it reads a document's ``ElementTable``.
enum SurveyNames {
    static let vocabulary = XMLVocabulary(
        namespace: SurveyReader.namespace, elements: SurveyVocabulary.elements,
        attributes: Array(Set(SurveyVocabulary.attributes.values.joined())).sorted())

    private static func element(_ name: String) -> Int {
        // SurveyReader keeps the names under one element as bits of a UInt64.
        precondition(vocabulary.elements.count <= 64, "more survey elements than bits")
        guard let index = vocabulary.elements.firstIndex(of: name) else { preconditionFailure("<\(name)> is not a survey element") }
        return index
    }

    private static func attribute(_ name: String) -> Int {
        guard let index = vocabulary.attributes.firstIndex(of: name) else { preconditionFailure("@\(name) is not a survey attribute") }
        return index
    }

    static let survey = element("survey")
    static let inspector = element("inspector")
    static let community = element("community")
    static let centre = element("centre")
    static let hall = element("hall")
    static let room = element("room")
    static let serviceStation = element("service-station")
    static let staff = element("staff")
    static let duties = element("duties")
    static let services = element("services")
    static let service = element("service")
    static let regulations = element("regulations")
    static let regulation = element("regulation")
    static let departmentWindows = element("department-windows")
    static let department = element("department")
    static let developments = element("developments")
    static let development = element("development")
    static let notes = element("notes")
    /// The children of `<survey>` whose attributes are facts, besides `community` and `centre`.
    static let factElements = ["governance", "environment", "safety", "education", "information", "funding", "training"]
        .map(element)

    /// Per element name, per attribute name: the ``SurveyFact/index`` of the fact they hold, or -1.
    static let facts: [[Int]] = {
        var facts = [[Int]](repeating: [Int](repeating: -1, count: vocabulary.attributes.count), count: vocabulary.elements.count)
        for fact in SurveyFact.allCases {
            facts[element(fact.element)][attribute(fact.attribute)] = fact.index
        }
        return facts
    }()

    /// Per element name: the ``SurveyFact/index`` of every fact it holds.
    static let factsOfElement: [[Int]] = facts.map { $0.filter { $0 >= 0 } }

    static let id = attribute("id")
    static let date = attribute("date")
    static let name = attribute("name")
    static let code = attribute("code")
    static let subdistrict = attribute("subdistrict")
    static let households = attribute("households")
    static let central = attribute("central")
    static let area = attribute("area")
    static let premises = attribute("premises")
    static let type = attribute("type")
    static let window = attribute("window")
    static let floorArea = attribute("floor-area")
    static let serviceSpace = attribute("service-space")
    static let fundsInLieuArea = attribute("funds-in-lieu-area")
}
