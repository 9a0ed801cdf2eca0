import Foundation
import Testing
@testable import WuyouCore

/// Reading input files: only regular files, bounded, never blocking, links followed.
@Suite("Input files")
struct InputFileTests {
    private static func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wuyou-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    private static func failure(_ path: String, byteLimit: Int = InputFile.defaultByteLimit) throws -> Diagnostic {
        let error = try #require(throws: Diagnostics.self) { try InputFile.bytes(at: path, byteLimit: byteLimit) }
        #expect(error.items.count == 1)
        return try #require(error.items.first)
    }

    @Test("a directory, a missing file and a named pipe are refused at once, each with its own code")
    func refusals() throws {
        try Self.withFolder { folder in
            let directory = folder.appendingPathComponent("folder.xml").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
            #expect(try Self.failure(directory).code == .fileIsDirectory)
            #expect(try Self.failure(folder.appendingPathComponent("absent.xml").path).code == .fileNotFound)
            #expect(try Self.failure(folder.appendingPathComponent("absent/inner.xml").path).code == .fileNotFound)
            let pipe = folder.appendingPathComponent("pipe.xml").path
            try #require(mkfifo(pipe, 0o600) == 0)
            let start = ContinuousClock.now
            let diagnostic = try Self.failure(pipe)
            #expect(diagnostic.code == .fileNotRegular)
            #expect(diagnostic.location.file == pipe)
            #expect(ContinuousClock.now - start < .seconds(2), "reading a pipe nobody writes to must not block")
        }
    }

    @Test("the byte limit is inclusive: a file of exactly the limit is read, one byte more is refused")
    func byteLimit() throws {
        try Self.withFolder { folder in
            let path = folder.appendingPathComponent("exact.xml").path
            try Data(repeating: 0x41, count: 100).write(to: URL(fileURLWithPath: path))
            #expect(try InputFile.bytes(at: path, byteLimit: 100).count == 100)
            let diagnostic = try Self.failure(path, byteLimit: 99)
            #expect(diagnostic.code == .fileTooLarge)
            #expect(diagnostic.arguments["limit"] == .number(99))
        }
    }

    @Test("a file reached through a symbolic link is read under the name it was given")
    func symbolicLink() throws {
        try Self.withFolder { folder in
            let target = folder.appendingPathComponent("target.xml")
            try Data(Self.survey.utf8).write(to: target)
            let link = folder.appendingPathComponent("link.xml").path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target.path)
            let loaded = try SurveyLoader.load(path: link)
            #expect(loaded.survey.path == link)
            #expect(loaded.document?.sourceBytes == Array(Self.survey.utf8))
        }
    }

    @Test("a gzip file holding a valid survey is refused, not gunzipped")
    func gzipIsNotGunzipped() throws {
        try Self.withFolder { folder in
            let path = folder.appendingPathComponent("zipped.xml").path
            try Data(StoredGzip.wrap(Array(Self.survey.utf8))).write(to: URL(fileURLWithPath: path))
            let error = try #require(throws: Diagnostics.self) { try SurveyLoader.load(path: path) }
            #expect(error.items.first?.code == .xmlNotXML)
            #expect(error.items.first?.location.file == path)
        }
    }

    static let survey = """
        <?xml version="1.0" encoding="UTF-8"?>
        <survey xmlns="urn:wuyou:survey:1" id="t-1" date="2024-05-14"><community name="测试社区"/></survey>

        """
}

/// A gzip stream holding its payload in one stored deflate block: what zlib would read.
enum StoredGzip {
    static func wrap(_ payload: [UInt8]) -> [UInt8] {
        precondition(payload.count <= 0xFFFF)
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
        let length = UInt16(payload.count)
        out += [0x01, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
        out += payload
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in payload {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        crc ^= 0xFFFF_FFFF
        for value in [crc, UInt32(payload.count)] {
            out += [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
        }
        return out
    }
}
