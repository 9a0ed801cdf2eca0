import Foundation
import WuyouWords
import Testing
import WuyouAudit
import WuyouCore
import WuyouTestSupport
@testable import WuyouReports

/// Site builds for the audit tests.
extension AuditFixtures {
    /// The audit's own pages besides the survey pages: the index, the all-centres page, the
    /// stylesheet and a page per sub-district.
    static func sitePages(subdistricts: [String?] = ["赞阳办事处"]) -> Set<String> {
        let files = AuditPageContext.subdistrictFiles(for: subdistricts)
        return Set(["index.html", "centres.html", "style.css"] + subdistricts.map { "subdistricts/\(files[$0 ?? ""] ?? "_").html" })
    }

    static func build(
        _ inputs: [URL], out: URL, baseline: URL? = nil, jobs: Int = 2, language: ReportLanguage = .zh,
        strict: Bool = false, templates: String? = nil, publicSite: Bool = false,
        formats: Set<SiteFormat> = Set(SiteFormat.allCases), checklist: Checklist = checklist
    ) async throws -> SiteBuilder.Result {
        let options = SiteBuilder.Options(
            inputs: inputs.map(\.path), outputDirectory: out.path, baselinePath: baseline?.path, jobs: jobs,
            language: language, strict: strict, templateDirectory: templates, publicSite: publicSite,
            toolVersion: "0.0.0-test", formats: formats)
        return try await SiteBuilder(checklist: checklist, options: options).build()
    }
}
