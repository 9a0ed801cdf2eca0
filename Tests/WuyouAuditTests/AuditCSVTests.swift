import Foundation
import Testing
import WuyouAudit
import WuyouCore
import WuyouTestSupport
@testable import WuyouReports

@Suite("audit.csv")
struct AuditCSVTests {
    typealias F = AuditFixtures
    let scratch = ScratchFolder()

    struct FieldCase: CustomTestStringConvertible, Sendable {
        var name: String
        var value: String
        var field: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        FieldCase(name: "plain", value: "友谊路社区", field: "友谊路社区"),
        FieldCase(name: "comma", value: "东,西社区", field: #""东,西社区""#),
        FieldCase(name: "quote", value: #"“新”"老"社区"#, field: #""“新”""老""社区""#),
        FieldCase(name: "newline", value: "上\n下", field: "\"上\n下\""),
        FieldCase(name: "carriage return", value: "上\r下", field: "\"上\r下\""),
        FieldCase(name: "empty", value: "", field: ""),
    ])
    func quoting(_ example: FieldCase) {
        #expect(CSVFormat.field(example.value) == example.field)
    }

    @Test(arguments: [
        FieldCase(name: "formula", value: "=HYPERLINK(\"http://x\")", field: "'=HYPERLINK(\"http://x\")"),
        FieldCase(name: "plus", value: "+1", field: "'+1"),
        FieldCase(name: "minus", value: "-1+1", field: "'-1+1"),
        FieldCase(name: "at", value: "@SUM(A1)", field: "'@SUM(A1)"),
        FieldCase(name: "tab", value: "\t=1", field: "'\t=1"),
        FieldCase(name: "formula later in the text is harmless", value: "社区=1", field: "社区=1"),
    ])
    func surveyTextNeverStartsAFormula(_ example: FieldCase) {
        #expect(CSVFormat.text(example.value) == example.field)
    }

    @Test("BOM, CRLF records, RFC 4180 quoting of community names, one status column per requirement")
    func fileShape() async throws {
        let input = try scratch.folder()
        try F.write([
            "a.xml": F.survey(id: "a", community: "东,西社区"),
            "b.xml": F.survey(id: "b", community: "&quot;新&quot;社区", area: 250),
            "c.xml": F.survey(id: "c", community: "上&#10;下社区"),
        ], in: input)
        let out = try scratch.folder().appendingPathComponent("site")
        _ = try await F.build([input], out: out)
        let data = try Data(contentsOf: out.appendingPathComponent("audit.csv"))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        let records = text.components(separatedBy: "\r\n")
        #expect(records.count == 5 && records.last == "")
        let header = records[0].split(separator: ",").map(String.init)
        #expect(header.prefix(6) == ["path", "id", "community", "subdistrict", "passes", "score"])
        #expect(Array(header.dropFirst(6)) == F.checklist.requirements.map(\.id) + ["draft"])
        #expect(records[1].hasPrefix(input.path + #"/a.xml,a,"东,西社区",赞阳办事处,true,1,met,"#))
        #expect(records[2].hasPrefix(input.path + #"/b.xml,b,"""新""社区",赞阳办事处,false,"#))
        #expect(records[2].contains(",met,gap,gap,"))
        #expect(records[3].hasPrefix(input.path + "/c.xml,c,\"上\n下社区\","))
        #expect(records[1].split(separator: ",", omittingEmptySubsequences: false).count == 8 + F.checklist.requirements.count)
        #expect(records[1].hasSuffix(",false"), "not a draft")
    }
}
