import Foundation
import WuyouWords
import Testing
import WuyouCore
import WuyouTestSupport
@testable import WuyouForm
import WuyouReports

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The page of `wuyou form`. Its behaviour in a browser is checked by scripts/check-form.py;
/// these tests hold what the Swift side promises: a deterministic page whose policy names the
/// hashes of its only script and stylesheet, and a control named by its path for every element
/// and attribute of the survey format.
@Suite("Survey form page")
struct FormRendererTests {
    static func page(_ language: ReportLanguage = .zh) throws -> String {
        try FormRenderer(checklist: HTMLFixtures.checklist, language: language, toolVersion: "0.0.0-test").render()
    }

    /// The text between `open` and the next `close`, for each occurrence.
    static func contents(of html: String, between open: String, and close: String) -> [String] {
        var result: [String] = []
        var rest = Substring(html)
        while let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: close) {
            result.append(String(rest[start.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }

    static func policy(of html: String) throws -> String {
        let marker = #"<meta http-equiv="Content-Security-Policy" content=""#
        let value = try #require(contents(of: html, between: marker, and: "\"").first)
        return value.replacingOccurrences(of: "&#39;", with: "'")
    }

    /// Every `name="…"` in the page, template rows included.
    static func names(in html: String) -> Set<String> {
        Set(contents(of: html, between: #" name=""#, and: "\"")).subtracting(["viewport", "generator"])
    }

    @Test(arguments: ReportLanguage.allCases)
    func isDeterministic(_ language: ReportLanguage) throws {
        #expect(try Self.page(language) == Self.page(language))
    }

    @Test(arguments: ReportLanguage.allCases)
    func policyNamesTheHashesOfTheOnlyScriptAndStylesheet(_ language: ReportLanguage) throws {
        let html = try Self.page(language)
        let policy = try Self.policy(of: html)
        let scripts = Self.contents(of: html, between: "<script>", and: "</script>")
        let styles = Self.contents(of: html, between: "<style>", and: "</style>")
        try #require(scripts.count == 1 && styles.count == 1)
        #expect(scripts[0] == FormRenderer.script && styles[0] == FormRenderer.style, "inserted verbatim")
        func source(_ text: String) -> String { "'sha256-\(SHA256.base64Digest(of: Array(text.utf8)))'" }
        #expect(policy.hasPrefix("default-src 'none';"))
        #expect(policy.contains("script-src \(source(scripts[0]));"))
        #expect(policy.contains("style-src \(source(styles[0]));"))
        #expect(policy.contains("form-action 'none'") && policy.contains("base-uri 'none'"))
        #expect(!policy.contains("unsafe"))
        // Other script elements are data only, and nothing is loaded from anywhere.
        #expect(Self.contents(of: html, between: "<script", and: ">").filter { !$0.isEmpty } == [#" type="application/json" id="form-data""#])
        for remote in [" src=", "href=\"http", "href=\"//", "@import", "url("] {
            let found = html.contains(remote)
            #expect(!found, "\(remote) in the page")
        }
    }

    @Test func scriptAndStylesheetCannotEndTheirElements() {
        #expect(!FormRenderer.script.lowercased().contains("</script"))
        #expect(!FormRenderer.style.lowercased().contains("</style"))
    }

    @Test func dataForTheScriptIsEscapedAndNamesEveryRequirement() throws {
        let html = try Self.page()
        let json = try #require(Self.contents(of: html, between: #"<script type="application/json" id="form-data">"#, and: "</script>").first)
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"))
        let data = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let requirements = try #require(data["requirements"] as? [[String: Any]])
        #expect(requirements.map { $0["id"] as? String } == HTMLFixtures.checklist.requirements.map(\.id))
        let names = Self.names(in: html)
        for requirement in requirements {
            for input in try #require(requirement["inputs"] as? [[String: String]]) {
                #expect(names.contains(input["path"] ?? ""), "\(requirement["id"] ?? "") reads \(input["path"] ?? ""), which no control has")
            }
        }
        let messages = try #require(data["messages"] as? [String: String])
        #expect(messages.keys.sorted() == FormText(language: .en).messages.keys.sorted())
    }

    @Test func escapesWhatACityChecklistSays() throws {
        var checklist = HTMLFixtures.checklist
        checklist.requirements[0] = checklist.requirements[0].with(title: LocalizedText(["zh": "</script><script>alert(1)</script>"]))
        checklist.rooms[0].label = LocalizedText(["zh": "<b>\"党员\"</b>"])
        let html = try FormRenderer(checklist: checklist, language: .zh).render()
        #expect(!html.contains("<script>alert(1)"))
        #expect(!html.contains("<b>\"党员"))
        #expect(html.contains("&lt;b&gt;&quot;党员&quot;&lt;/b&gt;"))
    }

    @Test func everyElementAndAttributeOfTheSurveyFormatHasAControlNamedByItsPath() throws {
        let names = Self.names(in: try Self.page())
        let format = try SurveySchemaPaths(schema: SurveyLoader.schemaText)
        let attributes = format.attributePaths
        #expect(attributes.count == 38, "attributes in survey.xsd: \(attributes.sorted())")
        #expect(attributes.subtracting(names).isEmpty, "no control for \(attributes.subtracting(names).sorted())")
        // Text elements are edited as text; lists and the centre and hall have a presence control
        // (absent = not collected; present and empty = listed and none).
        let elements = format.textElementPaths.union(format.listElementPaths).union(["centre", "centre/hall"])
        #expect(elements.isSubset(of: format.elementPaths))
        #expect(elements.subtracting(names).isEmpty, "no control for \(elements.subtracting(names).sorted())")
        // And nothing the format does not have.
        #expect(names.subtracting(attributes).subtracting(format.elementPaths).isEmpty,
                "controls named after no path: \(names.subtracting(attributes).subtracting(format.elementPaths).sorted())")
    }

    @Test func rowsOfEveryRepeatedElementHaveTheirHook() throws {
        let html = try Self.page()
        let repeats = Set(Self.contents(of: html, between: #"data-repeat=""#, and: "\""))
        #expect(repeats == ["inspector", "room", "department", "development", "service", "regulation"])
        #expect(html.contains(#"<input type="file" id="open""#))
        #expect(html.contains(#"<button type="button" id="save""#))
        #expect(html.contains(#"<button type="button" id="new""#))
    }

    @Test func roomTypesAreTheChecklistsRooms() throws {
        let html = try Self.page(.en)
        let select = try #require(Self.contents(of: html, between: #"name="centre/room/@type""#, and: "</select>").first)
        for room in HTMLFixtures.checklist.rooms {
            let label = room.label.text("en").replacingOccurrences(of: "'", with: "&#39;")
            #expect(select.contains(#"<option value="\#(room.code)">\#(label)</option>"#), "\(room.code)")
        }
        #expect(select.contains("multiple"))
    }

    @Test func speaksEnglishWhenAsked() throws {
        let html = try Self.page(.en)
        #expect(html.contains(#"<html lang="en">"#))
        #expect(html.contains("Community Service Centre Survey Form"))
        #expect(!html.contains("调查编号"))
    }

    @Test func everyControlHasAWordInBothLanguages() {
        for language in ReportLanguage.allCases {
            let text = FormText(language: language)
            for path in FormCatalogue.allPaths {
                #expect(text.label(path) != path, "\(path) has no \(language) label")
                #expect(!text.hint(path).isEmpty, "\(path) has no \(language) hint")
            }
        }
    }
}

/// The paths of survey.xsd, read from the schema itself so that a new field without a
/// control fails the test above.
struct SurveySchemaPaths {
    private(set) var attributePaths: Set<String> = []
    private(set) var elementPaths: Set<String> = []
    /// Elements whose content is text (`inspector`, `room`, `service`, `notes`…).
    private(set) var textElementPaths: Set<String> = []
    /// Elements that hold only a repeated item (`service-station/services`, `developments`).
    private(set) var listElementPaths: Set<String> = []

    private struct ComplexType {
        var base: String?
        var mixed = false
        var elements: [(name: String, type: String)] = []
        var attributes: [String] = []
    }

    init(schema: String) throws {
        let reader = SchemaReader()
        let parser = XMLParser(data: Data(schema.utf8))
        parser.delegate = reader
        try #require(parser.parse(), "survey.xsd does not parse")
        let types = reader.types
        func resolved(_ name: String) -> ComplexType {
            var type = types[name] ?? ComplexType()
            if let base = type.base {
                let parent = resolved(base)
                type.elements = parent.elements + type.elements
                type.attributes = parent.attributes + type.attributes
                type.mixed = type.mixed || parent.mixed
            }
            return type
        }
        func walk(_ typeName: String, path: String) {
            let type = resolved(typeName)
            for attribute in type.attributes {
                attributePaths.insert(path.isEmpty ? "@\(attribute)" : "\(path)/@\(attribute)")
            }
            if type.mixed && !path.isEmpty { textElementPaths.insert(path) }
            if type.elements.count == 1, !path.isEmpty { listElementPaths.insert(path) }
            for element in type.elements {
                let childPath = path.isEmpty ? element.name : "\(path)/\(element.name)"
                elementPaths.insert(childPath)
                walk(element.type, path: childPath)
            }
        }
        walk(try #require(reader.rootType), path: "")
    }

    private final class SchemaReader: NSObject, XMLParserDelegate {
        var types: [String: ComplexType] = [:]
        var rootType: String?
        private var current: String?

        private func local(_ name: String) -> String {
            String(name.split(separator: ":").last ?? "")
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch local(name) {
            case "complexType":
                if let typeName = attributes["name"] {
                    current = typeName
                    types[typeName, default: ComplexType()].mixed = attributes["mixed"] == "true"
                }
            case "extension":
                if let current, let base = attributes["base"] { types[current]?.base = local(base) }
            case "element":
                guard let elementName = attributes["name"], let type = attributes["type"] else { return }
                if let current {
                    types[current]?.elements.append((elementName, local(type)))
                } else if elementName == "survey" {
                    rootType = local(type)
                }
            case "attribute":
                if let current, let attributeName = attributes["name"] { types[current]?.attributes.append(attributeName) }
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if local(name) == "complexType" { current = nil }
        }
    }
}
