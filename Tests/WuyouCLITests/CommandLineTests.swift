import Foundation
import Testing
import WuyouCore
import WuyouReports

/// Runs the built `wuyou` binary as a user would and checks exit statuses and output.
struct CommandResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

enum WuyouBinary {
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// `swift test` builds the executable beside the test bundle because this target depends on it.
    static var url: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("wuyou").path),
              directory.path != "/" {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("wuyou")
    }

    static func run(_ arguments: [String], in directory: URL = repository) throws -> CommandResult {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }
}

/// A fresh folder for one test, removed when the test is done with it.
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wuyou-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

/// Writes `contents` to `name` in `folder`.
func write(_ contents: String, to name: String, in folder: URL) throws -> URL {
    let url = folder.appendingPathComponent(name)
    try contents.write(to: url, atomically: true, encoding: .utf8)
    return url
}

/// The release binary, built with its own scratch path so that it never waits on the lock of
/// the `swift test` that runs this (CI builds it first, so this is then a no-op).
@Suite("The wuyou command line", .serialized)
struct CommandLineTests {
    struct ExitCase: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let status: Int32
        var testDescription: String { arguments.joined(separator: " ") + " → \(status)" }
    }

    @Test(arguments: [
        ExitCase(arguments: ["check", "examples/youyilu.xml"], status: 1),
        ExitCase(arguments: ["check", "examples/hangkonglu.xml", "--format", "json"], status: 1),
        ExitCase(arguments: ["check", "examples/no-such-file.xml"], status: 2),
        ExitCase(arguments: ["check"], status: 64),
        ExitCase(arguments: ["check", "examples/youyilu.xml", "--format", "yaml"], status: 64),
        ExitCase(arguments: ["check", "examples/youyilu.xml", "--checklist", "no-such-checklist"], status: 2),
        ExitCase(arguments: ["validate", "examples/youyilu.xml", "examples/daqiaolu.xml", "examples/hangkonglu.xml"], status: 0),
        ExitCase(arguments: ["validate", "examples/youyilu.xml", "Package.swift"], status: 2),
        ExitCase(arguments: ["checklist", "lint", "checklists/laohekou-2023.xml"], status: 0),
        ExitCase(arguments: ["checklist", "lint", "examples/youyilu.xml"], status: 2),
        ExitCase(arguments: ["checklist", "list"], status: 0),
        ExitCase(arguments: ["checklist", "show", "laohekou-2023"], status: 0),
        ExitCase(arguments: ["--version"], status: 0),
        ExitCase(arguments: ["init", "--date", "2024-5-1"], status: 64),
        ExitCase(arguments: ["init", "--date", "2024-02-31"], status: 64),
        ExitCase(arguments: ["init", "--date", "2024-02-29"], status: 0),
        ExitCase(arguments: ["form"], status: 0),
        ExitCase(arguments: ["form", "--lang", "en", "--checklist", "checklists/laohekou-2023.xml"], status: 0),
        ExitCase(arguments: ["form", "--checklist", "no-such-checklist"], status: 2),
        ExitCase(arguments: ["form", "--lang", "fr"], status: 64),
    ])
    func exitStatus(_ testCase: ExitCase) throws {
        let result = try WuyouBinary.run(testCase.arguments)
        #expect(result.status == testCase.status, "\(result.standardError)")
    }

    @Test func badInputGetsOneLineWithFileLineAndColumn() throws {
        try withTemporaryFolder { folder in
            let broken = try write(
                "<?xml version=\"1.0\"?>\n<survey xmlns=\"urn:wuyou:survey:1\">\n  <community name=\"x\">\n</survey>\n",
                to: "broken.xml", in: folder)
            let result = try WuyouBinary.run(["check", broken.path])
            #expect(result.status == 2)
            let lines = result.standardError.split(separator: "\n")
            #expect(lines.count == 1, "one line for one bad file, not libxml2's cascade: \(lines)")
            let first = try #require(lines.first)
            #expect(first.hasPrefix("\(broken.path):4:"), "\(first)")
            #expect(result.standardOutput.isEmpty)
        }
    }

    @Test func textOutputIsCompilerStyleWithASummary() throws {
        let result = try WuyouBinary.run(["check", "examples/youyilu.xml"])
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("examples/youyilu.xml:6:1: gap room.police ") })
        #expect(lines.contains { $0.hasPrefix("examples/youyilu.xml:23:1: partial five.regulations ") })
        #expect(lines.last?.contains("88.9%") == true)
    }

    @Test func jsonOutputIsTheReportFormatAndDeterministic() throws {
        let first = try WuyouBinary.run(["check", "examples/daqiaolu.xml", "--format", "json"])
        let second = try WuyouBinary.run(["check", "examples/daqiaolu.xml", "--format", "json"])
        #expect(first.standardOutput == second.standardOutput)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "wuyou-report/1")
        #expect((object["findings"] as? [Any])?.count == 31)
        let funding = try #require(object["funding"] as? [String: Any])
        #expect((funding["award"] as? NSNumber)?.intValue == 60000)
        #expect((funding["developerShortfallArea"] as? NSNumber)?.intValue == 20)
    }

    @Test func strictTurnsAMandatoryUnknownIntoFailure() throws {
        // Every mandatory requirement met except five.duties, which is not recorded.
        let survey = try String(contentsOf: WuyouBinary.repository.appendingPathComponent("examples/youyilu.xml"), encoding: .utf8)
            .replacingOccurrences(of: #"<room type="office""#, with: #"<room type="police" area="10">警务室</room><room type="office""#)
            .replacingOccurrences(of: "<regulation>服务承诺制</regulation>", with: "<regulation>服务承诺制</regulation><regulation>值班制度</regulation>")
            .replacingOccurrences(of: #"<duties documented="true" posted="true"/>"#, with: "")
        try withTemporaryFolder { folder in
            let file = try write(survey, to: "strict.xml", in: folder)
            #expect(try WuyouBinary.run(["check", file.path]).status == 0)
            #expect(try WuyouBinary.run(["check", file.path, "--strict"]).status == 1)
        }
    }

    @Test func initPrintsASurveyThatValidatesAndJudgesNothing() throws {
        let result = try WuyouBinary.run(["init", "--community", "友谊路社区 & <新>", "--date", "2024-06-01"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("友谊路社区 &amp; &lt;新&gt;"))
        try withTemporaryFolder { folder in
            let file = try write(result.standardOutput, to: "blank.xml", in: folder)
            let validation = try WuyouBinary.run(["validate", file.path])
            #expect(validation.status == 0, "\(validation.standardError)")
            let check = try WuyouBinary.run(["check", file.path, "--format", "json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(check.standardOutput.utf8)) as? [String: Any])
            let counts = try #require(object["counts"] as? [String: Int])
            #expect(counts["met"] == 0 && counts["gap"] == 0 && counts["partial"] == 0, "\(counts)")
            #expect(object["score"] is NSNull)
            #expect(check.status == 1)
        }
    }

    @Test func initTakesTheRoomsFromTheChecklistAndTheIDFromTheCommunity() throws {
        let first = try WuyouBinary.run(["init", "--community", "光化路社区", "--date", "2024-06-01"])
        let second = try WuyouBinary.run(["init", "--community", "友谊路社区", "--date", "2024-06-01"])
        #expect(first.standardOutput.contains(#"id="光化路社区-2024-06-01""#))
        #expect(second.standardOutput.contains(#"id="友谊路社区-2024-06-01""#))
        let coded = try WuyouBinary.run(["init", "--community", "光化路社区", "--code", "420682001", "--date", "2024-06-01"])
        #expect(coded.standardOutput.contains(#"id="420682001-2024-06-01""#))
        try withTemporaryFolder { folder in
            let checklist = try String(contentsOf: WuyouBinary.repository.appendingPathComponent("checklists/laohekou-2023.xml"), encoding: .utf8)
                .replacingOccurrences(of: "<label lang=\"zh\">警务室</label>", with: "<label lang=\"zh\">治安室</label>")
            let file = try write(checklist, to: "city.xml", in: folder)
            let result = try WuyouBinary.run(["init", "--checklist", file.path, "--date", "2024-06-01"])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput.contains(#"<room type="police" area="（面积，平方米）">治安室</room>"#))
            let missing = try WuyouBinary.run(["init", "--checklist", "beijing-2024"])
            #expect(missing.status == 2)
            #expect(missing.standardError.contains("laohekou-2023"), "names the bundled checklists: \(missing.standardError)")
        }
    }

    @Test func formPrintsOneSelfContainedPage() throws {
        let result = try WuyouBinary.run(["form"])
        #expect(result.status == 0 && result.standardError.isEmpty, "\(result.standardError)")
        let page = result.standardOutput
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(page.hasSuffix("</html>\n"))
        #expect(page.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;sha256-"#))
        #expect(page.contains(#"<input type="file" id="open""#) && page.contains(#"id="save""#))
        #expect(page.contains(#"name="community/@households""#) && page.contains(#"name="centre/hall/@one-door""#))
        #expect(try WuyouBinary.run(["form"]).standardOutput == page, "deterministic")
    }

    static let helpCommands = [
        ["--help"], ["check", "--help"], ["audit", "--help"], ["validate", "--help"], ["init", "--help"], ["form", "--help"],
        ["import", "--help"], ["checklist", "--help"], ["checklist", "list", "--help"], ["checklist", "show", "--help"],
        ["checklist", "lint", "--help"], ["checklist", "diff", "--help"],
    ]

    @Test("every command's help is in Chinese by default, with examples", arguments: helpCommands)
    func everyCommandsHelpHasExamples(_ arguments: [String]) throws {
        let result = try WuyouBinary.run(arguments)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("示例"))
        let command = (["wuyou"] + arguments.filter { !$0.hasPrefix("-") }).joined(separator: " ")
        #expect(result.standardOutput.contains("用法：\(command)"), "help of another command was printed")
        for english in ["OVERVIEW", "USAGE", "OPTIONS", "Show help information", "(default:", "(values:"] {
            #expect(!result.standardOutput.contains(english), "English left in the Chinese help: \(english)")
        }
    }

    @Test("every command's help is in English under --lang en", arguments: helpCommands)
    func englishHelp(_ arguments: [String]) throws {
        let result = try WuyouBinary.run(arguments + ["--lang", "en"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Example"))
        let command = (["wuyou"] + arguments.filter { !$0.hasPrefix("-") }).joined(separator: " ")
        #expect(result.standardOutput.contains("USAGE: \(command)"))
        #expect(!result.standardOutput.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "Chinese in the English help")
    }

    struct Slip: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var zh: String
        var en: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    @Test("usage errors are worded in the language asked for, and slips get a suggestion", arguments: [
        Slip(arguments: ["chek", "x.xml"], zh: "错误：没有命令 chek；是否应为 check？", en: "Error: There is no command chek; did you mean check?"),
        Slip(arguments: ["check", "examples/youyilu.xml", "--fromat", "json"], zh: "错误：未知选项 --fromat；是否应为 --format？",
             en: "Error: Unknown option --fromat; did you mean --format?"),
        Slip(arguments: ["audit", "examples"], zh: "错误：缺少必需的参数 --out <out>", en: "Error: Missing expected argument '--out <out>'"),
        Slip(arguments: ["check", "examples/youyilu.xml", "--format", "jsn"], zh: "错误：“jsn”不是 --format <format> 可用的取值；可选：'text'、'json'",
             en: "Error: The value 'jsn' is invalid for '--format <format>'"),
        Slip(arguments: ["audit", "examples", "--out", "x", "--jobs", "0"], zh: "错误：--jobs 至少为 1。", en: "Error: --jobs must be at least 1."),
        Slip(arguments: ["frobnicate"], zh: "错误：没有命令 frobnicate；可用的命令：check、audit", en: "Error: There is no command frobnicate; the commands are: check, audit"),
    ])
    func usageErrors(_ slip: Slip) throws {
        let chinese = try WuyouBinary.run(slip.arguments)
        #expect(chinese.status == 64)
        #expect(chinese.standardError.contains(slip.zh), "\(chinese.standardError)")
        #expect(!chinese.standardError.contains("Error:") && !chinese.standardError.contains("Usage:"))
        let english = try WuyouBinary.run(slip.arguments + ["--lang", "en"])
        #expect(english.status == 64)
        #expect(english.standardError.contains(slip.en), "\(english.standardError)")
    }

    @Test("a full disk on stdout is exit 2 with a message, never a silent loss")
    func fullStandardOutput() throws {
        let process = Process()
        process.executableURL = WuyouBinary.url
        process.arguments = ["check", "examples/youyilu.xml", "--lang", "en"]
        process.currentDirectoryURL = WuyouBinary.repository
        process.standardOutput = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message.contains("cannot write: the disk is full"), "\(message)")
    }

    @Test("--html replaces an empty file or a report wuyou wrote, writes through a device, follows a link, refuses a folder")
    func htmlOutputTargets() throws {
        try withTemporaryFolder { folder in
            let regular = try write("", to: "r.html", in: folder)
            #expect(try WuyouBinary.run(["check", "examples/youyilu.xml", "--html", regular.path]).status == 1)
            #expect(try String(contentsOf: regular, encoding: .utf8).contains("友谊路社区"))
            // Its own report, from an earlier run, is replaced again.
            #expect(try WuyouBinary.run(["check", "examples/daqiaolu.xml", "--html", regular.path]).status == 1)
            #expect(try String(contentsOf: regular, encoding: .utf8).contains("大桥路社区"))

            // A character device stays a device (as root, renaming over it would make it a file).
            #expect(try WuyouBinary.run(["check", "examples/youyilu.xml", "--html", "/dev/null"]).status == 1)
            var status = stat()
            #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)

            let target = try write("", to: "target.html", in: folder)
            let link = folder.appendingPathComponent("link.html")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)
            #expect(try WuyouBinary.run(["check", "examples/youyilu.xml", "--html", link.path]).status == 1)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path, "the link stays a link")
            #expect(try String(contentsOf: target, encoding: .utf8).contains("友谊路社区"))

            let refused = try WuyouBinary.run(["check", "examples/youyilu.xml", "--html", folder.path, "--lang", "en"])
            #expect(refused.status == 2)
            #expect(refused.standardError.hasPrefix("\(folder.path):1:1: cannot write: it is a directory"), "\(refused.standardError)")
            let missing = try WuyouBinary.run(["check", "examples/youyilu.xml", "--html", "/nonexistent/dir/r.html", "--lang", "en"])
            #expect(missing.status == 2)
            #expect(missing.standardError == "/nonexistent/dir/r.html:1:1: cannot write: no such file or folder\n")
            let chinese = try WuyouBinary.run(["check", "examples/youyilu.xml", "--html", "/nonexistent/dir/r.html"])
            #expect(chinese.standardError == "/nonexistent/dir/r.html:1:1: 无法写入：文件或文件夹不存在\n")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
            #expect(leftovers.isEmpty)
        }
    }

    struct Victim: CustomTestStringConvertible, Sendable {
        var name: String
        var contents: String
        /// How `--html` names it: directly, through a symbolic link, or through a hard link.
        var via: String
        var code: String
        var testDescription: String { "\(name) via \(via)" }
    }

    @Test("--html never replaces an input or a file wuyou did not write; exit 2, naming the file, the file untouched", arguments: [
        Victim(name: "the survey itself", contents: "", via: "itself", code: "this is one of the command's inputs"),
        Victim(name: "the survey itself", contents: "", via: "symlink", code: "this is one of the command's inputs"),
        Victim(name: "the survey itself", contents: "", via: "hardlink", code: "this is one of the command's inputs"),
        Victim(name: "another survey", contents: "<survey/>", via: "itself", code: "exists and was not written by wuyou"),
        Victim(name: "notes.html", contents: "<p>my notes</p>", via: "itself", code: "exists and was not written by wuyou"),
        Victim(name: "notes.html", contents: "<p>my notes</p>", via: "symlink", code: "exists and was not written by wuyou"),
        Victim(name: "a report that mentions the mark", contents: "<!-- wuyou-report --> and then my own text", via: "itself",
               code: "exists and was not written by wuyou"),
    ])
    func htmlNeverReplacesInputs(_ victim: Victim) throws {
        try withTemporaryFolder { folder in
            let survey = folder.appendingPathComponent("victim.xml")
            try FileManager.default.copyItem(at: WuyouBinary.repository.appendingPathComponent("examples/youyilu.xml"), to: survey)
            let original = try Data(contentsOf: survey)
            let file = victim.name == "the survey itself" ? survey : try write(victim.contents, to: "victim.html", in: folder)
            let before = try Data(contentsOf: file)
            var named = file
            switch victim.via {
            case "symlink":
                named = folder.appendingPathComponent("link.html")
                try FileManager.default.createSymbolicLink(atPath: named.path, withDestinationPath: file.path)
            case "hardlink":
                named = folder.appendingPathComponent("hard.html")
                try FileManager.default.linkItem(at: file, to: named)
            default: break
            }
            let result = try WuyouBinary.run(["check", survey.path, "--html", named.path, "--lang", "en"])
            #expect(result.status == 2)
            #expect(result.standardError.contains("\(named.path):1:1: \(victim.code)"), "\(result.standardError)")
            #expect(try Data(contentsOf: file) == before)
            #expect(try Data(contentsOf: survey) == original)
            let chinese = try WuyouBinary.run(["check", survey.path, "--html", named.path])
            #expect(chinese.status == 2 && chinese.standardError.contains(named.path + ":1:1: "))
        }
    }

    @Test("checklist diff exits 0 for the same checklist, 1 for a changed one; show prints each rule's parameters")
    func checklistShowAndDiff() throws {
        #expect(try WuyouBinary.run(["checklist", "diff", "laohekou-2023", "checklists/laohekou-2023.xml"]).status == 0)
        try withTemporaryFolder { folder in
            let text = try String(contentsOf: WuyouBinary.repository.appendingPathComponent("checklists/laohekou-2023.xml"), encoding: .utf8)
                .replacingOccurrences(of: #"<param name="minimum" value="300"/>"#, with: #"<param name="minimum" value="400"/>"#)
            let file = try write(text, to: "city.xml", in: folder)
            let diff = try WuyouBinary.run(["checklist", "diff", "laohekou-2023", file.path, "--lang", "en"])
            #expect(diff.status == 1)
            #expect(diff.standardOutput.contains("- numeric-minimum(fact=centre.area, minimum=300"))
            #expect(diff.standardOutput.contains("+ numeric-minimum(fact=centre.area, minimum=400"))
            let show = try WuyouBinary.run(["checklist", "show", file.path, "--lang", "en"])
            #expect(show.standardOutput.contains("modified"))
            #expect(show.standardOutput.contains("    numeric-minimum(fact=centre.area, minimum=400, unit=m2, premises-none-as-zero=true)"))
            let lint = try WuyouBinary.run(["checklist", "lint", file.path, "--lang", "en"])
            #expect(lint.status == 0)
            #expect(lint.standardError.contains("warning: requirement area.minimum"))
            let check = try WuyouBinary.run(["check", "examples/youyilu.xml", "--checklist", file.path, "--format", "json"])
            #expect(check.standardOutput.contains(#""modified": true"#))
        }
    }

    @Test("text output marks severity, mandatory first; colours only on request, never with NO_COLOR")
    func severityAndColour() throws {
        let result = try WuyouBinary.run(["check", "examples/hangkonglu.xml"])
        let lines = result.standardOutput.split(separator: "\n").filter { $0.contains(" gap ") || $0.contains(" partial ") || $0.contains(" unknown ") }
        let severities = lines.map { $0.contains("[必备]") ? 0 : 1 }
        #expect(severities == severities.sorted(), "mandatory lines come first")
        #expect(severities.contains(0) && severities.contains(1))
        #expect(!result.standardOutput.contains("\u{1B}["), "no colour when stdout is not a terminal")
        let report = try #require(try? SurveyLoader.load(path: WuyouBinary.repository.appendingPathComponent("examples/hangkonglu.xml").path))
        let checklist = try ChecklistReader.load(idOrPath: "laohekou-2023")
        let coloured = TextReportRenderer(language: .zh, colour: true).render(Evaluator(checklist: checklist).evaluate(report.survey))
        #expect(coloured.contains("\u{1B}[31;1mgap\u{1B}[0m"))
    }
}
