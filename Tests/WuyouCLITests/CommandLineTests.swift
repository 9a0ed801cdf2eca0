import Foundation
import Testing

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

private func temporaryFile(_ name: String, _ contents: String) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wuyou-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try contents.write(to: url, atomically: true, encoding: .utf8)
    return url
}

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
    ])
    func exitStatus(_ testCase: ExitCase) throws {
        let result = try WuyouBinary.run(testCase.arguments)
        #expect(result.status == testCase.status, "\(result.standardError)")
    }

    @Test func badInputGetsOneLineWithFileLineAndColumn() throws {
        let broken = try temporaryFile("broken.xml", "<?xml version=\"1.0\"?>\n<survey xmlns=\"urn:wuyou:survey:1\">\n  <community name=\"x\">\n</survey>\n")
        let result = try WuyouBinary.run(["check", broken.path])
        #expect(result.status == 2)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "one line for one bad file, not libxml2's cascade: \(lines)")
        let first = try #require(lines.first)
        #expect(first.hasPrefix("\(broken.path):4:"), "\(first)")
        #expect(result.standardOutput.isEmpty)
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
        let file = try temporaryFile("strict.xml", survey)
        #expect(try WuyouBinary.run(["check", file.path]).status == 0)
        #expect(try WuyouBinary.run(["check", file.path, "--strict"]).status == 1)
    }

    @Test func initPrintsABlankSurveyThatValidates() throws {
        let result = try WuyouBinary.run(["init", "--community", "友谊路社区 & <新>", "--date", "2024-06-01"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("友谊路社区 &amp; &lt;新&gt;"))
        let file = try temporaryFile("blank.xml", result.standardOutput)
        let validation = try WuyouBinary.run(["validate", file.path])
        #expect(validation.status == 0, "\(validation.standardError)")
    }

    @Test(arguments: [["--help"], ["check", "--help"], ["audit", "--help"], ["validate", "--help"], ["init", "--help"], ["checklist", "--help"], ["checklist", "lint", "--help"]])
    func everyCommandsHelpHasExamples(_ arguments: [String]) throws {
        let result = try WuyouBinary.run(arguments)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Example"))
        let command = (["wuyou"] + arguments.filter { !$0.hasPrefix("-") }).joined(separator: " ")
        #expect(result.standardOutput.contains("USAGE: \(command)"), "help of another command was printed")
    }

    @Test func releaseBinaryWorksAloneInAnEmptyFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wuyou-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("wuyou")
        try FileManager.default.copyItem(at: WuyouBinary.url, to: copy)
        try FileManager.default.copyItem(
            at: WuyouBinary.repository.appendingPathComponent("examples/hangkonglu.xml"), to: folder.appendingPathComponent("s.xml"))
        let process = Process()
        process.executableURL = copy
        process.arguments = ["check", "s.xml", "--format", "json"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
    }
}
