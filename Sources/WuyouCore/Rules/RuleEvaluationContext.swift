import WuyouXML

/// Everything a rule reads while one survey is evaluated, and the warnings rules raise.
struct RuleEvaluationContext {
    let survey: Survey
    let rooms: RoomInventory
    /// The survey's document, read by XPath rules only.
    let document: ParsedDocument?
    /// Problems met while evaluating (an XPath that failed at run time).
    var warnings: [Diagnostic] = []

    init(survey: Survey, rooms: RoomInventory, document: ParsedDocument?) {
        self.survey = survey
        self.rooms = rooms
        self.document = document
    }
}
