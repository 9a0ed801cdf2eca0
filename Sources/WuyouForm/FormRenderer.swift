import Foundation
import WuyouWords
import WuyouCore
import WuyouMustache
import WuyouReports

/// The offline survey form of `wuyou form`: one self-contained HTML page that opens, edits
/// and saves survey XML in the browser, with no network and nothing but its own inline script
/// and stylesheet allowed to run (a Content-Security-Policy naming their SHA-256 hashes).
///
/// The page is rendered from `form.mustache` and its partials; its script and stylesheet are
/// `form.js` and `form.css`, all embedded from `Templates/`. Rendering is deterministic.
public struct FormRenderer: Sendable {
    public let checklist: Checklist
    public let language: ReportLanguage
    /// The version named in the page's `generator` meta.
    public let toolVersion: String
    private let template: CompiledTemplate<FormViewModel>

    /// - Throws: ``Diagnostics`` when a built-in template does not parse (a build defect).
    public init(checklist: Checklist, language: ReportLanguage, toolVersion: String = WuyouVersion.current) throws(Diagnostics) {
        self.checklist = checklist
        self.language = language
        self.toolVersion = toolVersion
        template = try Self.compiledTemplate()
    }

    /// The built-in form templates, compiled against the form's view model. The form takes no
    /// `--template` overrides: its script depends on the markup.
    private static func compiledTemplate() throws(Diagnostics) -> CompiledTemplate<FormViewModel> {
        var set = TemplateSet()
        do {
            for (file, text) in EmbeddedFiles.all where file.hasSuffix(".mustache") {
                try set.add(Array(text.utf8), named: String(file.dropLast(".mustache".count)))
            }
            return try set.compile("form", as: FormViewModel.self)
        } catch {
            throw Diagnostics(TemplateLibrary.diagnostic(error, files: [:]))
        }
    }

    /// The page's script, exactly as it sits between `<script>` and `</script>`.
    public static var script: String { EmbeddedFiles.text(named: "form.js") ?? "" }

    /// The page's stylesheet, exactly as it sits between `<style>` and `</style>`.
    public static var style: String { EmbeddedFiles.text(named: "form.css") ?? "" }

    /// The HTML page.
    public func render() -> String {
        let model = FormViewModel(
            checklist: checklist, language: language, toolVersion: toolVersion,
            style: Self.style, script: Self.script, data: FormData.json(checklist: checklist, language: language))
        return template.renderText(model)
    }

    /// Nothing may load or run but the inline script and stylesheet whose hashes are named;
    /// no form may submit anywhere, and no `<base>` may redirect relative links.
    static func contentSecurityPolicy(script: String, style: String) -> String {
        "default-src 'none'; script-src '\(hashSource(script))'; style-src '\(hashSource(style))'; "
            + "form-action 'none'; base-uri 'none'"
    }

    /// A CSP hash source for `text` as UTF-8: `sha256-` and the base64 of its digest.
    static func hashSource(_ text: String) -> String {
        "sha256-" + SHA256.base64Digest(of: Array(text.utf8))
    }
}
