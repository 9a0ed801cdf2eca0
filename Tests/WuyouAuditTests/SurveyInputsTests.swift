import Foundation
import Testing
import WuyouCore
@testable import WuyouAudit
import WuyouTestSupport

@Suite("Finding the surveys an audit reads")
struct SurveyInputsTests {
    /// Removed with the suite instance (one per test).
    final class Scratch: Sendable {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wuyou-inputs-\(UUID().uuidString)")
        deinit { try? FileManager.default.removeItem(at: root) }
    }

    let scratch = Scratch()

    func folder(_ files: [String: String]) throws -> URL {
        let url = scratch.root
        for (path, text) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        return url
    }

    @Test("folders are searched recursively for *.xml in byte order; hidden entries skipped; each file once")
    func discovery() throws {
        let root = try folder([
            "b.xml": "", "a.XML": "", "sub/c.xml": "", "sub/deeper/d.xml": "", "notes.txt": "",
            ".git/e.xml": "", "sub/.f.xml": "", "Z.xml": "",
        ])
        let path = root.path
        let found = SurveyInputs.discover([path + "/sub", path, path + "/b.xml", path + "/missing.xml"])
        #expect(found.files == [
            path + "/Z.xml", path + "/a.XML", path + "/b.xml", path + "/missing.xml",
            path + "/sub/c.xml", path + "/sub/deeper/d.xml",
        ])
        #expect(found.errors.isEmpty)
    }

    @Test("a file reached through a symbolic link and directly is kept once")
    func linkedDuplicates() throws {
        let root = try folder(["real/a.xml": ""])
        try FileManager.default.createSymbolicLink(atPath: root.path + "/link", withDestinationPath: root.path + "/real")
        let found = SurveyInputs.discover([root.path])
        #expect(found.files == [root.path + "/link/a.xml"])
    }

    @Test("a hard link is the same file; files a listing gives one inode number (as FUSE may) stay apart")
    func identitiesFromListingsAreHints() throws {
        let root = try folder(["a.xml": "", "b.xml": ""])
        let (a, b) = (root.path + "/a.xml", root.path + "/b.xml")
        try FileManager.default.linkItem(atPath: a, toPath: root.path + "/hard.xml")
        #expect(SurveyInputs.discover([root.path]).files == [a, b])

        // What a FUSE file system without use_ino shows: every entry with the same inode.
        let sameNumber = SurveyInputs.FileID(device: 1, inode: 0xffff_ffff)
        var seen = SurveyInputs.SeenFiles()
        let kept = [a, b, root.path + "/hard.xml"].map { seen.isFirst($0, hint: sameNumber) }
        #expect(kept == [true, true, false])
    }
}

@Suite("File names that are not UTF-8")
struct UnnamedFileTests {
    @Test("a survey whose name is not UTF-8 is audited under its escaped name with a warning; a folder of such a name is reported")
    func notUTF8() async throws {
        let scratch = ScratchFolder("wuyou-names")
        let input = try scratch.folder()
        let survey = try String(contentsOf: HTMLFixtures.root.appendingPathComponent("examples/youyilu.xml"), encoding: .utf8)
        // 友谊.xml in GBK: D3 D1 D2 EA.
        let name: [UInt8] = [0xD3, 0xD1, 0xD2, 0xEA] + Array(".xml".utf8)
        let path = input.path + "/"
        let created = (Array(path.utf8) + name + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { creat($0, 0o644) }
        }
        try #require(created >= 0)
        _ = Array(survey.utf8).withUnsafeBytes { write(created, $0.baseAddress!, $0.count) }
        close(created)
        let folderCreated = (Array(path.utf8) + [0xB0, 0xA1, 0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { mkdir($0, 0o755) }
        }
        try #require(folderCreated == 0)
        let result = try await AuditFixtures.build([input], out: try scratch.folder().appendingPathComponent("site"), language: .en)
        let audited = try #require(result.summary.surveys.first)
        #expect(audited.path == input.path + "/\\xD3\\xD1\\xD2\\xEA.xml")
        #expect(audited.id == "zanyang-youyilu-2024-05")
        #expect(result.summary.errors.map(\.code) == [.folderNameNotUTF8])
        #expect(result.summary.errors.first?.location.file == input.path + "/\\xB0\\xA1")
    }
}
