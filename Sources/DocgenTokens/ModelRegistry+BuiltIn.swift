extension ModelRegistry {
    /// docgen's built-in model table.
    ///
    /// Windows and output limits are the providers' published values. Prices are USD per million tokens
    /// (standard tier, uncached input) from the providers' public price lists as they stood on each profile's
    /// ``ModelProfile/Pricing/asOf`` date: OpenAI's platform pricing page (2025-10-01) and DeepSeek's "Models &
    /// Pricing" page after the 2025-09-29 V3.2 price cut. Prices change; override a profile in configuration when
    /// they do. Values that could not be re-checked against the provider's own page are marked below.
    ///
    /// | Model | Window | Max output | Encoding | Input $/M | Output $/M | Cap field |
    /// |---|---|---|---|---|---|---|
    /// | gpt-4o | 128,000 | 16,384 | o200k_base | 2.50 | 10.00 | max_tokens |
    /// | gpt-4o-2024-05-13 | 128,000 | 4,096 | o200k_base | 5.00 | 15.00 | max_tokens |
    /// | gpt-4o-mini | 128,000 | 16,384 | o200k_base | 0.15 | 0.60 | max_tokens |
    /// | gpt-4.1 | 1,047,576 | 32,768 | o200k_base | 2.00 | 8.00 | max_tokens |
    /// | gpt-4.1-mini | 1,047,576 | 32,768 | o200k_base | 0.40 | 1.60 | max_tokens |
    /// | gpt-4.1-nano | 1,047,576 | 32,768 | o200k_base | 0.10 | 0.40 | max_tokens |
    /// | gpt-4-turbo | 128,000 | 4,096 | cl100k_base | 10.00 | 30.00 | max_tokens |
    /// | gpt-4 | 8,192 | 8,192 | cl100k_base | 30.00 | 60.00 | max_tokens |
    /// | gpt-3.5-turbo | 16,385 | 4,096 | cl100k_base | 0.50 | 1.50 | max_tokens |
    /// | o1 | 200,000 | 100,000 | o200k_base | 15.00 | 60.00 | max_completion_tokens |
    /// | o1-mini | 128,000 | 65,536 | o200k_base | 1.10 | 4.40 | max_completion_tokens |
    /// | o3-mini | 200,000 | 100,000 | o200k_base | 1.10 | 4.40 | max_completion_tokens |
    /// | o3 | 200,000 | 100,000 | o200k_base | 2.00 | 8.00 | max_completion_tokens |
    /// | o4-mini | 200,000 | 100,000 | o200k_base | 1.10 | 4.40 | max_completion_tokens |
    /// | deepseek-chat | 131,072 | 8,192 | cl100k_base (estimate) | 0.28 | 0.42 | max_tokens |
    /// | deepseek-reasoner | 131,072 | 65,536 | cl100k_base (estimate) | 0.28 | 0.42 | max_tokens |
    ///
    /// Notes: o3's price is the one after OpenAI's June 2025 cut (it launched at 10/40). o1-mini launched at
    /// 3/12 and was lowered to 1.10/4.40. DeepSeek's prices are the best-known public values after the
    /// 2025-09-29 cut (V3.1 was 0.56/1.68 from 2025-09-05); both DeepSeek models bill the same rate.
    /// deepseek-reasoner's 65,536 output limit includes its reasoning. Retired snapshots with smaller windows
    /// (gpt-3.5-turbo-0613, gpt-3.5-turbo-0301) resolve to their family and would be over-estimated; add a
    /// profile for them if you still use one.
    public static let builtIn: ModelRegistry = {
        do {
            return try ModelRegistry(profiles: builtInProfiles)
        } catch {
            preconditionFailure("the built-in model table is invalid: \(error)")
        }
    }()

    /// The built-in profiles, in the order of the table above.
    public static let builtInProfiles: [ModelProfile] = [
        openAI("gpt-4o", window: 128_000, output: 16_384, input: 2.50, completion: 10.00),
        openAI("gpt-4o-2024-05-13", window: 128_000, output: 4_096, input: 5.00, completion: 15.00),
        openAI("gpt-4o-mini", window: 128_000, output: 16_384, input: 0.15, completion: 0.60),
        openAI("gpt-4.1", window: 1_047_576, output: 32_768, input: 2.00, completion: 8.00),
        openAI("gpt-4.1-mini", window: 1_047_576, output: 32_768, input: 0.40, completion: 1.60),
        openAI("gpt-4.1-nano", window: 1_047_576, output: 32_768, input: 0.10, completion: 0.40),
        openAI(
            "gpt-4-turbo",
            window: 128_000,
            output: 4_096,
            input: 10.00,
            completion: 30.00,
            encoding: "cl100k_base",
            aliases: ["gpt-4-turbo-preview", "gpt-4-1106-preview", "gpt-4-0125-preview"]
        ),
        openAI("gpt-4", window: 8_192, output: 8_192, input: 30.00, completion: 60.00, encoding: "cl100k_base"),
        openAI(
            "gpt-3.5-turbo",
            window: 16_385,
            output: 4_096,
            input: 0.50,
            completion: 1.50,
            encoding: "cl100k_base",
            aliases: ["gpt-35-turbo"]
        ),
        openAIReasoning("o1", window: 200_000, output: 100_000, input: 15.00, completion: 60.00),
        openAIReasoning("o1-mini", window: 128_000, output: 65_536, input: 1.10, completion: 4.40),
        openAIReasoning("o3-mini", window: 200_000, output: 100_000, input: 1.10, completion: 4.40),
        openAIReasoning("o3", window: 200_000, output: 100_000, input: 2.00, completion: 8.00),
        openAIReasoning("o4-mini", window: 200_000, output: 100_000, input: 1.10, completion: 4.40),
        deepSeek("deepseek-chat", output: 8_192, isReasoningModel: false),
        deepSeek("deepseek-reasoner", output: 65_536, isReasoningModel: true),
    ]

    /// The default extra reserve for DeepSeek prompts counted with cl100k_base, in percent of the count.
    ///
    /// DeepSeek's own tokenizer differs from cl100k_base; 10 % covers the differences seen on code and English
    /// prose. Override ``ModelProfile/estimateMarginPercent`` in configuration to change it.
    public static let deepSeekEstimateMarginPercent = 10

    private static let openAIPriceDate = "2025-10-01"
    private static let deepSeekPriceDate = "2025-09-29"

    private static func openAI(
        _ id: String,
        window: Int,
        output: Int,
        input: Double,
        completion: Double,
        encoding: String = "o200k_base",
        aliases: [String] = []
    ) -> ModelProfile {
        ModelProfile(
            id: id,
            aliases: aliases,
            contextWindowTokens: window,
            maxOutputTokens: output,
            encodingName: encoding,
            messageOverhead: encoding == "cl100k_base" ? .gpt4 : .openAIChat,
            pricing: .init(
                inputUSDPerMillionTokens: input, outputUSDPerMillionTokens: completion, asOf: openAIPriceDate)
        )
    }

    private static func openAIReasoning(
        _ id: String,
        window: Int,
        output: Int,
        input: Double,
        completion: Double
    ) -> ModelProfile {
        ModelProfile(
            id: id,
            contextWindowTokens: window,
            maxOutputTokens: output,
            encodingName: "o200k_base",
            outputLimitField: .maxCompletionTokens,
            isReasoningModel: true,
            pricing: .init(
                inputUSDPerMillionTokens: input, outputUSDPerMillionTokens: completion, asOf: openAIPriceDate)
        )
    }

    private static func deepSeek(_ id: String, output: Int, isReasoningModel: Bool) -> ModelProfile {
        ModelProfile(
            id: id,
            contextWindowTokens: 131_072,
            maxOutputTokens: output,
            encodingName: "cl100k_base",
            countAccuracy: .estimate,
            estimateMarginPercent: deepSeekEstimateMarginPercent,
            outputLimitField: .maxTokens,
            isReasoningModel: isReasoningModel,
            pricing: .init(inputUSDPerMillionTokens: 0.28, outputUSDPerMillionTokens: 0.42, asOf: deepSeekPriceDate)
        )
    }
}
