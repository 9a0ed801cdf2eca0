import WuyouCore
import Foundation
import WuyouXML

/// Reads ledger XML files the way surveys are read: bounded, parsed without a DTD, validated
/// against the bundled ledger schema, then every check a schema cannot make within one file.
/// Checks against the checklist and across files are ``LedgerAssembly``'s.
public enum LedgerReader {
    public static let namespace = "urn:wuyou:ledger:1"

    private static let schema: XMLSchema = {
        do {
            return try XMLSchema(source: schemaText, name: "ledger.xsd")
        } catch {
            fatalError("the embedded ledger.xsd does not compile (a build defect): \(error)")
        }
    }()

    /// The ledger format's XSD, as embedded in the binary.
    public static var schemaText: String { EmbeddedFiles.text(named: "ledger.xsd") ?? "" }

    /// Reads the ledger file at `path`.
    ///
    /// - Throws: ``Diagnostics`` when it cannot be read, is not well-formed, not valid, or an
    ///   entry names no target or two.
    public static func load(path: String) throws(Diagnostics) -> LedgerFile {
        try read(bytes: try InputFile.bytes(at: path, byteLimit: LedgerLimits.bytes), path: path)
    }

    /// Reads ledger XML held in memory, naming it `path` in diagnostics.
    public static func read(bytes: [UInt8], path: String) throws(Diagnostics) -> LedgerFile {
        guard bytes.count <= LedgerLimits.bytes else {
            throw Diagnostics(Diagnostic(.fileTooLarge, at: .init(file: path), ["limit": .count(LedgerLimits.bytes)]))
        }
        let document: ParsedDocument
        do {
            document = try ParsedDocument.parse(bytes: bytes, path: path, limits: LedgerLimits.xml)
        } catch {
            throw Diagnostics(error, in: .ledger, bytes: bytes)
        }
        let root = document.root
        guard root.name == "ledger", root.namespace == namespace else {
            throw Diagnostics(Diagnostic(
                .ledgerRootWrong, at: .init(file: path, line: root.line, column: document.column(ofStartTag: root.name, line: root.line)),
                ["element": .quoted(root.name), "namespace": .quoted(root.namespace ?? "")]))
        }
        let errors = document.validate(against: schema)
        guard errors.isEmpty else { throw Diagnostics(XMLDiagnostics(errors), in: .ledger).capped(file: path) }

        var problems: [Diagnostic] = []
        var entries: [LedgerEntry] = []
        for element in root.children where element.namespace == namespace {
            let location = Diagnostic.Location(
                file: path, line: element.line, column: document.column(ofStartTag: element.name, line: element.line))
            if let entry = entry(element, at: location, problems: &problems) { entries.append(entry) }
        }
        guard problems.isEmpty else { throw Diagnostics(problems).capped(file: path) }
        let checklist = root.attribute("checklist").map(LedgerText.line)
        return LedgerFile(
            path: path, checklist: checklist,
            checklistLocation: .init(file: path, line: root.line, column: document.column(ofStartTag: root.name, line: root.line)),
            entries: entries)
    }

    /// The entry an element writes; nil, with its problems noted, when it cannot be one.
    private static func entry(_ element: SourceElement, at location: Diagnostic.Location, problems: inout [Diagnostic]) -> LedgerEntry? {
        var fields = LedgerFields(location: location)
        fields.community = element.attribute("community")
        fields.survey = element.attribute("survey")
        fields.requirement = element.attribute("requirement") ?? ""
        fields.text = element.text
        switch element.name {
        case "waiver":
            // The schema has checked both days.
            guard let approved = element.attribute("approved").flatMap(LedgerText.day) else { return nil }
            fields.kind = .waiver(.init(
                approvedBy: element.attribute("approved-by") ?? "", approved: approved,
                expires: element.attribute("expires").flatMap(LedgerText.day)))
        case "commitment":
            guard let due = element.attribute("due").flatMap(LedgerText.day) else { return nil }
            fields.kind = .commitment(.init(owner: element.attribute("owner") ?? "", due: due))
        default:
            return nil
        }
        return fields.entry(problems: &problems)
    }
}

/// The entries of one ledger file, before they are checked against the checklist.
public struct LedgerFile: Sendable {
    /// The file as named on the command line.
    public var path: String
    /// The checklist the ledger says it is for (`ledger/@checklist`), if it says.
    public var checklist: String?
    /// Where it says so.
    public var checklistLocation: Diagnostic.Location
    public var entries: [LedgerEntry]

    public init(path: String, checklist: String?, checklistLocation: Diagnostic.Location, entries: [LedgerEntry]) {
        self.path = path
        self.checklist = checklist
        self.checklistLocation = checklistLocation
        self.entries = entries
    }
}

/// An entry's fields as a file gives them, raw, and the checks every ledger file shares (XML
/// and workbook): one target exactly, text within the limits, a waiver that does not expire
/// before it is approved. Text is normalised here (``LedgerText``), so both files read alike.
public struct LedgerFields: Sendable {
    public var location: Diagnostic.Location
    public var community: String?
    public var survey: String?
    public var requirement = ""
    public var text = ""
    public var kind: LedgerEntry.Kind?
    /// Where each field was written, by key (`community`, `text`, `owner`…), for a file with
    /// cells; the entry's location otherwise.
    public var fieldLocations: [String: Diagnostic.Location] = [:]

    public init(location: Diagnostic.Location) {
        self.location = location
    }

    private func place(_ key: String) -> Diagnostic.Location {
        fieldLocations[key] ?? location
    }

    /// The entry, or nil with its problems appended.
    public func entry(problems: inout [Diagnostic]) -> LedgerEntry? {
        let before = problems.count
        let community = community.map(LedgerText.line).flatMap { $0.isEmpty ? nil : $0 }
        let survey = survey.map(LedgerText.line).flatMap { $0.isEmpty ? nil : $0 }
        let target: LedgerEntry.Target?
        switch (community, survey) {
        case let (community?, nil): target = .community(community)
        case let (nil, survey?): target = .survey(survey)
        case (nil, nil):
            target = nil
            problems.append(Diagnostic(.ledgerTargetNone, at: location))
        case (.some, .some):
            target = nil
            problems.append(Diagnostic(.ledgerTargetBoth, at: location))
        }
        let requirement = LedgerText.line(requirement)
        let text = LedgerText.paragraph(text)
        func limit(_ value: String, _ key: String, _ limit: Int) {
            let length = value.count
            if length > limit {
                problems.append(Diagnostic(
                    .ledgerTextTooLong, at: place(key), ["field": .text(key), "length": .count(length), "limit": .count(limit)]))
            }
        }
        limit(community ?? survey ?? "", community != nil ? "community" : "survey", LedgerLimits.nameLength)
        limit(requirement, "requirement", LedgerLimits.nameLength)
        limit(text, "text", LedgerLimits.textLength)
        var kind = self.kind
        switch kind {
        case .waiver(var waiver)?:
            waiver.approvedBy = LedgerText.line(waiver.approvedBy)
            limit(waiver.approvedBy, "approved-by", LedgerLimits.nameLength)
            if let expires = waiver.expires, expires < waiver.approved {
                problems.append(Diagnostic(
                    .ledgerExpiresBeforeApproved, at: place("expires"),
                    ["expires": .text(expires.text), "approved": .text(waiver.approved.text)]))
            }
            kind = .waiver(waiver)
        case .commitment(var commitment)?:
            commitment.owner = LedgerText.line(commitment.owner)
            limit(commitment.owner, "owner", LedgerLimits.nameLength)
            kind = .commitment(commitment)
        case nil:
            break
        }
        guard problems.count == before, let target, let kind else { return nil }
        return LedgerEntry(
            target: target, requirement: requirement, text: text, kind: kind, location: location,
            requirementLocation: fieldLocations["requirement"])
    }
}
