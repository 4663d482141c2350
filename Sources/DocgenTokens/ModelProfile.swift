/// What docgen knows about one model: its limits, its tokenizer, its prices and how to cap its output.
///
/// Model facts are data: ``ModelRegistry/builtIn`` holds a table of profiles and users add or override
/// profiles through configuration (``ModelRegistry/merging(_:)``). ``TokenBudget`` reads
/// ``contextWindowTokens`` and ``maxOutputTokens`` to plan every request.
///
/// Invariants (checked by ``validate()`` and by ``ModelRegistry``): `contextWindowTokens > 0`,
/// `0 < maxOutputTokens ≤ contextWindowTokens`, `estimateMarginPercent ≥ 0`.
///
/// ```swift
/// let profile = try ModelRegistry.builtIn.profile(for: "gpt-4o-2024-08-06")
/// profile.contextWindowTokens   // 128_000
/// profile.outputLimitField      // .maxTokens
/// ```
public struct ModelProfile: Sendable, Hashable {
    /// The request field that caps the completion length.
    public enum OutputLimitField: String, Sendable, Hashable, Codable {
        /// `max_tokens`: GPT-3.5, GPT-4, GPT-4o, GPT-4.1 and DeepSeek.
        case maxTokens = "max_tokens"
        /// `max_completion_tokens`: OpenAI reasoning models (o1, o3, o4-mini), which reject `max_tokens`.
        /// The cap includes hidden reasoning tokens.
        case maxCompletionTokens = "max_completion_tokens"
    }

    /// Whether the model's tokens can be counted exactly with ``encodingName``.
    public enum CountAccuracy: String, Sendable, Hashable, Codable {
        /// The encoding is the model's own; counts match the provider's bill.
        case exact
        /// The model uses another tokenizer (DeepSeek, unknown models); counts are estimates and
        /// ``TokenBudget`` reserves ``ModelProfile/estimateMarginPercent`` on top of them.
        case estimate
    }

    /// Prices in US dollars per million tokens, and when they were taken.
    public struct Pricing: Sendable, Hashable, Codable {
        /// The price of one million prompt tokens (cache miss), in USD.
        public var inputUSDPerMillionTokens: Double
        /// The price of one million completion tokens (including reasoning tokens), in USD.
        public var outputUSDPerMillionTokens: Double
        /// The day the prices were read from the provider's price list, as `YYYY-MM-DD`.
        public var asOf: String

        /// Creates a price entry.
        ///
        /// - Parameters:
        ///   - inputUSDPerMillionTokens: USD per million prompt tokens.
        ///   - outputUSDPerMillionTokens: USD per million completion tokens.
        ///   - asOf: The day the prices were taken, `YYYY-MM-DD`.
        public init(inputUSDPerMillionTokens: Double, outputUSDPerMillionTokens: Double, asOf: String) {
            self.inputUSDPerMillionTokens = inputUSDPerMillionTokens
            self.outputUSDPerMillionTokens = outputUSDPerMillionTokens
            self.asOf = asOf
        }
    }

    /// The canonical model name, as sent in requests (`gpt-4o`).
    public var id: String
    /// Other names that resolve to this profile, such as Azure's `gpt-35-turbo`.
    public var aliases: [String]
    /// The context window in tokens: prompt plus completion can never exceed it.
    public var contextWindowTokens: Int
    /// The most completion tokens the model can produce in one response.
    public var maxOutputTokens: Int
    /// The name of the encoding used to count tokens (`o200k_base`, `cl100k_base`).
    public var encodingName: String
    /// Whether counts with ``encodingName`` are exact for this model.
    public var countAccuracy: CountAccuracy
    /// For ``CountAccuracy/estimate`` models: extra prompt tokens to reserve, in percent of the counted prompt
    /// tokens (rounded up). Ignored for exact models.
    public var estimateMarginPercent: Int
    /// The request field that caps the completion.
    public var outputLimitField: OutputLimitField
    /// Whether the model spends hidden reasoning tokens out of its completion budget.
    public var isReasoningModel: Bool
    /// The per-message constants used to count chat prompts.
    public var messageOverhead: MessageOverhead
    /// Prices, or `nil` when unknown (custom models).
    public var pricing: Pricing?

    /// Creates a profile.
    ///
    /// - Parameters:
    ///   - id: The canonical model name.
    ///   - aliases: Other names that resolve to this profile.
    ///   - contextWindowTokens: The context window, in tokens.
    ///   - maxOutputTokens: The largest completion, in tokens; defaults to the whole window.
    ///   - encodingName: The encoding used for counting.
    ///   - countAccuracy: Whether counts are exact.
    ///   - estimateMarginPercent: Extra prompt reserve for estimated counts, in percent.
    ///   - outputLimitField: The request field that caps the completion.
    ///   - isReasoningModel: Whether hidden reasoning tokens count against the completion.
    ///   - messageOverhead: The chat counting constants.
    ///   - pricing: Prices, if known.
    public init(
        id: String,
        aliases: [String] = [],
        contextWindowTokens: Int,
        maxOutputTokens: Int? = nil,
        encodingName: String = "cl100k_base",
        countAccuracy: CountAccuracy = .exact,
        estimateMarginPercent: Int = 0,
        outputLimitField: OutputLimitField = .maxTokens,
        isReasoningModel: Bool = false,
        messageOverhead: MessageOverhead = .openAIChat,
        pricing: Pricing? = nil
    ) {
        self.id = id
        self.aliases = aliases
        self.contextWindowTokens = contextWindowTokens
        self.maxOutputTokens = maxOutputTokens ?? contextWindowTokens
        self.encodingName = encodingName
        self.countAccuracy = countAccuracy
        self.estimateMarginPercent = estimateMarginPercent
        self.outputLimitField = outputLimitField
        self.isReasoningModel = isReasoningModel
        self.messageOverhead = messageOverhead
        self.pricing = pricing
    }

    /// A profile for a model docgen does not know, built from the window the user gave.
    ///
    /// The tokenizer is unknown, so counts use `cl100k_base` and are marked ``CountAccuracy/estimate`` with a
    /// 10 % margin; no prices are known.
    ///
    /// - Parameters:
    ///   - id: The model name.
    ///   - contextWindowTokens: The context window, in tokens.
    ///   - maxOutputTokens: The largest completion, in tokens; defaults to the whole window.
    /// - Returns: An estimated profile.
    public static func custom(id: String, contextWindowTokens: Int, maxOutputTokens: Int? = nil) -> ModelProfile {
        ModelProfile(
            id: id,
            contextWindowTokens: contextWindowTokens,
            maxOutputTokens: maxOutputTokens.map { min($0, contextWindowTokens) },
            countAccuracy: .estimate,
            estimateMarginPercent: 10
        )
    }

    /// The built-in profiles (``ModelRegistry/builtInProfiles``), for tests such as
    /// `@Test(arguments: ModelProfile.all)`.
    public static var all: [ModelProfile] { ModelRegistry.builtIn.profiles }

    /// Whether token counts for this model are estimates.
    public var isEstimate: Bool { countAccuracy == .estimate }

    /// The prompt tokens to reserve for a counted prompt: the count itself plus, for estimated models, the
    /// ``estimateMarginPercent`` rounded up.
    ///
    /// - Parameter countedTokens: Prompt tokens counted with ``encodingName``; must be ≥ 0.
    /// - Returns: The tokens to plan with.
    public func reservedPromptTokens(forCounted countedTokens: Int) -> Int {
        precondition(countedTokens >= 0, "a token count cannot be negative")
        guard isEstimate, estimateMarginPercent > 0 else { return countedTokens }
        // ceil(c * p / 100) computed as q * p + ceil(r * p / 100) with c = 100q + r, so it cannot overflow early.
        let (hundreds, remainder) = countedTokens.quotientAndRemainder(dividingBy: 100)
        return countedTokens + hundreds * estimateMarginPercent + (remainder * estimateMarginPercent + 99) / 100
    }

    /// Checks the profile's invariants.
    ///
    /// - Throws: ``TokenBudgetError`` naming the model and the offending value.
    public func validate() throws {
        if contextWindowTokens <= 0 {
            throw TokenBudgetError.invalidProfile(model: id, reason: "its context window must be positive")
        }
        if maxOutputTokens <= 0 || maxOutputTokens > contextWindowTokens {
            throw TokenBudgetError.invalidProfile(
                model: id,
                reason: "its maximum output (\(maxOutputTokens.grouped) tokens) must be between 1 and its context "
                    + "window (\(contextWindowTokens.grouped) tokens)"
            )
        }
        if estimateMarginPercent < 0 {
            throw TokenBudgetError.invalidProfile(model: id, reason: "its estimate margin must not be negative")
        }
    }
}
