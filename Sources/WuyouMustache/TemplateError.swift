/// Why a template cannot be used, and where: found while templates are parsed and compiled,
/// never while they render.
public struct TemplateError: Error, Sendable, Equatable {
    public enum Problem: Sendable, Equatable {
        /// A tag opened with `{{` has no closing `}}`.
        case unfinishedTag
        /// `{{#name}}` (or `^`, `<`, `$`) has no `{{/name}}`.
        case sectionNotClosed(String)
        /// `{{/name}}` closes nothing.
        case closeWithoutOpen(String)
        /// `{{/found}}` where `{{/expected}}` was due.
        case closeMismatch(expected: String, found: String)
        /// A set-delimiter tag that is not `{{=<open> <close>=}}`.
        case invalidDelimiters
        /// A tag with no name, such as `{{}}` or `{{#}}`.
        case emptyName
        /// Mustache that swift-mustache had and this engine refuses: transforms `f(x)`,
        /// dynamic partials `{{>*x}}`, pragmas `{{%…}}`.
        case unsupported(String)
        /// No model on the stack answers the name.
        case unknownName(String, suggestion: String?)
        /// `{{name}}` on a list or an object, which has no text.
        case notPrintable(String)
        /// `{{{name}}}` or `{{&name}}` on text that may come from a survey.
        case unescapedText(String)
        /// `{{>name}}` where no template has that name.
        case missingPartial(String)
        /// Partials (or parents) that include themselves, as the chain of names: a template
        /// expanded inside itself with the same blocks, which would expand forever.
        case recursion([String])
        /// Sections and partials nested deeper than the limit.
        case tooDeep(limit: Int)
        /// More than the limit of template pieces once partials are expanded.
        case tooLarge(limit: Int)
    }

    public let problem: Problem
    /// The name of the template (its file name without `.mustache`).
    public let template: String
    /// 1-based.
    public let line: Int
    /// 1-based, in Unicode scalars.
    public let column: Int

    public init(_ problem: Problem, template: String, line: Int, column: Int) {
        self.problem = problem
        self.template = template
        self.line = line
        self.column = column
    }
}
