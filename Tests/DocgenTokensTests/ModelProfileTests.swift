import Foundation
import Testing

@testable import DocgenTokens

struct ModelProfileTests {
    @Test(arguments: ModelRegistry.builtIn.profiles)
    func profileRoundTripsThroughJSON(profile: ModelProfile) throws {
        let data = try JSONEncoder().encode(profile)
        #expect(try JSONDecoder().decode(ModelProfile.self, from: data) == profile)
    }

    @Test func minimalConfigurationDecodesWithDefaults() throws {
        let json = Data(#"{"id": "local-model", "contextWindowTokens": 32768}"#.utf8)
        let profile = try JSONDecoder().decode(ModelProfile.self, from: json)
        #expect(profile.id == "local-model")
        #expect(profile.maxOutputTokens == 32_768)
        #expect(profile.encodingName == "cl100k_base")
        #expect(profile.outputLimitField == .maxTokens)
        #expect(profile.messageOverhead == .openAIChat)
        #expect(profile.pricing == nil)
    }

    @Test func decodingValidatesTheProfile() {
        let json = Data(#"{"id": "bad", "contextWindowTokens": 100, "maxOutputTokens": 200}"#.utf8)
        #expect(throws: TokenBudgetError.self) { try JSONDecoder().decode(ModelProfile.self, from: json) }
    }

    @Test func outputLimitFieldUsesTheWireSpelling() throws {
        let data = try JSONEncoder().encode([ModelProfile.OutputLimitField.maxCompletionTokens])
        #expect(String(decoding: data, as: UTF8.self) == #"["max_completion_tokens"]"#)
    }

    @Test func exactModelsReserveExactlyTheirCount() {
        let profile = ModelProfile(id: "m", contextWindowTokens: 10)
        #expect(profile.reservedPromptTokens(forCounted: 7) == 7)
        let estimated = ModelProfile(
            id: "e", contextWindowTokens: 10, countAccuracy: .estimate, estimateMarginPercent: 15)
        #expect(estimated.reservedPromptTokens(forCounted: 0) == 0)
        #expect(estimated.reservedPromptTokens(forCounted: 1) == 2)
        #expect(estimated.reservedPromptTokens(forCounted: 200) == 230)
        #expect(estimated.reservedPromptTokens(forCounted: 201) == 232)
    }
}
