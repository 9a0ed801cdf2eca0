import Foundation
import Testing
import WuyouCore

/// Surveys and folders the tests of several modules build on.
public enum AuditFixtures {
    public static let checklist: Checklist = HTMLFixtures.checklist

    /// A survey that meets every requirement exactly, unless `area` is below 300 (area gaps)
    /// or `police` is false (no police room). `community` is written as an attribute value,
    /// so it must already be XML-escaped.
    public static func survey(
        id: String, community: String = "测试社区", subdistrict: String = "赞阳办事处", date: String = "2024-05-14",
        area: Int = 300, police: Bool = true, regulations: Int = 3, inspector: String = "检查员甲", notes: String? = nil
    ) -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<survey xmlns="urn:wuyou:survey:1" id="\#(id)" date="\#(date)">"#,
            "  <inspector>\(inspector)</inspector>",
            #"  <community name="\#(community)" subdistrict="\#(subdistrict)" households="1500" central="true"/>"#,
            #"  <centre area="\#(area)" premises="own">"#,
            #"    <hall one-door="true" windows="3"/>"#,
            #"    <room type="party-activity" area="30">党员活动室</room>"#,
            #"    <room type="citizen-school" area="30">市民学校</room>"#,
            #"    <room type="reading-room" area="30">图书阅览室</room>"#,
            #"    <room type="service-station" area="30">社区服务站</room>"#,
        ]
        if police { lines.append(#"    <room type="police" area="20">警务室</room>"#) }
        lines += [
            #"    <room type="office" area="30">办公室</room>"#,
            #"    <room type="culture-sports" area="30">文体活动室</room>"#,
            #"    <room type="health-station" area="30">社区卫生服务站</room>"#,
            "  </centre>",
            "  <service-station>",
            #"    <staff full-time="1" part-time="0"/>"#,
            #"    <duties documented="true" posted="true"/>"#,
            "    <services><service>低保申办</service></services>",
            "    <regulations>" + String(repeating: "<regulation>制度</regulation>", count: regulations) + "</regulations>",
            #"    <department-windows><department name="民政局" window="true"/></department-windows>"#,
            "  </service-station>",
            #"  <governance residents-congress="true" consultation-council="true" elections="true" decisions="true" management="true" supervision="true" access-system="true"/>"#,
            #"  <environment long-term-mechanism="true"/>"#,
            #"  <safety emergency-plan="true"/>"#,
            #"  <education teams="1"/>"#,
            #"  <information platform="true"/>"#,
            #"  <funding staff-monthly-subsidy="600" office-funds="20000" leader-annual-subsidy="10000"/>"#,
            #"  <training days="2"/>"#,
        ]
        if let notes { lines.append("  <notes>\(notes)</notes>") }
        lines.append("</survey>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `files` (relative path → text) under `folder`, creating subfolders.
    public static func write(_ files: [String: String], in folder: URL) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Every regular file under `folder` (hidden ones too), by path relative to it.
    public static func files(under folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let root = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return result }
        while let relative = enumerator.nextObject() as? String {
            let path = root + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return result
    }

    public static func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    public static func json(_ url: URL) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        return try #require(value as? [String: Any])
    }
}

/// A suite's own temporary folder, removed with the suite instance (Swift Testing makes one
/// instance per test), so test runs leave nothing behind.
public final class ScratchFolder: Sendable {
    public let root: URL

    public init(_ name: String = "wuyou-audit-tests") {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// A fresh, empty folder inside the scratch folder.
    public func folder() throws -> URL {
        let url = root.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }
}
