import Foundation
import Testing
import WuyouCore
@testable import WuyouAudit

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
