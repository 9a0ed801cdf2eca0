import Foundation
import WuyouCore
import WuyouLedger
import WuyouDecimal

/// Reads an earlier `audit.json` back, beside ``AuditJSONRenderer`` which writes it, both
/// keyed by ``AuditJSONRenderer/format``.
public enum BaselineAuditReader {
    /// Reads the `audit.json` at `path`.
    ///
    /// - Throws: ``Diagnostics`` when the file cannot be read, is not JSON, or is not a
    ///   `wuyou-audit/1` document.
    public static func load(path: String) throws(Diagnostics) -> BaselineAudit {
        let bytes: [UInt8]
        let location = Diagnostic.Location(file: path)
        do {
            bytes = try InputFile.bytes(at: path, byteLimit: 1 << 30)
        } catch {
            // A site's folder given for its audit.json: say where the file is.
            var status = stat()
            if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                throw Diagnostics(Diagnostic(.baselineIsFolder, at: location, ["suggestion": .text(
                    (path.hasSuffix("/") ? path : path + "/") + "audit.json")]))
            }
            throw error
        }
        return try read(json: Data(bytes), path: path)
    }

    /// Decodes an earlier `audit.json` held in memory, naming it `path` in diagnostics.
    public static func read(json: Data, path: String) throws(Diagnostics) -> BaselineAudit {
        let location = Diagnostic.Location(file: path)
        let file: AuditFile
        do {
            let format = try JSONDecoder().decode(FormatOnly.self, from: json).format
            guard format == AuditJSONRenderer.format else {
                throw Diagnostics(Diagnostic(.baselineWrongFormat, at: location, ["format": .text(format ?? "—")]))
            }
            file = try JSONDecoder().decode(AuditFile.self, from: json)
        } catch let error as Diagnostics {
            throw error
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw Diagnostics(Diagnostic(.baselineNotJSON, at: location))
        } catch {
            throw Diagnostics(Diagnostic(.baselineInvalid, at: location, ["detail": .text(describe(error))]))
        }
        // Scores and rates are fractions; anything else (1e127, -7, NaN spelt as a huge
        // number) would print as nonsense in every comparison.
        func fraction(_ value: Double?, _ field: String) throws(Diagnostics) -> ExactDecimal? {
            guard let value else { return nil }
            guard value.isFinite, (0...1).contains(value) else {
                throw Diagnostics(Diagnostic(.baselineOutOfRange, at: location, ["field": .text(field), "value": .quoted("\(value)")]))
            }
            // The double's decimal text to 8 places (1e-300 is 0.00000000), then the 4 of a score.
            let text = String(format: "%.8f", value)
            return DecimalRounding.rounded(ExactDecimal(text) ?? 0)
        }
        var centres: [BaselineAudit.Centre] = []
        // Drafts were counted nowhere in that audit, and are compared with nothing in this one.
        for (index, report) in file.reports.enumerated() where report.draft != true {
            // The commitments an audit with a ledger showed, followed up by the next one.
            var commitments: [String: BaselineAudit.Commitment] = [:]
            for (position, finding) in report.findings.enumerated() {
                guard let commitment = finding.commitment else { continue }
                guard let due = LedgerText.day(commitment.due) else {
                    throw Diagnostics(Diagnostic(.baselineInvalid, at: location, [
                        "detail": .text(".reports[\(index)].findings[\(position)].commitment.due"),
                    ]))
                }
                commitments[finding.id] = BaselineAudit.Commitment(measure: commitment.measure, owner: commitment.owner, due: due)
            }
            var centre = BaselineAudit.Centre(
                path: report.survey.path, id: report.survey.id, community: report.survey.community,
                subdistrict: report.survey.subdistrict, date: report.survey.date, passes: report.passes,
                score: try fraction(report.score, "reports[\(index)].score"),
                statuses: Dictionary(report.findings.compactMap { finding in
                    Status(rawValue: finding.status).map { (finding.id, $0) }
                }, uniquingKeysWith: { first, _ in first }))
            centre.commitments = commitments
            centres.append(centre)
        }
        let passing = centres.filter(\.passes).count
        let passRate = try fraction(file.summary?.passRate, "summary.passRate")
            ?? (centres.isEmpty ? nil : DecimalRounding.ratio(passing, of: centres.count))
        return BaselineAudit(path: path, centres: centres, passRate: passRate)
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context): return path(context.codingPath + [key])
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return path(context.codingPath)
        @unknown default: return ""
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
            var passRate: Double?
        }

        struct Report: Decodable {
            var survey: SurveyPart
            var passes: Bool
            var score: Double?
            var draft: Bool?
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
            var commitment: CommitmentPart?
        }

        struct CommitmentPart: Decodable {
            var measure: String
            var owner: String?
            var due: String
        }
    }
}
