import Foundation

/// An earlier audit, read back from its `audit.json`: as much as a comparison needs.
public struct BaselineAudit: Sendable {
    /// One survey of the earlier audit.
    public struct Centre: Sendable {
        public var path: String
        public var id: String
        public var community: String
        public var subdistrict: String?
        public var date: String
        public var passes: Bool
        public var score: Decimal?
        /// Status by requirement id.
        public var statuses: [String: Status]

        public var key: CentreKey { CentreKey(subdistrict: subdistrict, community: community) }
    }

    /// The file as named on the command line.
    public var path: String
    /// In the file's order (path order).
    public var centres: [Centre]
    /// The earlier audit's own pass rate (it may have been run with `--strict`).
    public var passRate: Decimal?

    /// Why a baseline file cannot be used.
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String

        public var description: String { "\(path): cannot use as a baseline: \(reason)" }
    }

    /// Reads an earlier `audit.json`.
    ///
    /// - Throws: ``LoadError`` when the file cannot be read, is not JSON, or is not a
    ///   `wuyou-audit/1` document.
    public static func load(path: String) throws(LoadError) -> BaselineAudit {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LoadError(path: path, reason: "the file cannot be read")
        }
        return try BaselineAudit(json: data, path: path)
    }

    /// Decodes an earlier `audit.json` held in memory.
    ///
    /// - Throws: ``LoadError`` when `json` is not a `wuyou-audit/1` document.
    public init(json: Data, path: String) throws(LoadError) {
        let file: AuditFile
        do {
            let format = try JSONDecoder().decode(FormatOnly.self, from: json).format
            guard format == "wuyou-audit/1" else {
                throw LoadError(path: path, reason: "its format is \(format ?? "missing"), expected wuyou-audit/1 (the audit.json of `wuyou audit`)")
            }
            file = try JSONDecoder().decode(AuditFile.self, from: json)
        } catch let error as LoadError {
            throw error
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw LoadError(path: path, reason: "not valid JSON")
        } catch {
            throw LoadError(path: path, reason: "not a wuyou-audit/1 document (\(Self.describe(error)))")
        }
        self.path = path
        centres = file.reports.map { report in
            Centre(
                path: report.survey.path, id: report.survey.id, community: report.survey.community,
                subdistrict: report.survey.subdistrict, date: report.survey.date, passes: report.passes,
                score: report.score.map { DecimalRounding.rounded($0) },
                statuses: Dictionary(report.findings.compactMap { finding in
                    Status(rawValue: finding.status).map { (finding.id, $0) }
                }, uniquingKeysWith: { first, _ in first }))
        }
        passRate = file.summary?.passRate.map { DecimalRounding.rounded($0) }
            ?? (centres.isEmpty ? nil : AuditSummary.fraction(centres.filter(\.passes).count, of: centres.count))
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context): return "missing \(path(context.codingPath + [key]))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "unexpected value at \(path(context.codingPath))"
        @unknown default: return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    private struct FormatOnly: Decodable {
        var format: String?
    }

    private struct AuditFile: Decodable {
        var summary: Summary?
        var reports: [Report]

        struct Summary: Decodable {
            var passRate: Decimal?
        }

        struct Report: Decodable {
            var survey: SurveyPart
            var passes: Bool
            var score: Decimal?
            var findings: [FindingPart]
        }

        struct SurveyPart: Decodable {
            var path: String
            var id: String
            var date: String
            var community: String
            var subdistrict: String?
        }

        struct FindingPart: Decodable {
            var id: String
            var status: String
        }
    }
}
