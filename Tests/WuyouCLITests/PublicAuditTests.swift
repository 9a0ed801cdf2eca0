import Foundation
import Testing

/// `wuyou audit --public`: of a survey's text only the public fields (ids, community and
/// sub-district names, room names and codes) leave wuyou — in no file, on no stream.
@Suite("wuyou audit --public")
struct PublicAuditTests {
    /// A survey whose every free-text place holds a secret, `秘` followed by where it was put.
    static func survey(id: String, notes: String = "秘备注", inspector: String = "秘检查人") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- 秘注释 -->
        <survey xmlns="urn:wuyou:survey:1" xmlns:city="urn:city" id="\(id)" date="2024-05-14">
          <inspector>\(inspector)</inspector>
          <inspector>（秘括号）</inspector>
          <community name="公开社区" code="420682001001" subdistrict="公开办事处" households="1500"/>
          <centre area="280" premises="own">
            <hall one-door="true" windows="3"/>
            <room type="office" area="30">办公室</room>
            <room area="20">警物室</room>
          </centre>
          <service-station>
            <staff full-time="2"/>
            <services><service>秘服务</service></services>
            <regulations><regulation>秘制度</regulation></regulations>
            <department-windows><department name="秘部门" window="false"/></department-windows>
          </service-station>
          <developments><development name="秘开发项目" floor-area="10000" service-space="5"/></developments>
          <city:extra>秘自定义</city:extra>
          <notes>\(notes)</notes>
        </survey>
        """
    }

    @Test("no file, no stdout line and no stderr line carries survey text other than the public fields", arguments: ["zh", "en"])
    func nothingPrivateLeaves(_ language: String) throws {
        try withTemporaryFolder { folder in
            let input = folder.appendingPathComponent("surveys")
            try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
            try write(Self.survey(id: "good"), to: "surveys/good.xml", in: folder)
            try write(Self.survey(id: "bracketed", notes: "（秘括号备注）"), to: "surveys/bracketed.xml", in: folder)
            // Broken files whose errors libxml2 words by quoting the text.
            try write(Self.survey(id: "cdata", notes: "<![CDATA[秘断开的备注 13800000000"), to: "surveys/cdata.xml", in: folder)
            try write(Self.survey(id: "comment", inspector: "<!-- 秘断开的检查人"), to: "surveys/comment.xml", in: folder)
            try write(Self.survey(id: "invalid").replacingOccurrences(of: #"premises="own""#, with: #"premises="秘取值""#),
                      to: "surveys/invalid.xml", in: folder)
            let out = folder.appendingPathComponent("site")
            let result = try WuyouBinary.run(["audit", input.path, "--out", out.path, "--public", "--lang", language])
            #expect(result.status == 2)
            var everything = ["stdout": result.standardOutput, "stderr": result.standardError]
            let files = try #require(FileManager.default.enumerator(atPath: out.path)).compactMap { $0 as? String }
            #expect(files.contains("index.html") && files.contains("audit.json"))
            for file in files {
                let data = (try? Data(contentsOf: out.appendingPathComponent(file))) ?? Data()
                everything[file] = String(decoding: data, as: UTF8.self)
            }
            for (place, text) in everything {
                #expect(!text.contains("秘") && !text.contains("13800000000"), "\(place) carries private text")
            }
            // The public fields are there.
            let index = try #require(everything["index.html"])
            #expect(index.contains("公开社区") && index.contains("公开办事处"))
            #expect(result.standardError.contains("cdata.xml") && result.standardError.contains("invalid.xml"))
            // Without --public the same run does carry them: the check above means something.
            let open = try WuyouBinary.run(["audit", input.path, "--out", folder.appendingPathComponent("open").path, "--lang", language])
            #expect(open.standardError.contains("秘"))
        }
    }

    @Test("a remark in brackets is a value, not a draft; only wuyou init's own placeholders make a draft")
    func bracketsAreValues() throws {
        try withTemporaryFolder { folder in
            try write(Self.survey(id: "b", notes: "（无）", inspector: "（李四）"), to: "b.xml", in: folder)
            let remark = try WuyouBinary.run(["check", folder.appendingPathComponent("b.xml").path, "--format", "json"])
            #expect(!remark.standardOutput.contains(#""draft""#))
            try write(Self.survey(id: "d", inspector: "（检查人姓名）"), to: "d.xml", in: folder)
            let draft = try WuyouBinary.run(["check", folder.appendingPathComponent("d.xml").path, "--format", "json"])
            #expect(draft.standardOutput.contains(#""draft": true"#))
            try write(Self.survey(id: "e", inspector: "(inspector's name)"), to: "e.xml", in: folder)
            let english = try WuyouBinary.run(["check", folder.appendingPathComponent("e.xml").path, "--format", "json"])
            #expect(english.standardOutput.contains(#""draft": true"#))
        }
    }

    @Test("wuyou init without --community: filling in the name leaves the placeholder id, which keeps the survey a draft", arguments: ["zh", "en"])
    func placeholderID(_ language: String) throws {
        try withTemporaryFolder { folder in
            let template = try WuyouBinary.run(["init", "--date", "2024-05-14", "--lang", language]).standardOutput
            let placeholders = language == "zh" ? ["（社区名称）", "（检查人姓名）", "（街道办事处）"] : ["(community name)", "(inspector's name)", "(sub-district office)"]
            var filled = template
            // The name, inspector and sub-district filled in where they stand as values; the id left as init wrote it.
            for (placeholder, value) in zip(placeholders, ["友谊路社区", "李四", "赞阳办事处"]) {
                filled = filled.replacingOccurrences(of: "\"\(placeholder)\"", with: "\"\(value)\"")
                    .replacingOccurrences(of: ">\(placeholder)<", with: ">\(value)<")
            }
            try write(filled, to: "s.xml", in: folder)
            let result = try WuyouBinary.run(["check", folder.appendingPathComponent("s.xml").path, "--format", "json"])
            #expect(result.standardOutput.contains(#""draft": true"#), "\(filled)")
            try write(filled.replacingOccurrences(of: "id=\"\(language == "zh" ? "（社区名称）" : "(community-name)")-", with: "id=\"youyilu-"),
                      to: "t.xml", in: folder)
            let renamed = try WuyouBinary.run(["check", folder.appendingPathComponent("t.xml").path, "--format", "json"])
            #expect(!renamed.standardOutput.contains(#""draft""#))
        }
    }
}
