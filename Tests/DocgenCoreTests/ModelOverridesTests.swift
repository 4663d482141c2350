import DocgenCore
import DocgenTokens
import Testing

struct ModelOverridesTests {
    static func configuration(model: String, _ entries: [CustomModelSettings]) -> DocgenConfiguration {
        var configuration = DocgenConfiguration()
        configuration.model = model
        for entry in entries { configuration.customModels[entry.name] = entry }
        return configuration
    }

    @Test func builtInModelWithoutOverridesIsTheRegistryProfile() throws {
        let profile = try Self.configuration(model: "gpt-4o", []).modelProfile()
        #expect(profile == (try ModelRegistry.builtIn.profile(for: "gpt-4o")))
    }

    @Test func overridingAKnownModelKeepsItsOtherFacts() throws {
        var entry = CustomModelSettings(name: "gpt-4o")
        entry.contextWindow = 8_000
        entry.inputPricePerMillion = 1
        let profile = try Self.configuration(model: "gpt-4o", [entry]).modelProfile()
        let builtIn = try ModelRegistry.builtIn.profile(for: "gpt-4o")
        #expect(profile.contextWindowTokens == 8_000)
        #expect(profile.maxOutputTokens == min(builtIn.maxOutputTokens, 8_000))
        #expect(profile.encodingName == builtIn.encodingName)
        #expect(profile.pricing?.inputUSDPerMillionTokens == 1)
        #expect(profile.pricing?.outputUSDPerMillionTokens == builtIn.pricing?.outputUSDPerMillionTokens)
        #expect(profile.pricing?.asOf == "configuration")
    }

    @Test func newModelOnABaseTakesTheBasesFacts() throws {
        var entry = CustomModelSettings(name: "my-mini")
        entry.base = "gpt-4o-mini"
        entry.outputField = "max_completion_tokens"
        let profile = try Self.configuration(model: "my-mini", [entry]).modelProfile()
        #expect(profile.id == "my-mini")
        #expect(profile.encodingName == "o200k_base")
        #expect(profile.outputLimitField == .maxCompletionTokens)
    }

    @Test func newModelNeedsItsWindow() {
        #expect(throws: ConfigurationError.unknownCustomModel(name: "llama")) {
            try Self.configuration(model: "llama", [CustomModelSettings(name: "llama")]).modelProfile()
        }
        var entry = CustomModelSettings(name: "llama")
        entry.contextWindow = 32_768
        entry.encoding = "gpt2"
        #expect(
            throws: ConfigurationError.unknownEncoding(
                model: "llama", encoding: "gpt2", supported: Encoding.supportedNames)
        ) {
            try Self.configuration(model: "llama", [entry]).modelProfile()
        }
        entry.encoding = "cl100k_base"
        #expect((try? Self.configuration(model: "llama", [entry]).modelProfile())?.contextWindowTokens == 32_768)
    }

    @Test func unknownModelIsAnError() {
        #expect(throws: TokenBudgetError.self) { try Self.configuration(model: "gpt-9", []).modelProfile() }
    }
}
