/// A problem with prompt templates or with fitting a prompt into a model's window.
public struct PromptError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Equatable, Sendable {
        case templateNotFound(name: String, directory: String)
        case templateSyntax(file: String, line: Int, column: Int, detail: String)
        case unknownVariable(file: String, line: Int, name: String, suggestion: String?)
        case unreadableTemplate(file: String, detail: String)
        case doesNotFit(file: String, needed: Int, available: Int, model: String)
    }

    private let code: Code

    private init(_ code: Code) { self.code = code }

    /// A required template is missing from a templates folder.
    public static func templateNotFound(name: String, directory: String) -> PromptError {
        PromptError(.templateNotFound(name: name, directory: directory))
    }

    /// A template does not parse.
    public static func templateSyntax(file: String, line: Int, column: Int, detail: String) -> PromptError {
        PromptError(.templateSyntax(file: file, line: line, column: column, detail: detail))
    }

    /// A template uses a variable docgen does not provide.
    public static func unknownVariable(file: String, line: Int, name: String, suggestion: String?) -> PromptError {
        PromptError(.unknownVariable(file: file, line: line, name: name, suggestion: suggestion))
    }

    /// A template file cannot be read or is not UTF-8.
    public static func unreadableTemplate(file: String, detail: String) -> PromptError {
        PromptError(.unreadableTemplate(file: file, detail: detail))
    }

    /// Even the smallest prompt for a file leaves no room for a useful answer.
    public static func doesNotFit(file: String, needed: Int, available: Int, model: String) -> PromptError {
        PromptError(.doesNotFit(file: file, needed: needed, available: available, model: model))
    }

    /// A label without associated values, for metrics.
    public var shortDescription: String {
        switch code {
        case .templateNotFound: return "template_not_found"
        case .templateSyntax: return "template_syntax"
        case .unknownVariable: return "unknown_variable"
        case .unreadableTemplate: return "unreadable_template"
        case .doesNotFit: return "does_not_fit"
        }
    }

    public var description: String {
        switch code {
        case .templateNotFound(let name, let directory):
            return "Template '\(name).mustache' is missing from \(directory); copy it from docgen's templates/ folder."
        case .templateSyntax(let file, let line, let column, let detail):
            return "\(file):\(line):\(column): template syntax error: \(detail)."
        case .unknownVariable(let file, let line, let name, let suggestion):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "\(file):\(line): unknown template variable '\(name)'.\(hint) "
                + "See the variables listed in docgen's README (Templates)."
        case .unreadableTemplate(let file, let detail):
            return "Cannot read template \(file): \(detail)."
        case .doesNotFit(let file, let needed, let available, let model):
            return "Prompt for '\(file)' needs \(needed) tokens but \(model) allows \(available); "
                + "lower --max-source-lines or prompt.completion_tokens, or choose a larger model."
        }
    }
}
