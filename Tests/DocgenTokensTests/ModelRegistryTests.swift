import Testing

@testable import DocgenTokens

struct ModelRegistryTests {
    static let requiredModels = [
        "gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "gpt-4-turbo", "gpt-4", "gpt-3.5-turbo",
        "gpt-35-turbo", "o1", "o1-mini", "o3-mini", "o3", "o4-mini", "deepseek-chat", "deepseek-reasoner",
    ]

    @Test(arguments: requiredModels)
    func requiredModelIsBuiltIn(name: String) throws {
        let profile = try ModelRegistry.builtIn.profile(for: name)
        #expect(profile.contextWindowTokens > 0)
        #expect(profile.maxOutputTokens <= profile.contextWindowTokens)
        #expect(profile.pricing != nil)
        #expect(["o200k_base", "cl100k_base"].contains(profile.encodingName))
    }

    @Test func publishedLimitsAreRecorded() throws {
        let registry = ModelRegistry.builtIn
        let expected: [(String, Int, Int)] = [
            ("gpt-4o", 128_000, 16_384), ("gpt-4o-mini", 128_000, 16_384), ("gpt-4.1", 1_047_576, 32_768),
            ("gpt-4-turbo", 128_000, 4_096), ("gpt-4", 8_192, 8_192), ("gpt-3.5-turbo", 16_385, 4_096),
            ("o1", 200_000, 100_000), ("o1-mini", 128_000, 65_536), ("deepseek-chat", 131_072, 8_192),
            ("deepseek-reasoner", 131_072, 65_536),
        ]
        for (name, window, output) in expected {
            let profile = try registry.profile(for: name)
            #expect(profile.contextWindowTokens == window, "\(name)")
            #expect(profile.maxOutputTokens == output, "\(name)")
        }
    }

    @Test func familiesHaveTheRightEncodingFieldAndAccuracy() throws {
        let registry = ModelRegistry.builtIn
        #expect(try registry.profile(for: "gpt-4o").encodingName == "o200k_base")
        #expect(try registry.profile(for: "gpt-4").encodingName == "cl100k_base")
        for name in ["o1", "o1-mini", "o3-mini", "o3", "o4-mini"] {
            let profile = try registry.profile(for: name)
            #expect(profile.isReasoningModel)
            #expect(profile.outputLimitField == .maxCompletionTokens)
        }
        for name in ["deepseek-chat", "deepseek-reasoner"] {
            let profile = try registry.profile(for: name)
            #expect(profile.countAccuracy == .estimate)
            #expect(profile.estimateMarginPercent == ModelRegistry.deepSeekEstimateMarginPercent)
            #expect(profile.encodingName == "cl100k_base")
            #expect(profile.outputLimitField == .maxTokens)
        }
        #expect(try registry.profile(for: "deepseek-reasoner").isReasoningModel)
        #expect(try !registry.profile(for: "gpt-4.1").isReasoningModel)
    }

    @Test func namesResolveIgnoringCaseSnapshotsAndProviderPrefixes() throws {
        let registry = ModelRegistry.builtIn
        #expect(try registry.profile(for: "gpt-4o-2024-08-06").id == "gpt-4o")
        #expect(try registry.profile(for: " GPT-4o-Mini-2024-07-18 ").id == "gpt-4o-mini")
        #expect(try registry.profile(for: "gpt-4-0613").id == "gpt-4")
        #expect(try registry.profile(for: "gpt-35-turbo").id == "gpt-3.5-turbo")
        #expect(try registry.profile(for: "gpt-35-turbo-0125").id == "gpt-3.5-turbo")
        #expect(try registry.profile(for: "gpt-4.1-2025-04-14").id == "gpt-4.1")
        #expect(try registry.profile(for: "o3-mini-2025-01-31").id == "o3-mini")
        #expect(try registry.profile(for: "openai/gpt-4o").id == "gpt-4o")
        #expect(try registry.profile(for: "gpt-4-1106-preview").id == "gpt-4-turbo")
        // An exact snapshot entry wins over its family.
        #expect(try registry.profile(for: "gpt-4o-2024-05-13").maxOutputTokens == 4_096)
    }

    @Test func unknownModelErrorNamesTheModelAndTheFix() throws {
        let error = try #require(throws: TokenBudgetError.self) {
            try ModelRegistry.builtIn.profile(for: "llama-3-70b")
        }
        #expect(error.modelID == "llama-3-70b")
        #expect(error.shortDescription == "unknownModel")
        #expect(error.description.contains("'llama-3-70b'"))
        #expect(error.description.contains("context window"))
        #expect(error.description.contains("gpt-4o"))
        // A preview model is not silently mapped to a family with other limits.
        #expect(throws: TokenBudgetError.self) { try ModelRegistry.builtIn.profile(for: "o1-preview") }
    }

    @Test func suppliedWindowMakesAnUnknownModelUsable() throws {
        let profile = try ModelRegistry.builtIn.profile(for: "llama-3-70b", contextWindowTokens: 8_192)
        #expect(profile.id == "llama-3-70b")
        #expect(profile.contextWindowTokens == 8_192)
        #expect(profile.maxOutputTokens == 8_192)
        #expect(profile.isEstimate)
        #expect(profile.pricing == nil)
        let smaller = try ModelRegistry.builtIn.profile(for: "gpt-4o", contextWindowTokens: 8_000)
        #expect(smaller.contextWindowTokens == 8_000)
        #expect(smaller.maxOutputTokens == 8_000)
        #expect(throws: TokenBudgetError.self) {
            try ModelRegistry.builtIn.profile(for: "x", contextWindowTokens: 0)
        }
    }

    @Test func overridesReplaceAndKeepAliases() throws {
        let override = ModelProfile(id: "GPT-3.5-Turbo", contextWindowTokens: 4_096, maxOutputTokens: 1_024)
        let custom = ModelProfile.custom(id: "my-model", contextWindowTokens: 32_000, maxOutputTokens: 2_000)
        let registry = try ModelRegistry.builtIn.merging([override, custom])
        #expect(registry.profiles.count == ModelRegistry.builtIn.profiles.count + 1)
        #expect(try registry.profile(for: "gpt-3.5-turbo").contextWindowTokens == 4_096)
        #expect(try registry.profile(for: "gpt-35-turbo").contextWindowTokens == 4_096)
        #expect(try registry.profile(for: "my-model").maxOutputTokens == 2_000)
        // The built-in table is a value and stays as it was.
        #expect(try ModelRegistry.builtIn.profile(for: "gpt-3.5-turbo").contextWindowTokens == 16_385)
    }

    @Test func invalidProfilesAreRejected() {
        let tooMuchOutput = ModelProfile(id: "bad", contextWindowTokens: 1_000, maxOutputTokens: 2_000)
        #expect(throws: TokenBudgetError.self) { try ModelRegistry(profiles: [tooMuchOutput]) }
        #expect(throws: TokenBudgetError.self) {
            try ModelRegistry(profiles: [ModelProfile(id: "zero", contextWindowTokens: 0)])
        }
    }

    @Test func snapshotSuffixesAreRecognised() {
        #expect("gpt-4o-2024-08-06".droppingSnapshotSuffix == "gpt-4o")
        #expect("gpt-4-0613".droppingSnapshotSuffix == "gpt-4")
        #expect("gpt-4o".droppingSnapshotSuffix == nil)
        #expect("o1-preview".droppingSnapshotSuffix == nil)
        #expect(ModelRegistry.candidateKeys(for: "Azure/GPT-4-0613") == ["azure/gpt-4-0613", "gpt-4-0613", "gpt-4"])
    }
}
