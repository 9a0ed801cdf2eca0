/// The stable identity of every kind of diagnostic. The raw value is what scripts may match
/// on (`survey.date.format`); the wording lives in the report layer, in Chinese and English.
public enum DiagnosticCode: String, CaseIterable, Sendable {
    // Reading a file
    case fileNotFound = "file.not-found"
    case fileUnreadable = "file.unreadable"
    case fileIsDirectory = "file.directory"
    case fileNotRegular = "file.not-regular"
    case fileTooLarge = "file.too-large"

    // Any XML document
    case xmlEmpty = "xml.empty"
    case xmlDoctype = "xml.doctype"
    case xmlMalformed = "xml.malformed"
    case xmlResource = "xml.resource"
    case xmlTooManyElements = "xml.too-many-elements"
    case xmlTooManyAttributes = "xml.too-many-attributes"
    /// The first diagnostics of a file are kept; this one counts the rest.
    case moreErrors = "file.more-errors"

    // Surveys
    case surveySchema = "survey.schema"
    case surveyElementRepeated = "survey.element.repeated"
    case surveyCommunityMissing = "survey.community.missing"
    case surveyTooMany = "survey.limit.count"
    case surveyTextTooLong = "survey.limit.text"

    // Survey warnings (they change no status)
    case roomAlias = "survey.room.alias"
    case roomSpinnerAlias = "survey.room.spinner-alias"
    case roomUnknownName = "survey.room.unknown-name"
    case roomUnknownCode = "survey.room.unknown-code"
    case roomAreasExceedCentre = "survey.room.areas-exceed-centre"
    case roomAreaZero = "survey.room.area-zero"
    case roomsWithoutPremises = "survey.room.without-premises"
    case staffImplausible = "survey.staff.implausible"
    case nothingJudged = "survey.nothing-judged"
    case ruleFailed = "survey.rule.failed"
    case moreWarnings = "survey.more-warnings"

    // Checklists
    case checklistNotFound = "checklist.not-found"
    case checklistSchema = "checklist.schema"
    case checklistDuplicateCategory = "checklist.category.duplicate"
    case checklistDuplicateRoom = "checklist.room.duplicate"
    case checklistDuplicateRequirement = "checklist.requirement.duplicate"
    case checklistUnknownCategory = "checklist.category.unknown"
    case checklistInvalidEffectiveDate = "checklist.effective-from.invalid"
    case checklistUnknownRoom = "checklist.room.unknown"
    case checklistUnknownRuleKind = "checklist.rule.unknown-kind"
    case checklistEmptyAllOf = "checklist.rule.all-of-empty"
    case checklistUnusedParameter = "checklist.param.unused"
    case checklistDuplicateParameter = "checklist.param.duplicate"
    case checklistMissingParameter = "checklist.param.missing"
    case checklistParameterTooSmall = "checklist.param.too-small"
    case checklistParameterNotAbove = "checklist.param.not-above"
    case checklistParameterNotWhole = "checklist.param.not-whole"
    case checklistParameterNotDecimal = "checklist.param.not-decimal"
    case checklistParameterNotBoolean = "checklist.param.not-boolean"
    case checklistParameterNotStatus = "checklist.param.not-status"
    case checklistNegativeAmount = "checklist.amount.negative"
    case checklistUnknownFact = "checklist.fact.unknown"
    case checklistFactWrongType = "checklist.fact.wrong-type"
    case checklistInventoryNotAllowed = "checklist.inventory.not-allowed"
    case checklistUnknownFlag = "checklist.flag.unknown"
    case checklistXPathInvalid = "checklist.xpath.invalid"

    // Templates
    case templateFolderUnreadable = "template.folder.unreadable"
    case templateInvalid = "template.invalid"

    // Baselines
    case baselineUnreadable = "baseline.unreadable"
    case baselineNotJSON = "baseline.not-json"
    case baselineWrongFormat = "baseline.wrong-format"
    case baselineInvalid = "baseline.invalid"
    case baselineOutOfRange = "baseline.out-of-range"

    // Audits
    case auditDuplicateID = "audit.duplicate-id"
    case auditFolderUnreadable = "audit.folder.unreadable"
    case auditNoSurveys = "audit.no-surveys"
    case auditOutputNotASite = "audit.output.not-a-site"
    case auditOutputNotAFolder = "audit.output.not-a-folder"
    case auditOutputLocked = "audit.output.locked"
    case auditInputMissing = "audit.input.missing"
    case auditInputInsideOutput = "audit.input.inside-output"
    case auditNothingRead = "audit.nothing-read"

    // Outputs
    case outputCannotWrite = "output.cannot-write"
    case outputIsDirectory = "output.directory"
    case outputDanglingLink = "output.dangling-link"
    case outputNotAFile = "output.not-a-file"
}
