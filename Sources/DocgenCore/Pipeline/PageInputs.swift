import DocgenBase
public import DocgenTokens

/// Everything besides a file's source, the provider and the model name that shapes its page: the generator's
/// version, the prompt templates, the prompt settings and the model profile.
///
/// ``DocumentationJob`` derives each page's cache key from these typed values itself, so no caller can forget an
/// input; a change to any of them regenerates every page.
///
/// ```swift
/// let inputs = PageInputs(generatorVersion: "0.9.0", templates: templates, prompt: configuration.prompt,
///                         profile: profile)
/// ```
public struct PageInputs: Sendable {
    /// The version of the program writing pages (a new version may write different pages).
    public var generatorVersion: String
    /// The prompt templates.
    public var templates: PromptTemplates
    /// The prompt settings (completion size, margins, line cap).
    public var prompt: DocgenConfiguration.Prompt
    /// The model profile (window, output limit, encoding, output field).
    public var profile: ModelProfile
    /// Whether pages that fail the checks get a repair request (`--no-repair` turns it off): a page written
    /// without repair is regenerated when repair is turned back on, and the other way round.
    public var repairs = true
    /// Whether secrets were replaced before prompting (a page written from unredacted source has another key).
    public var redactsSecrets = true

    /// Creates the inputs.
    public init(
        generatorVersion: String, templates: PromptTemplates, prompt: DocgenConfiguration.Prompt,
        profile: ModelProfile
    ) {
        self.generatorVersion = generatorVersion
        self.templates = templates
        self.prompt = prompt
        self.profile = profile
    }

    /// The cache key of a file's page.
    ///
    /// The parts and their order are the manifest format: keep them, or every existing page is regenerated.
    ///
    /// - Parameters:
    ///   - file: The source file.
    ///   - provider: The provider name.
    ///   - model: The model name (`offline` for the offline provider).
    /// - Returns: A SHA-256 hex key.
    public func key(for file: SourceFile, provider: String, model: String) -> String {
        RunManifest.key(parts(for: file, provider: provider, model: model))
    }

    /// A fast digest (``Fingerprint``) of exactly what ``key(for:provider:model:)`` hashes, stored beside the key:
    /// when it is unchanged, so is the key, and a run with few changes does not hash every source with SHA-256
    /// again. The key itself stays SHA-256.
    ///
    /// - Parameters:
    ///   - file: The source file.
    ///   - provider: The provider name.
    ///   - model: The model name.
    /// - Returns: A 32-digit hex digest.
    public func inputsCheck(for file: SourceFile, provider: String, model: String) -> String {
        Fingerprint.key(parts(for: file, provider: provider, model: model))
    }

    private func parts(for file: SourceFile, provider: String, model: String) -> [String] {
        // Redaction on and repair on are the historical key; only `--no-redact` / `--no-repair` add a part, so
        // existing pages stay valid.
        let parts = [
            file.source, file.path, provider, model, generatorVersion, templates.systemText, templates.moduleText,
            String(prompt.completionTokens), String(prompt.safetyMargin), String(prompt.minimumCompletionTokens),
            String(prompt.maxSourceLines ?? 0), String(profile.contextWindowTokens), String(profile.maxOutputTokens),
            profile.encodingName, profile.outputLimitField.rawValue,
        ]
        return parts + (redactsSecrets ? [] : ["redaction: off"]) + (repairs ? [] : ["repair=off"])
    }
}
