import WuyouXML

/// Everything a rule reads while one survey is evaluated, and the warnings rules raise.
struct RuleEvaluationContext {
    let survey: Survey
    let rooms: RoomInventory
    /// The survey's document, read by XPath rules only.
    let document: ParsedDocument?
    /// Problems met while evaluating (an XPath that failed at run time).
    var warnings: [Diagnostic] = []
    /// What rules ask of the survey's centre and lists again and again, read once (each look
    /// through an optional copied the centre and its rooms).
    let hasCentre: Bool
    let hasNoPremises: Bool
    let centrePlace: SourcePlace?
    /// Per ``SurveyInventory`` (in `allCases` order): its items and its element's place; nil
    /// when the list element is absent.
    let listed: [(count: Int, place: SourcePlace)?]

    init(survey: Survey, rooms: RoomInventory, document: ParsedDocument?) {
        self.survey = survey
        self.rooms = rooms
        self.document = document
        hasCentre = survey.centre != nil
        hasNoPremises = survey.centre?.hasNoPremises == true
        centrePlace = survey.centre?.place
        listed = SurveyInventory.allCases.map { inventory in
            switch inventory {
            case .services: survey.serviceStation?.services.map { ($0.items.count, $0.place) }
            case .regulations: survey.serviceStation?.regulations.map { ($0.items.count, $0.place) }
            case .departments: survey.serviceStation?.departments.map { ($0.items.count, $0.place) }
            case .developments: survey.developments.map { ($0.items.count, $0.place) }
            case .rooms: survey.centre.map { ($0.rooms.count, $0.place) }
            }
        }
    }
}
