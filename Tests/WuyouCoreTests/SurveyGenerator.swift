import Foundation
import WuyouTestSupport

/// Writes random survey files of every shape the format allows, for properties that must hold
/// of any survey: every element and attribute present or left out, lists absent, empty or
/// listed, elements in any order, a prefix for the survey namespace or none, foreign elements
/// and attributes, comments, processing instructions, CDATA and character references, white
/// space around values, placeholders, and UTF-8 (with or without a declaration or BOM),
/// GB18030 and UTF-16 (either byte order). Some are spoilt on purpose (`mistake`): not
/// well-formed, not valid, or valid but refused by the reader.
struct SurveyGenerator {
    var random: Seeded

    /// One survey file, and what was done to it (for messages).
    struct Sample {
        var bytes: [UInt8]
        var summary: String
        /// Whether a mistake was made on purpose.
        var spoilt: Bool
        /// `UTF-8`, `GB18030`, `UTF-16LE` or `UTF-16BE`.
        var encoding: String
    }

    init(seed: UInt64) {
        random = Seeded(state: seed)
    }

    /// The element prefix of the survey namespace in the document being written ("" or "s:").
    private var prefix = ""

    mutating func sample(mistakeRate: Double = 0.3) -> Sample {
        prefix = chance(0.25) ? "s:" : ""
        var text = document()
        var summary: [String] = [prefix.isEmpty ? "default namespace" : "prefix s:"]
        let spoilt = chance(mistakeRate)
        if spoilt {
            let (mistaken, name) = mistake(in: text)
            text = mistaken
            summary.append(name)
        }
        let (bytes, encoding) = encoded(text)
        summary.append(encoding)
        return Sample(bytes: bytes, summary: summary.joined(separator: ", "), spoilt: spoilt, encoding: encoding)
    }

    // MARK: Chance

    private mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &random) < probability
    }

    private mutating func pick<Element>(_ choices: [Element]) -> Element {
        choices.randomElement(using: &random)!
    }

    private mutating func number(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &random)
    }

    // MARK: Values

    /// White space around a value now and then: the schema collapses it, the reader trims it.
    private mutating func padded(_ value: String) -> String {
        chance(0.1) ? pick([" ", "\t", "\n  "]) + value + pick(["", " ", "\r\n"]) : value
    }

    private mutating func decimal() -> String {
        let whole = String(number(0...(chance(0.1) ? 99_999_999 : 2_000)))
        let zeros = chance(0.1) ? "00" : ""
        let fraction = chance(0.4) ? "." + String(number(0...9999)) : (chance(0.05) ? "." : "")
        return padded((chance(0.05) ? "+" : "") + zeros + whole + fraction)
    }

    private mutating func count(_ range: ClosedRange<Int>) -> String {
        padded((chance(0.05) ? "+0" : "") + String(number(range)))
    }

    private mutating func boolean() -> String {
        padded(pick(["true", "false", "1", "0"]))
    }

    private mutating func date() -> String {
        String(format: "%04d-%02d-%02d", number(2022...2025), number(1...12), number(1...28))
    }

    private static let words = ["王芳", "李强", "赞阳办事处", "友谊路社区", "低保申办", "值班制度", "民政局", "一期", "A&B", "x<y",
                                "\"引号\"", "it's", "Ω≈ç", "😀", "社区警务室", "图书室", "（检查人姓名）", "（街道办事处）"]

    /// Text of a name or an item, sometimes with a character reference in it.
    private mutating func words() -> String {
        var text = pick(Self.words)
        if chance(0.3) { text += pick(Self.words) }
        return text
    }

    /// `text` as an attribute value: escaped, and now and then written as character references.
    private mutating func attributeValue(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += pick(["&amp;", "&#38;"])
            case "<": out += "&lt;"
            case "\"": out += pick(["&quot;", "&#x22;"])
            default: out += chance(0.05) ? "&#x\(String(scalar.value, radix: 16));" : String(scalar)
            }
        }
        return out
    }

    /// `text` as element content: escaped, in pieces with comments, processing instructions,
    /// CDATA sections and character references between them (none of which the text holds).
    private mutating func content(_ text: String) -> String {
        if chance(0.15) && !text.contains("]]>") { return "<![CDATA[" + text + "]]>" }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += pick(["&lt;", "&#60;"])
            default: out += chance(0.05) ? "&#\(scalar.value);" : String(scalar)
            }
            if chance(0.03) { out += pick(["<!-- 注 -->", "<?note x?>"]) }
        }
        return out
    }

    // MARK: Elements

    private func name(_ local: String) -> String { prefix + local }

    private mutating func element(_ local: String, _ attributes: [(String, String?)], children: [String] = []) -> String {
        var start = "<" + name(local)
        var present = attributes.compactMap { name, value in value.map { (name, $0) } }
        present.shuffle(using: &random)
        if chance(0.1) {
            present.append((pick(["xmlns:f=\"urn:city:f\" f:ref", "xmlns:g=\"urn:city:g\" g:note"]), "城市自有"))
        }
        for (attribute, value) in present {
            start += " \(attribute)=\"\(attributeValue(value))\""
        }
        var inner = children
        if chance(0.08) { inner.insert(foreign(), at: number(0...inner.count)) }
        if inner.isEmpty && chance(0.6) { return start + "/>" }
        let separator = pick(["", "\n  ", " "])
        return start + ">" + inner.map { separator + $0 }.joined() + separator + "</" + name(local) + ">"
    }

    /// An element a text holds: its text, sometimes with a foreign element inside.
    private mutating func textElement(_ local: String, _ text: String, attributes: [(String, String?)] = []) -> String {
        var body = content(text)
        if chance(0.05) { body += foreign() }
        let attributes = attributes.compactMap { name, value in value.map { " \(name)=\"\(attributeValue($0))\"" } }.joined()
        return "<\(name(local))\(attributes)>\(body)</\(name(local))>"
    }

    /// An element of a city's own namespace, with a subtree: allowed anywhere, skipped.
    private mutating func foreign() -> String {
        pick([
            #"<x:extra xmlns:x="urn:city:x" level="1"><x:inner>内容</x:inner></x:extra>"#,
            #"<y:note xmlns:y="urn:city:y"/>"#,
            #"<z:tree xmlns:z="urn:city:z"><z:a><z:b c="d">&amp;</z:b></z:a></z:tree>"#,
        ])
    }

    /// A list element: absent (nil), empty, or with items.
    private mutating func list(_ local: String, items: (inout SurveyGenerator) -> [String]) -> String? {
        switch number(0...5) {
        case 0: return nil
        case 1: return element(local, [])
        default:
            let children = items(&self)
            return element(local, [], children: children)
        }
    }

    private mutating func roomCodes() -> String {
        let codes = ["party-activity", "citizen-school", "reading-room", "service-station", "police", "office", "culture-sports",
                     "health-station", "Police", "ＰＯＬＩＣＥ", "OFFICE", "sauna", "ofice", "Health-Station"]
        let chosen = (0..<number(0...3)).map { _ in pick(codes) }
        return chosen.joined(separator: pick([" ", "  ", "\t", "\n"]))
    }

    private mutating func room() -> String {
        let name = chance(0.5) ? pick(["警务室", "社区警务室", "办公室", "图书室", "调解室", "警物室", " 市民学校\u{3000}"]) : words()
        return textElement("room", name, attributes: [
            ("type", (chance(0.7) ? roomCodes() : nil)),
            ("area", (chance(0.8) ? decimal() : nil)),
        ])
    }

    private mutating func document() -> String {
        var children: [String] = (0..<number(0...3)).map { _ in textElement("inspector", words()) }
        children.append(element("community", [
            ("name", words()), ("code", (chance(0.6) ? padded(String(number(420_000_000...420_999_999))) : nil)),
            ("subdistrict", (chance(0.7) ? words() : nil)), ("households", (chance(0.8) ? count(1...9_000) : nil)),
            ("central", (chance(0.5) ? boolean() : nil)),
        ]))
        if chance(0.85) {
            var parts: [String] = []
            if chance(0.7) { parts.append(element("hall", [("one-door", (chance(0.8) ? boolean() : nil)), ("windows", (chance(0.7) ? count(0...9) : nil))])) }
            parts += (0..<number(0...6)).map { _ in room() }
            parts.shuffle(using: &random)
            children.append(element("centre", [
                ("area", (chance(0.8) ? decimal() : nil)),
                ("premises", (chance(0.8) ? padded(pick(["own", "new", "renovated", "purchased", "allocated", "rented", "shared", "none"])) : nil)),
            ], children: parts))
        }
        if chance(0.8) {
            var parts: [String] = []
            if chance(0.7) { parts.append(element("staff", [("full-time", (chance(0.8) ? count(0...300) : nil)), ("part-time", (chance(0.7) ? count(0...9) : nil))])) }
            if chance(0.7) { parts.append(element("duties", [("documented", (chance(0.8) ? boolean() : nil)), ("posted", (chance(0.8) ? boolean() : nil))])) }
            if let services = list("services", items: { g in (0..<g.number(1...4)).map { _ in g.textElement("service", g.words()) } }) {
                parts.append(services)
            }
            if let regulations = list("regulations", items: { g in
                (0..<g.number(1...4)).map { _ in g.textElement("regulation", g.chance(0.1) ? "" : g.words()) }
            }) { parts.append(regulations) }
            if let windows = list("department-windows", items: { g in
                (0..<g.number(1...3)).map { _ in g.element("department", [("name", g.words()), ("window", g.boolean())]) }
            }) { parts.append(windows) }
            parts.shuffle(using: &random)
            children.append(element("service-station", [], children: parts))
        }
        let governance = ["residents-congress", "consultation-council", "elections", "decisions", "management", "supervision", "access-system"]
        if chance(0.8) { children.append(element("governance", governance.map { ($0, (chance(0.8) ? boolean() : nil)) })) }
        if chance(0.7) { children.append(element("environment", [("long-term-mechanism", (chance(0.8) ? boolean() : nil))])) }
        if chance(0.7) { children.append(element("safety", [("emergency-plan", (chance(0.8) ? boolean() : nil))])) }
        if chance(0.7) { children.append(element("education", [("teams", (chance(0.8) ? count(0...5) : nil))])) }
        if chance(0.7) { children.append(element("information", [("platform", (chance(0.8) ? boolean() : nil))])) }
        if chance(0.7) {
            children.append(element("funding", [
                ("staff-monthly-subsidy", (chance(0.8) ? decimal() : nil)), ("office-funds", (chance(0.8) ? decimal() : nil)),
                ("leader-annual-subsidy", (chance(0.8) ? decimal() : nil)),
            ]))
        }
        if chance(0.7) { children.append(element("training", [("days", (chance(0.8) ? decimal() : nil))])) }
        if let developments = list("developments", items: { g in
            (0..<g.number(1...3)).map { _ in
                g.element("development", [
                    ("name", g.words()), ("floor-area", g.decimal()), ("service-space", g.chance(0.7) ? g.decimal() : nil),
                    ("funds-in-lieu-area", g.chance(0.4) ? g.decimal() : nil),
                ])
            }
        }) { children.append(developments) }
        if chance(0.5) { children.append(textElement("notes", words() + (chance(0.5) ? "\n第二行" : ""))) }
        if chance(0.2) { children.insert(foreign(), at: number(0...children.count)) }
        children.shuffle(using: &random)

        let namespace = prefix.isEmpty ? #"xmlns="urn:wuyou:survey:1""# : #"xmlns:s="urn:wuyou:survey:1""#
        let root = "<\(name("survey")) \(namespace) id=\"\(attributeValue(pick(["t-1", "友谊路社区-2024", " s 2 "])))\" date=\"\(date())\">"
        let separator = pick(["\n  ", "\n", " ", ""])
        return (chance(0.2) ? "<!-- 普查 -->\n" : "") + root + children.map { separator + $0 }.joined() + "\n</\(name("survey"))>\n"
    }

    // MARK: Mistakes

    /// `text` with one mistake a surveyor or a program could make, and its name.
    private mutating func mistake(in text: String) -> (String, String) {
        func replacingFirst(_ pattern: String, in text: String, with replacement: String) -> String? {
            guard let range = text.range(of: pattern, options: .regularExpression) else { return nil }
            return text.replacingCharacters(in: range, with: replacement)
        }
        let survey = name("survey")
        let closing = "</\(survey)>"
        let candidates: [(String, String?)] = [
            ("a word for a number", replacingFirst(#"(area|households|days|teams)="[^"]*""#, in: text, with: #"area="many""#)),
            ("a negative area", replacingFirst(#"area="[^"]*""#, in: text, with: #"area="-5""#)),
            ("an exponent", replacingFirst(#"floor-area="[^"]*""#, in: text, with: #"floor-area="1e3""#)),
            ("a date with slashes", replacingFirst(#"date="[^"]*""#, in: text, with: #"date="2024/05/14""#)),
            ("a word for a boolean", replacingFirst(#"central="[^"]*""#, in: text, with: #"central="yes""#)),
            ("an unknown element", text.replacingOccurrences(of: closing, with: "<\(name("sauna"))/>" + closing)),
            ("a repeated element", text.replacingOccurrences(
                of: closing, with: "<\(name("governance")) elections=\"true\"/><\(name("governance"))/>" + closing)),
            ("a second community", text.replacingOccurrences(of: closing, with: "<\(name("community")) name=\"又一\"/>" + closing)),
            ("no community", replacingFirst("<\(name("community"))[^>]*?(/>|>.*?</\(name("community"))>)", in: text, with: "")),
            ("a name too long", text.replacingOccurrences(of: closing, with: "<\(name("inspector"))>\(String(repeating: "王", count: 201))</\(name("inspector"))>" + closing)),
            ("too many codes", replacingFirst("<\(name("room"))", in: text, with: "<\(name("room")) " + #"type=""# + String(repeating: "a ", count: 21) + #"""#)),
            ("an undefined prefix", text.replacingOccurrences(of: closing, with: "<q:x/>" + closing)),
            ("a DOCTYPE", "<!DOCTYPE survey [<!ENTITY e \"x\">]>\n" + text),
            ("a foreign root namespace", text.replacingOccurrences(of: "urn:wuyou:survey:1", with: "urn:other")),
            ("a tag left open", text.replacingOccurrences(of: closing, with: "")),
            ("cut short", String(text.prefix(number(1...max(1, text.count - 1))))),
            ("a stray ampersand", text.replacingOccurrences(of: closing, with: "& " + closing)),
            ("an empty file", ""),
        ]
        let possible = candidates.compactMap { name, text in text.map { (name, $0) } }
        let (name, spoilt) = pick(possible)
        return (spoilt, name)
    }

    // MARK: Encodings

    private mutating func encoded(_ text: String) -> ([UInt8], String) {
        switch number(0...9) {
        case 0...4:
            let declaration = chance(0.7) ? #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" : ""
            let bom: [UInt8] = chance(0.1) ? [0xEF, 0xBB, 0xBF] : []
            return (bom + Array((declaration + text).utf8), "UTF-8")
        case 5...6:
            let full = #"<?xml version="1.0" encoding="GB18030"?>"# + "\n" + text
            return (Self.gb18030(full), "GB18030")
        default:
            let littleEndian = chance(0.5)
            let full = #"<?xml version="1.0" encoding="UTF-16"?>"# + "\n" + text
            var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
            for unit in full.utf16 {
                let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
                bytes += littleEndian ? pair : pair.reversed()
            }
            return (bytes, littleEndian ? "UTF-16LE" : "UTF-16BE")
        }
    }

    /// `text` in GB18030, by iconv (every Unicode scalar has a GB18030 form).
    static func gb18030(_ text: String) -> [UInt8] {
        let converter = iconv_open("GB18030", "UTF-8")
        precondition(converter != iconv_t(bitPattern: -1), "iconv has no GB18030")
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let written = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer -> Int in
                var inPointer = UnsafeMutableRawPointer(inputBuffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
                var inLeft = inputBuffer.count
                var outPointer = UnsafeMutableRawPointer(outputBuffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
                var outLeft = outputBuffer.count
                precondition(iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 && inLeft == 0, "not convertible")
                return outputBuffer.count - outLeft
            }
        }
        return Array(output.prefix(written))
    }
}
