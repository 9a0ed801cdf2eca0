import Foundation
import Mustache
import WuyouCore

/// The single-survey HTML gap report, rendered from mustache templates.
public struct HTMLReportRenderer: Sendable {
    public let language: ReportLanguage

    public init(language: ReportLanguage, templateDirectory: String?) throws {
        self.language = language
    }

    public func render(_ report: SurveyReport) -> String {
        ""
    }
}
