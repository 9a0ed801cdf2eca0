import Foundation
import Testing
import WuyouAudit
import WuyouCore
import WuyouTestSupport
@testable import WuyouReports

/// Publishing never destroys what wuyou did not write, and never leaves a half site.
@Suite("wuyou audit: publishing only ever replaces wuyou's own site")
struct AuditPublishingTests {
    typealias F = AuditFixtures
    let scratch = ScratchFolder("wuyou-publishing-tests")

    private func codes(_ body: () async throws -> SiteBuilder.Result) async -> [DiagnosticCode] {
        do {
            _ = try await body()
            return []
        } catch let error as Diagnostics {
            return error.items.map(\.code)
        } catch {
            return []
        }
    }

    @Test("--out . in a folder holding surveys and an audit.json is refused, and nothing is deleted")
    func outputHoldingInputs() async throws {
        let folder = try scratch.folder()
        try F.write(["surveys/a.xml": F.survey(id: "a"), "audit.json": "{}", "thesis.txt": "mine"], in: folder)
        let before = try F.files(under: folder)
        let refused = await codes { try await F.build([folder.appendingPathComponent("surveys")], out: folder) }
        #expect(refused == [.auditInputInsideOutput])
        #expect(try F.files(under: folder) == before)
    }

    @Test("an input inside the site folder is refused before anything is touched")
    func inputInsideOutput() async throws {
        let base = try scratch.folder()
        let site = base.appendingPathComponent("site")
        try F.write(["a.xml": F.survey(id: "a")], in: base.appendingPathComponent("in"))
        _ = try await F.build([base.appendingPathComponent("in")], out: site)
        try F.write(["incoming/b.xml": F.survey(id: "b")], in: site)
        let before = try F.files(under: site)
        #expect(await codes { try await F.build([site.appendingPathComponent("incoming")], out: site) } == [.auditInputInsideOutput])
        #expect(try F.files(under: site) == before)
    }

    @Test("a missing input, or inputs with no readable survey, publish nothing and keep the old site")
    func nothingToPublish() async throws {
        let base = try scratch.folder()
        let input = base.appendingPathComponent("in")
        try F.write(["a.xml": F.survey(id: "a")], in: input)
        let site = base.appendingPathComponent("site")
        _ = try await F.build([input], out: site)
        let before = try F.files(under: site)
        #expect(await codes { try await F.build([base.appendingPathComponent("exmaples")], out: site) } == [.auditInputMissing])
        let broken = base.appendingPathComponent("broken")
        try F.write(["x.xml": "<survey", "y.xml": ""], in: broken)
        let nothing = await codes { try await F.build([broken], out: site) }
        #expect(nothing.last == .auditNothingRead)
        #expect(nothing.contains(.xmlEmpty))
        #expect(try F.files(under: site) == before)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: base.path)) == ["in", "site", "broken", ".site.wuyou-lock"])
    }

    @Test("a folder with a file the manifest does not list is refused, naming that file")
    func strangerInTheSite() async throws {
        let base = try scratch.folder()
        let input = base.appendingPathComponent("in")
        try F.write(["a.xml": F.survey(id: "a")], in: input)
        let site = base.appendingPathComponent("site")
        _ = try await F.build([input], out: site)
        try F.write(["surveys/notes.txt": "mine"], in: site)
        do {
            _ = try await F.build([input], out: site)
            Issue.record("a site holding a foreign file was replaced")
        } catch let error as Diagnostics {
            #expect(error.items.map(\.code) == [.auditOutputNotASite])
            #expect(error.items.first?.arguments["file"] == "surveys/notes.txt")
        }
        #expect(try F.text(site.appendingPathComponent("surveys/notes.txt")) == "mine")
        // A folder with no manifest at all is not a site either.
        let plain = base.appendingPathComponent("plain")
        try F.write(["index.html": "my own page"], in: plain)
        #expect(await codes { try await F.build([input], out: plain) } == [.auditOutputNotASite])
        #expect(try F.text(plain.appendingPathComponent("index.html")) == "my own page")
    }

    @Test("staging left by a killed run is removed by the next run; a run that holds the lock is never disturbed")
    func leftoversAndLock() async throws {
        let base = try scratch.folder()
        let input = base.appendingPathComponent("in")
        try F.write(["a.xml": F.survey(id: "a")], in: input)
        let site = base.appendingPathComponent("site")
        try F.write([".site.wuyou-1234-deadbeef/surveys/a.html": "half a page"], in: base)
        _ = try await F.build([input], out: site)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: base.path)) == ["in", "site", ".site.wuyou-lock"])

        // Another audit holds the lock: this one exits with an error, the site and the other's staging untouched.
        let lock = open(base.appendingPathComponent(".site.wuyou-lock").path, O_RDWR)
        try #require(lock >= 0 && flock(lock, LOCK_EX | LOCK_NB) == 0)
        defer { close(lock) }
        try F.write([".site.wuyou-99-cafebabe/index.html": "another run's staging"], in: base)
        let before = try F.files(under: site)
        #expect(await codes { try await F.build([input], out: site) } == [.auditOutputLocked])
        #expect(try F.files(under: site) == before)
        #expect(try F.text(base.appendingPathComponent(".site.wuyou-99-cafebabe/index.html")) == "another run's staging")
    }

    @Test("two audits into one folder at once: one publishes whole, the other is refused")
    func concurrentAudits() async throws {
        let base = try scratch.folder()
        let input = base.appendingPathComponent("in")
        try F.write((0..<40).reduce(into: [:]) { $0["s\($1).xml"] = F.survey(id: "s\($1)") }, in: input)
        let site = base.appendingPathComponent("site")
        async let first = codes { try await F.build([input], out: site, jobs: 1) }
        async let second = codes { try await F.build([input], out: site, jobs: 1) }
        let outcomes = await [first, second]
        #expect(outcomes.filter(\.isEmpty).count >= 1)
        #expect(outcomes.allSatisfy { $0.isEmpty || $0 == [.auditOutputLocked] })
        #expect(try F.files(under: site).count == 40 + 3 + F.sitePages().count)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: base.path)) == ["in", "site", ".site.wuyou-lock"])
    }

    @Test("a link to / inside an input folder is not followed; a link inside the tree is, once")
    func linksStayInTheTree() async throws {
        let base = try scratch.folder()
        let input = base.appendingPathComponent("in")
        try F.write(["a.xml": F.survey(id: "a"), "sub/b.xml": F.survey(id: "b")], in: input)
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("root").path, withDestinationPath: "/")
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("loop").path, withDestinationPath: input.path)
        try FileManager.default.createSymbolicLink(
            atPath: input.appendingPathComponent("again.xml").path, withDestinationPath: input.appendingPathComponent("a.xml").path)
        let outside = base.appendingPathComponent("outside")
        try F.write(["c.xml": F.survey(id: "c")], in: outside)
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("out").path, withDestinationPath: outside.path)
        let discovery = SurveyInputs.discover([input.path])
        #expect(discovery.files.map { URL(fileURLWithPath: $0).lastPathComponent }.sorted() == ["a.xml", "b.xml"])
    }
}
