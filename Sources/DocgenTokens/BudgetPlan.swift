/// The token plan of one request: how many prompt tokens it sends and how many completion tokens it may ask for.
///
/// Plans are only made by ``TokenBudget``, which guarantees the invariant
/// `reservedPromptTokens + safetyMarginTokens + maxCompletionTokens ≤ contextWindowTokens`.
/// Put ``maxCompletionTokens`` in the request under ``outputLimitField``.
///
/// ```swift
/// let plan = try budget.plan(messages: messages, using: encoding)
/// body[plan.outputLimitField.rawValue] = plan.maxCompletionTokens
/// ```
public struct BudgetPlan: Sendable, Hashable, CustomStringConvertible {
    /// The model the plan is for.
    public let modelID: String
    /// The counted prompt tokens.
    public let promptTokens: Int
    /// The prompt tokens planned with: the count plus the estimate margin for estimated models.
    public let reservedPromptTokens: Int
    /// The completion cap to send, in tokens.
    public let maxCompletionTokens: Int
    /// The model's context window, in tokens.
    public let contextWindowTokens: Int
    /// The tokens kept free, in tokens.
    public let safetyMarginTokens: Int
    /// The request field that carries ``maxCompletionTokens``.
    public let outputLimitField: ModelProfile.OutputLimitField
    /// Whether the prompt count is an estimate (model with another tokenizer, or tools counted).
    public let isEstimate: Bool

    init(
        modelID: String,
        promptTokens: Int,
        reservedPromptTokens: Int,
        maxCompletionTokens: Int,
        contextWindowTokens: Int,
        safetyMarginTokens: Int,
        outputLimitField: ModelProfile.OutputLimitField,
        isEstimate: Bool
    ) {
        precondition(
            reservedPromptTokens + safetyMarginTokens + maxCompletionTokens <= contextWindowTokens,
            "a budget plan must fit in the context window"
        )
        self.modelID = modelID
        self.promptTokens = promptTokens
        self.reservedPromptTokens = reservedPromptTokens
        self.maxCompletionTokens = maxCompletionTokens
        self.contextWindowTokens = contextWindowTokens
        self.safetyMarginTokens = safetyMarginTokens
        self.outputLimitField = outputLimitField
        self.isEstimate = isEstimate
    }

    /// Window tokens neither prompt, margin nor completion use, in tokens (≥ 0).
    public var unusedTokens: Int {
        contextWindowTokens - reservedPromptTokens - safetyMarginTokens - maxCompletionTokens
    }

    /// Values for structured logging under docgen's metadata keys (`docgen.tokens.prompt`,
    /// `docgen.tokens.max_completion`, …); DocgenCore turns them into `Logger.Metadata`.
    public var logMetadata: [String: String] {
        [
            "docgen.model": modelID,
            "docgen.tokens.prompt": String(promptTokens),
            "docgen.tokens.max_completion": String(maxCompletionTokens),
            "docgen.tokens.window": String(contextWindowTokens),
            "docgen.tokens.estimate": String(isEstimate),
        ]
    }

    /// One line for `--dry-run`, such as
    /// `gpt-4o: prompt 2,133 + max_tokens 16,384 ≤ window 128,000 (109,483 unused)`.
    public var description: String {
        var text = "\(modelID): prompt \(promptTokens.grouped)"
        if reservedPromptTokens != promptTokens {
            text += " (planned as \(reservedPromptTokens.grouped), estimate)"
        } else if isEstimate {
            text += " (estimate)"
        }
        if safetyMarginTokens > 0 {
            text += " + margin \(safetyMarginTokens.grouped)"
        }
        text +=
            " + \(outputLimitField.rawValue) \(maxCompletionTokens.grouped) ≤ window "
            + "\(contextWindowTokens.grouped) (\(unusedTokens.grouped) unused)"
        return text
    }
}
