/// Plans the completion size of a request so that prompt + completion never exceeds the model's context window.
///
/// This is the fix for the seed pipeline's bug, which asked for 125,874 completion tokens on a 128,000-token
/// model: every request's output cap now comes from one function, ``maxCompletionTokens(promptTokens:)``:
///
///     maxTokens = min(requested ?? maxOutput, maxOutput, window − reservedPrompt − safetyMargin)
///
/// where `reservedPrompt` is the counted prompt plus, for models whose count is an estimate (DeepSeek),
/// ``ModelProfile/estimateMarginPercent``. When `maxTokens` would fall below the minimum useful completion the
/// function throws a ``TokenBudgetError`` that says by exactly how many tokens the prompt must shrink.
///
/// Invariant, for every budget and every prompt: if a plan is returned, `reservedPrompt + safetyMargin +
/// maxTokens ≤ contextWindow` and `minimum ≤ maxTokens ≤ maxOutput`. A plan that would exceed the window
/// cannot be produced.
///
/// `TokenBudget` is a pure value: no I/O, no clock. All methods are O(1) except the message-counting overload.
///
/// ```swift
/// let gpt4o = try ModelRegistry.builtIn.profile(for: "gpt-4o")
/// let budget = try TokenBudget(model: gpt4o)
/// let plan = try budget.plan(promptTokens: 2_133)
/// plan.maxCompletionTokens   // 16_384, the model's output limit, not 125,874
/// ```
public struct TokenBudget: Sendable, Hashable {
    /// The default minimum useful completion, in tokens.
    public static let defaultMinimumCompletionTokens = 256

    /// The model the budget plans for.
    public let model: ModelProfile
    /// The completion size the caller asked for, in tokens, or `nil` for the model's maximum output.
    public let requestedCompletionTokens: Int?
    /// Tokens kept free on top of prompt and completion, in case a count is slightly off.
    public let safetyMarginTokens: Int
    /// The smallest completion worth sending a request for, in tokens, as configured.
    ///
    /// Reasoning models (``ModelProfile/isReasoningModel``) spend hidden reasoning tokens out of the completion
    /// cap, so give them a larger minimum than the 256-token default.
    public let minimumCompletionTokens: Int

    /// Creates a budget and checks that some prompt can fit at all.
    ///
    /// - Parameters:
    ///   - model: The model's profile.
    ///   - requestedCompletionTokens: The completion size to ask for; `nil` means the model's maximum output.
    ///   - safetyMarginTokens: Tokens kept free in the window; must be ≥ 0.
    ///   - minimumCompletionTokens: The smallest useful completion; must be ≥ 1. It is lowered to the completion
    ///     cap when the model or the request allows less.
    /// - Throws: ``TokenBudgetError`` when a value is out of range, the profile is invalid, or the margin and the
    ///   minimum completion alone exceed the context window.
    public init(
        model: ModelProfile,
        requestedCompletionTokens: Int? = nil,
        safetyMarginTokens: Int = 0,
        minimumCompletionTokens: Int = TokenBudget.defaultMinimumCompletionTokens
    ) throws {
        try model.validate()
        if let requested = requestedCompletionTokens, requested < 1 {
            throw TokenBudgetError.invalidBudget(
                model: model.id,
                reason: "the requested completion size (\(requested.grouped) tokens) must be at least 1"
            )
        }
        if safetyMarginTokens < 0 {
            throw TokenBudgetError.invalidBudget(model: model.id, reason: "the safety margin must not be negative")
        }
        if minimumCompletionTokens < 1 {
            throw TokenBudgetError.invalidBudget(
                model: model.id,
                reason: "the minimum completion must be at least 1 token"
            )
        }
        self.model = model
        self.requestedCompletionTokens = requestedCompletionTokens
        self.safetyMarginTokens = safetyMarginTokens
        self.minimumCompletionTokens = minimumCompletionTokens
        if promptAllowanceTokens < 0 {
            throw TokenBudgetError.invalidBudget(
                model: model.id,
                reason: "a safety margin of \(safetyMarginTokens.grouped) tokens plus a minimum completion of "
                    + "\(effectiveMinimumCompletionTokens.grouped) tokens leaves no room for a prompt in the "
                    + "\(model.contextWindowTokens.grouped)-token context window; lower the safety margin"
            )
        }
    }

    /// The most completion tokens any request may ask for: `min(requested ?? maxOutput, maxOutput)`.
    public var completionCapTokens: Int {
        min(requestedCompletionTokens ?? model.maxOutputTokens, model.maxOutputTokens)
    }

    /// The minimum completion actually enforced, in tokens: the configured minimum, lowered to
    /// ``completionCapTokens`` when the model or the request allows less.
    public var effectiveMinimumCompletionTokens: Int {
        max(1, min(minimumCompletionTokens, completionCapTokens))
    }

    /// The largest counted prompt, in tokens, for which a plan can be made.
    ///
    /// For exact models this is `window − safetyMargin − minimumCompletion`; for estimated models it is the
    /// largest count whose reservation (count + margin percent, rounded up) still fits.
    public var maxPromptTokens: Int {
        let allowance = promptAllowanceTokens
        guard model.isEstimate, model.estimateMarginPercent > 0 else { return allowance }
        // reserved(p) = ceil(p · (100 + k) / 100) ≤ allowance  ⟺  p ≤ ⌊100 · allowance / (100 + k)⌋
        return 100 * allowance / (100 + model.estimateMarginPercent)
    }

    /// The tokens a reserved prompt may take: `window − safetyMargin − minimumCompletion`.
    private var promptAllowanceTokens: Int {
        model.contextWindowTokens - safetyMarginTokens - effectiveMinimumCompletionTokens
    }

    /// The output cap for a prompt of the given size: the one place docgen decides `max_tokens`.
    ///
    /// Returns `min(requested ?? maxOutput, maxOutput, window − reservedPrompt − safetyMargin)`.
    ///
    /// - Parameter promptTokens: The counted prompt tokens (from ``MessageOverhead``); must be ≥ 0.
    /// - Returns: A completion size with `reservedPrompt + safetyMargin + result ≤ window` and
    ///   `effectiveMinimumCompletionTokens ≤ result ≤ completionCapTokens`.
    /// - Throws: ``TokenBudgetError`` whose ``TokenBudgetError/excessPromptTokens`` is exactly how many tokens
    ///   the prompt must lose, when less than the minimum completion would be left.
    public func maxCompletionTokens(promptTokens: Int) throws -> Int {
        precondition(promptTokens >= 0, "a prompt cannot have a negative number of tokens")
        let reserved = model.reservedPromptTokens(forCounted: promptTokens)
        let room = model.contextWindowTokens - reserved - safetyMarginTokens
        let maxTokens = min(completionCapTokens, room)
        guard maxTokens >= effectiveMinimumCompletionTokens else {
            throw TokenBudgetError.promptTooLarge(
                TokenBudgetError.PromptOverflow(
                    model: model.id,
                    promptTokens: promptTokens,
                    reservedPromptTokens: reserved,
                    maxPromptTokens: maxPromptTokens,
                    contextWindowTokens: model.contextWindowTokens,
                    safetyMarginTokens: safetyMarginTokens,
                    minimumCompletionTokens: effectiveMinimumCompletionTokens,
                    isEstimate: model.isEstimate
                )
            )
        }
        return maxTokens
    }

    /// Tokens the prompt must lose before a plan can be made; 0 when it already fits.
    ///
    /// - Parameter promptTokens: The counted prompt tokens; must be ≥ 0.
    /// - Returns: `max(0, promptTokens − maxPromptTokens)`.
    public func requiredPromptReduction(promptTokens: Int) -> Int {
        max(0, promptTokens - maxPromptTokens)
    }
}
