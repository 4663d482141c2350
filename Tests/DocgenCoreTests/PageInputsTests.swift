import DocgenCore
import DocgenTokens
import Testing

struct PageInputsTests {
    static let file = SourceFile(path: "pkg/a.py", language: "Python", source: "def f():\n    pass\n", symbols: [])

    static func inputs() throws -> PageInputs {
        PageInputs(
            generatorVersion: "1.0", templates: try PromptTemplates.defaults(), prompt: DocgenConfiguration.Prompt(),
            profile: try ModelRegistry.builtIn.profile(for: "gpt-4o"))
    }

    /// The key's parts and their order are the manifest format: this pins them, so a refactor that drops or
    /// reorders an input (and so silently regenerates, or worse reuses, pages) fails here.
    @Test func keyIsTheDigestOfThePinnedParts() throws {
        let inputs = try Self.inputs()
        let templates = try PromptTemplates.defaults()
        let expected = RunManifest.key([
            Self.file.source, "pkg/a.py", "openai", "gpt-4o", "1.0", templates.systemText, templates.moduleText,
            "2048", "32", "512", "0", "128000", "16384", "o200k_base", "max_tokens",
        ])
        #expect(inputs.key(for: Self.file, provider: "openai", model: "gpt-4o") == expected)
        // `--no-redact` adds one part, so pages written from unredacted source never pass for redacted ones.
        var unredacted = inputs
        unredacted.redactsSecrets = false
        let withoutRedaction = RunManifest.key([
            Self.file.source, "pkg/a.py", "openai", "gpt-4o", "1.0", templates.systemText, templates.moduleText,
            "2048", "32", "512", "0", "128000", "16384", "o200k_base", "max_tokens", "redaction: off",
        ])
        #expect(unredacted.key(for: Self.file, provider: "openai", model: "gpt-4o") == withoutRedaction)
    }

    @Test func everyInputChangesTheKey() throws {
        let base = try Self.inputs()
        let key = base.key(for: Self.file, provider: "openai", model: "gpt-4o")
        var variants: [PageInputs] = []
        var changed = base
        changed.generatorVersion = "1.1"
        variants.append(changed)
        changed = base
        changed.templates = try PromptTemplates(systemText: "s", moduleText: "{{source}}", origin: "t")
        variants.append(changed)
        for edit in [
            { (p: inout DocgenConfiguration.Prompt) in p.completionTokens = 1_000 },
            { (p: inout DocgenConfiguration.Prompt) in p.safetyMargin = 64 },
            { (p: inout DocgenConfiguration.Prompt) in p.minimumCompletionTokens = 256 },
            { (p: inout DocgenConfiguration.Prompt) in p.maxSourceLines = 300 },
        ] {
            changed = base
            edit(&changed.prompt)
            variants.append(changed)
        }
        for edit in [
            { (m: inout ModelProfile) in m.contextWindowTokens = 64_000 },
            { (m: inout ModelProfile) in m.maxOutputTokens = 4_096 },
            { (m: inout ModelProfile) in m.encodingName = "cl100k_base" },
            { (m: inout ModelProfile) in m.outputLimitField = .maxCompletionTokens },
        ] {
            changed = base
            edit(&changed.profile)
            variants.append(changed)
        }
        let keys = variants.map { $0.key(for: Self.file, provider: "openai", model: "gpt-4o") }
        #expect(!keys.contains(key))
        #expect(Set(keys).count == keys.count)
        #expect(base.key(for: Self.file, provider: "azure", model: "gpt-4o") != key)
        #expect(base.key(for: Self.file, provider: "openai", model: "gpt-4o-mini") != key)
        var edited = Self.file
        edited.source += "\n"
        #expect(base.key(for: edited, provider: "openai", model: "gpt-4o") != key)
    }
}
