import Foundation
@testable import WuyouMustache

/// Why a spec test does not pass: a rule of the spec WuyouMustache refuses on purpose.
enum SpecRefusal: String, CaseIterable, Sendable {
    case namesChecked = "names checked when compiled"
    case typedModels = "typed view models"
    case expandedWhenCompiled = "partials expanded when compiled"
    case lambdas = "no lambdas"
    case dynamicPartials = "no dynamic partials"
    case reindentation = "no re-indentation"
    case rawSurveyText = "no raw output of survey text"
}

/// What became of one spec test.
enum SpecOutcome: Equatable {
    case passed
    case refused(SpecRefusal, detail: String)
    /// Not a design choice: a bug, or a refusal the harness does not recognise.
    case failed(String)
}

/// Runs spec tests through WuyouMustache and says, for each one that does not pass, which
/// refusal by design explains it — or that nothing does.
struct SpecRunner {
    var adapter = SpecAdapter()

    /// The name the test's own template is added under: no tag can name it, so it never
    /// collides with a partial of the test.
    static let templateName = "(spec)"

    /// Tests whose expected output indents a partial, parent or block at the place it is
    /// used. Such a test counts as refused only if the output differs from the expected one
    /// in nothing but the spaces at the start of lines.
    static let reindentation: Set<String> = [
        "partials/Standalone Without Previous Line",
        "partials/Standalone Without Newline",
        "partials/Standalone Indentation",
        "~inheritance/Standalone parent",
        "~inheritance/Standalone block",
        "~inheritance/Block reindentation",
        "~inheritance/Intrinsic indentation",
        "~inheritance/Nested block reindentation",
    ]

    func run(_ test: SpecCase, file: String) -> SpecOutcome {
        let plan: SpecModelPlan
        do {
            plan = try SpecAdapter.plan(root: test.data)
        } catch .lambda {
            return .refused(.lambdas, detail: "the data holds a lambda")
        } catch {
            return .refused(.typedModels, detail: "the data has no typed model: \(error)")
        }
        let output: String
        do {
            var set = TemplateSet()
            for (name, source) in (test.partials ?? [:]).sorted(by: { $0.key < $1.key }) {
                try set.add(Array(source.utf8), named: name)
            }
            try set.add(Array(test.template.utf8), named: Self.templateName)
            output = try render(set, as: adapter.modelType(plan), data: test.data)
        } catch {
            return Self.classify(error)
        }
        if output == test.expected { return .passed }
        let difference = "expected \(test.expected.debugDescription), got \(output.debugDescription)"
        if Self.reindentation.contains("\(file)/\(test.name)"), Self.unindented(output) == Self.unindented(test.expected) {
            return .refused(.reindentation, detail: difference)
        }
        return .failed(difference)
    }

    private func render<Tag: SpecTag>(_ set: TemplateSet, as tag: Tag.Type, data: SpecJSON) throws(TemplateError) -> String {
        try set.compile(Self.templateName, as: SpecValue<Tag>.self).renderText(SpecValue(json: data))
    }

    static func classify(_ error: TemplateError) -> SpecOutcome {
        let detail = "\(error.problem) at \(error.template):\(error.line):\(error.column)"
        switch error.problem {
        case .unknownName, .missingPartial:
            return .refused(.namesChecked, detail: detail)
        case .notPrintable:
            return .refused(.typedModels, detail: detail)
        case .recursion:
            return .refused(.expandedWhenCompiled, detail: detail)
        case .unescapedText:
            return .refused(.rawSurveyText, detail: detail)
        case .unsupported(let what) where what.hasPrefix("dynamic partial"):
            return .refused(.dynamicPartials, detail: detail)
        default:
            return .failed(detail)
        }
    }

    /// `text` with the spaces and tabs at the start of each line taken away.
    static func unindented(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.drop { $0 == " " || $0 == "\t" } }
    }
}
