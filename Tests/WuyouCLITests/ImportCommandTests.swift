import Foundation
import Testing

/// `wuyou import`, and workbooks given to `check` and `audit`, as a user runs them.
@Suite("wuyou import and workbooks", .serialized)
struct ImportCommandTests {
    static let examples = WuyouBinary.repository.appendingPathComponent("Tests/WuyouWorkbookTests/Fixtures/examples.xlsx").path

    @Test(arguments: [
        CommandLineTests.ExitCase(arguments: ["import"], status: 64),
        CommandLineTests.ExitCase(arguments: ["import", "a.xlsx"], status: 64),
        CommandLineTests.ExitCase(arguments: ["import", "a.xlsx", "b.xlsx", "--out", "x"], status: 64),
        CommandLineTests.ExitCase(arguments: ["import", "--template", "t.xlsx", "--out", "x"], status: 64),
        CommandLineTests.ExitCase(arguments: ["import", "no-such.xlsx", "--out", "x"], status: 2),
        CommandLineTests.ExitCase(arguments: ["import", "examples/youyilu.xml", "--out", "x"], status: 2),
        CommandLineTests.ExitCase(arguments: ["check", "a.xlsx", "b.csv"], status: 64),
        CommandLineTests.ExitCase(arguments: ["check", "examples/youyilu.xml", "--survey", "x"], status: 64),
    ])
    func usage(_ testCase: CommandLineTests.ExitCase) throws {
        let result = try WuyouBinary.run(testCase.arguments)
        #expect(result.status == testCase.status, "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: WuyouBinary.repository.appendingPathComponent("x").path))
    }

    @Test func theTemplateImportsToNothing() throws {
        try withTemporaryFolder { folder in
            let template = folder.appendingPathComponent("普查.xlsx").path
            let written = try WuyouBinary.run(["import", "--template", template])
            #expect(written.status == 0, "\(written.standardError)")
            let first = try Data(contentsOf: URL(fileURLWithPath: template))
            let imported = try WuyouBinary.run(["import", template, "--out", folder.appendingPathComponent("out").path])
            #expect(imported.status == 0, "\(imported.standardError)")
            #expect(imported.standardError.isEmpty)
            #expect(imported.standardOutput.hasSuffix("：0 份调查表已写出（共 0 份）\n"))
            // Asked again, the same template: same bytes, no complaint; a filled-in workbook is kept.
            #expect(try WuyouBinary.run(["import", "--template", template]).status == 0)
            #expect(try Data(contentsOf: URL(fileURLWithPath: template)) == first)
            try Data("filled".utf8).write(to: URL(fileURLWithPath: template))
            let refused = try WuyouBinary.run(["import", "--template", template, "--lang", "en"])
            #expect(refused.status == 2)
            #expect(refused.standardError == "\(template):1:1: exists and may hold data; not replaced (choose another name or move it away)\n")
        }
    }

    @Test func aWorkbookBecomesOneFilePerSurveyTheSameEachTime() throws {
        try withTemporaryFolder { folder in
            let out = folder.appendingPathComponent("surveys").path
            let first = try WuyouBinary.run(["import", Self.examples, "--out", out])
            #expect(first.status == 0, "\(first.standardError)")
            let names = ["zanyang-daqiaolu-2024-05", "zanyang-hangkonglu-2023-11", "zanyang-youyilu-2024-05"]
            #expect(first.standardOutput == names.map { "\(out)/\($0).xml\n" }.joined() + "\(out)：3 份调查表已写出（共 3 份）\n")
            let bytes = try names.map { try Data(contentsOf: URL(fileURLWithPath: "\(out)/\($0).xml")) }
            let second = try WuyouBinary.run(["import", Self.examples, "--out", out])
            #expect(second.status == 0, "\(second.standardError)")
            #expect(try names.map { try Data(contentsOf: URL(fileURLWithPath: "\(out)/\($0).xml")) } == bytes)
            #expect(try WuyouBinary.run(["validate"] + names.map { "\(out)/\($0).xml" }).status == 0)

            // A survey written by hand under the same name is never replaced.
            try Data("<survey/>".utf8).write(to: URL(fileURLWithPath: "\(out)/\(names[0]).xml"))
            let third = try WuyouBinary.run(["import", Self.examples, "--out", out])
            #expect(third.status == 2)
            #expect(third.standardError.contains("\(out)/\(names[0]).xml:1:1: 已存在且不是 wuyou import 生成的文件"))
            #expect(third.standardOutput.hasSuffix("：2 份调查表已写出（共 3 份）\n"))
        }
    }

    @Test func badCellsAreReportedAndTheOtherSurveysWritten() throws {
        try withTemporaryFolder { folder in
            let surveys = try write("调查编号,调查日期,社区名称,中心总面积\r\na-1,2024-05-14,甲社区,三十\r\nb-1,2024/5/14,乙社区,300㎡\r\n",
                                    to: "调查表.csv", in: folder)
            let rooms = try write("survey,name,area\nb-1,警务室,20\n", to: "用房.csv", in: folder)
            let out = folder.appendingPathComponent("out").path
            let result = try WuyouBinary.run(["import", surveys.path, rooms.path, "--out", out])
            #expect(result.status == 2)
            #expect(result.standardError == "\(surveys.path):调查表!D2: 中心总面积“三十”不是数字：只写数字（单位 m²），如 300\n")
            #expect(result.standardOutput.hasSuffix("\(out)：1 份调查表已写出（共 2 份）\n"))
            #expect(FileManager.default.fileExists(atPath: "\(out)/b-1.xml"))
            #expect(!FileManager.default.fileExists(atPath: "\(out)/a-1.xml"))
            let english = try WuyouBinary.run(["import", surveys.path, rooms.path, "--out", out, "--lang", "en"])
            #expect(english.standardError == "\(surveys.path):调查表!D2: centre-area \"三十\" is not a number: write digits only (in m²), e.g. 300\n")
        }
    }

    @Test func checkPointsFindingsAtCells() throws {
        try withTemporaryFolder { folder in
            let surveys = try write("id,date,community,households,centre-area,premises\nx-1,2024-05-14,甲社区,1500,280,自有\n",
                                    to: "surveys.csv", in: folder)
            let rooms = try write("survey,name,area\nx-1,警务室,20\nx-1,储藏室,0\n", to: "rooms.csv", in: folder)
            let result = try WuyouBinary.run(["check", surveys.path, rooms.path])
            #expect(result.status == 1, "\(result.standardError)")
            let lines = result.standardOutput.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.hasPrefix("\(surveys.path):surveys!A2: gap area.minimum ") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("\(rooms.path):rooms!A3: 警告：") }, "\(lines)")
            #expect(lines.last?.hasPrefix("\(surveys.path):surveys!A2: 未达标") == true)

            let several = try WuyouBinary.run(["check", Self.examples])
            #expect(several.status == 2)
            #expect(several.standardError.contains("--survey"))
            let picked = try WuyouBinary.run(["check", Self.examples, "--survey", "zanyang-daqiaolu-2024-05", "--format", "json"])
            #expect(picked.status == 1, "\(picked.standardError)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(picked.standardOutput.utf8)) as? [String: Any])
            #expect((object["survey"] as? [String: Any])?["id"] as? String == "zanyang-daqiaolu-2024-05")
        }
    }

    @Test func auditTakesWorkbooksAndListsBadCellsLikeUnreadableFiles() throws {
        try withTemporaryFolder { folder in
            let surveys = try write("id,date,community\nbad-1,2024-05-14,\ngood-1,2024-05-14,乙社区\n", to: "surveys.csv", in: folder)
            let site = folder.appendingPathComponent("site").path
            let result = try WuyouBinary.run(["audit", Self.examples, surveys.path, "examples/youyilu.xml", "--out", site, "--quiet"])
            #expect(result.status == 2)
            #expect(result.standardError.contains("\(surveys.path):surveys!C2: 社区名称必须填写"), "\(result.standardError)")
            #expect(result.standardError.contains("重复的调查编号 zanyang-youyilu-2024-05"), "\(result.standardError)")
            let data = try Data(contentsOf: URL(fileURLWithPath: site + "/audit.json"))
            let audit = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let reports = try #require(audit["reports"] as? [[String: Any]])
            let paths = reports.compactMap { ($0["survey"] as? [String: Any])?["path"] as? String }
            #expect(paths.contains("\(Self.examples):调查表!AH2"))
            #expect(paths.contains("\(surveys.path):surveys!A3"))
            #expect(reports.count == 4, "the youyilu.xml file repeats a workbook survey id")
            #expect(FileManager.default.fileExists(atPath: site + "/surveys/good-1.html"))
        }
    }

    @Test func helpHasExamples() throws {
        let result = try WuyouBinary.run(["import", "--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("wuyou import --template"))
    }
}
