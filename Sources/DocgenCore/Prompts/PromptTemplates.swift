import Foundation
import Mustache

/// The two prompt templates docgen renders per request: `system.mustache` and `module.mustache`.
///
/// Templates use swift-mustache and start with `{{% CONTENT_TYPE: TEXT}}` so code is not HTML-escaped. Every
/// tag is checked against the variables below when the templates load, so a typo is an error naming the file
/// and line before any request is made.
///
/// Variables: `project`, `language`, `path`, `line_count`, `symbol_count`, `is_split`, `part_index`,
/// `part_count`, `truncation_notice`, `fence`, `fence_language`, `source`, and the list `outline` whose items
/// have `kind`, `name`, `qualified_name`, `line`, `end_line`, `signature`, `docstring`, `docstring_summary`.
/// From the repository graph: `context` (the fitted context section as text), the list `uses` (items: `path`,
/// `names`, `summary`, `signatures`) and the list `used_by` (items: `path`, `names`).
///
/// ```swift
/// let templates = try PromptTemplates.load(directory: "my-templates")   // or PromptTemplates.defaults()
/// ```
public struct PromptTemplates: Sendable {
    /// The names of the templates docgen needs, without `.mustache`.
    public static let requiredNames = ["system", "module"]

    /// Top-level variables.
    public static let variables: Set<String> = [
        "project", "language", "path", "line_count", "symbol_count", "is_split", "part_index", "part_count",
        "truncation_notice", "fence", "fence_language", "source", "outline", "context", "uses", "used_by",
    ]

    /// Fields of each `uses` item.
    public static let usesFields: Set<String> = ["path", "names", "summary", "signatures"]

    /// Fields of each `used_by` item.
    public static let usedByFields: Set<String> = ["path", "names"]

    /// Fields of each `outline` item.
    public static let outlineFields: Set<String> = [
        "kind", "name", "qualified_name", "line", "end_line", "signature", "docstring", "docstring_summary",
    ]

    let system: MustacheTemplate
    let module: MustacheTemplate
    /// The raw texts, for hashing into the incremental-run manifest.
    public let systemText: String
    /// The raw module template text.
    public let moduleText: String
    /// Where the templates came from (`built-in` or a folder), for messages.
    public let origin: String

    /// The built-in templates (identical to the repository's `templates/`).
    ///
    /// - Throws: Never in practice; the built-ins are tested. Declared for symmetry with ``load(directory:)``.
    public static func defaults() throws -> PromptTemplates {
        try PromptTemplates(systemText: defaultSystem, moduleText: defaultModule, origin: "built-in")
    }

    /// Loads and validates `system.mustache` and `module.mustache` from a folder.
    ///
    /// - Parameter directory: The folder path.
    /// - Throws: ``PromptError`` naming the file (and line) that is missing, unreadable or invalid.
    public static func load(directory: String) throws -> PromptTemplates {
        var texts: [String: String] = [:]
        for name in requiredNames {
            let path = (directory as NSString).appendingPathComponent("\(name).mustache")
            guard FileManager.default.fileExists(atPath: path) else {
                throw PromptError.templateNotFound(name: name, directory: directory)
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw PromptError.unreadableTemplate(file: path, detail: "permission denied or not a file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw PromptError.unreadableTemplate(file: path, detail: "not valid UTF-8")
            }
            texts[name] = text
        }
        return try PromptTemplates(
            systemText: texts["system"] ?? "", moduleText: texts["module"] ?? "", origin: directory,
            systemFile: (directory as NSString).appendingPathComponent("system.mustache"),
            moduleFile: (directory as NSString).appendingPathComponent("module.mustache"))
    }

    /// Parses and validates two template texts.
    ///
    /// - Throws: ``PromptError`` for a syntax error or an unknown variable.
    public init(
        systemText: String,
        moduleText: String,
        origin: String,
        systemFile: String = "system.mustache",
        moduleFile: String = "module.mustache"
    ) throws {
        let validator = TemplateValidator(
            topLevel: Self.variables,
            sectionFields: [
                "outline": Self.outlineFields, "uses": Self.usesFields, "used_by": Self.usedByFields,
            ])
        self.system = try Self.parse(systemText, file: systemFile, validator: validator)
        self.module = try Self.parse(moduleText, file: moduleFile, validator: validator)
        self.systemText = systemText
        self.moduleText = moduleText
        self.origin = origin
    }

    private static func parse(_ text: String, file: String, validator: TemplateValidator) throws -> MustacheTemplate {
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw PromptError.templateSyntax(
                file: file, line: error.context.lineNumber, column: error.context.columnNumber,
                detail: String(describing: error.error))
        }
        try validator.validate(text, file: file)
        return template
    }

    /// Renders the system and user messages for one request.
    ///
    /// - Parameter context: The variables (see the type's discussion).
    /// - Returns: The two message texts, exactly as they will be sent.
    public func render(_ context: PromptContext) -> (system: String, user: String) {
        let object = context.mustacheObject
        return (system.render(object), module.render(object))
    }
}
