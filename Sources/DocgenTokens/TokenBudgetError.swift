/// Why a model could not be resolved, a budget could not be planned or a conversation could not be compressed.
///
/// The ``description`` says what failed, for which model, with the numbers, and what to do. The numbers are also
/// available as properties (``excessPromptTokens``, ``maxPromptTokens``) so callers can shrink a prompt by
/// exactly the right amount instead of parsing text.
///
/// ```swift
/// do {
///     let plan = try budget.plan(promptTokens: count)
/// } catch let error as TokenBudgetError {
///     if let excess = error.excessPromptTokens { /* drop `excess` tokens of source and retry */ }
/// }
/// ```
public struct TokenBudgetError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Sendable, Hashable {
        case unknownModel(name: String, knownModels: [String])
        case promptTooLarge(PromptOverflow)
        case conversationTooLarge(budgetTokens: Int, smallestTokens: Int)
        case invalidBudget(model: String, reason: String)
        case invalidProfile(model: String, reason: String)
    }

    struct PromptOverflow: Sendable, Hashable {
        var model: String
        var promptTokens: Int
        var reservedPromptTokens: Int
        var maxPromptTokens: Int
        var contextWindowTokens: Int
        var safetyMarginTokens: Int
        var minimumCompletionTokens: Int
        var isEstimate: Bool
    }

    private let code: Code

    private init(_ code: Code) {
        self.code = code
    }

    static func unknownModel(_ name: String, knownModels: [String]) -> TokenBudgetError {
        TokenBudgetError(.unknownModel(name: name, knownModels: knownModels))
    }

    static func promptTooLarge(_ overflow: PromptOverflow) -> TokenBudgetError {
        TokenBudgetError(.promptTooLarge(overflow))
    }

    static func conversationTooLarge(budgetTokens: Int, smallestTokens: Int) -> TokenBudgetError {
        TokenBudgetError(.conversationTooLarge(budgetTokens: budgetTokens, smallestTokens: smallestTokens))
    }

    static func invalidBudget(model: String, reason: String) -> TokenBudgetError {
        TokenBudgetError(.invalidBudget(model: model, reason: reason))
    }

    static func invalidProfile(model: String, reason: String) -> TokenBudgetError {
        TokenBudgetError(.invalidProfile(model: model, reason: reason))
    }

    /// The model the error is about, when there is one.
    public var modelID: String? {
        switch code {
        case .unknownModel(let name, _): return name
        case .promptTooLarge(let overflow): return overflow.model
        case .conversationTooLarge: return nil
        case .invalidBudget(let model, _), .invalidProfile(let model, _): return model
        }
    }

    /// For a prompt that is too large: exactly how many counted prompt tokens must go for the request to fit with
    /// the minimum completion. `nil` for other errors.
    public var excessPromptTokens: Int? {
        guard case .promptTooLarge(let overflow) = code else { return nil }
        return overflow.promptTokens - overflow.maxPromptTokens
    }

    /// For a prompt that is too large: the largest prompt, in counted tokens, that still fits. `nil` for other
    /// errors.
    public var maxPromptTokens: Int? {
        guard case .promptTooLarge(let overflow) = code else { return nil }
        return overflow.maxPromptTokens
    }

    /// A short label without associated values, for metrics.
    public var shortDescription: String {
        switch code {
        case .unknownModel: return "unknownModel"
        case .promptTooLarge: return "promptTooLarge"
        case .conversationTooLarge: return "conversationTooLarge"
        case .invalidBudget: return "invalidBudget"
        case .invalidProfile: return "invalidProfile"
        }
    }

    /// What failed, for which model, with the numbers, and what to do about it.
    public var description: String {
        switch code {
        case .unknownModel(let name, let knownModels):
            return "Unknown model '\(name)': docgen does not know its context window. Give the model's context "
                + "window in tokens (and its maximum output tokens) in the configuration, or choose a known model: "
                + knownModels.joined(separator: ", ") + "."
        case .promptTooLarge(let overflow):
            return Self.describe(overflow)
        case .conversationTooLarge(let budgetTokens, let smallestTokens):
            return "The conversation cannot fit in \(budgetTokens.grouped) tokens: even with every droppable "
                + "message removed and every message emptied it needs \(smallestTokens.grouped) tokens. Raise the "
                + "token budget or send fewer protected messages."
        case .invalidBudget(let model, let reason):
            return "Invalid token budget for \(model): \(reason)."
        case .invalidProfile(let model, let reason):
            return "Invalid model profile for \(model): \(reason). Fix the model's entry in the configuration."
        }
    }

    private static func describe(_ overflow: PromptOverflow) -> String {
        let excess = overflow.promptTokens - overflow.maxPromptTokens
        var text = "Prompt for \(overflow.model) needs \(overflow.promptTokens.grouped) tokens"
        if overflow.reservedPromptTokens != overflow.promptTokens {
            text += " (planned as \(overflow.reservedPromptTokens.grouped) because the count is an estimate)"
        }
        text +=
            " but at most \(overflow.maxPromptTokens.grouped) fit: the context window is "
            + "\(overflow.contextWindowTokens.grouped) tokens, of which \(overflow.minimumCompletionTokens.grouped) "
            + "are kept for the completion"
        if overflow.safetyMarginTokens > 0 {
            text += " and \(overflow.safetyMarginTokens.grouped) as a safety margin"
        }
        text +=
            ". Shrink the prompt by \(excess.grouped) tokens (for example with fewer source lines per prompt) "
            + "or choose a model with a larger context window."
        return text
    }
}

extension Int {
    /// The number with a comma every three digits (`131,020`), independent of the locale.
    var grouped: String {
        let digits = String(magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 {
                result.append(",")
            }
            result.append(digit)
        }
        return self < 0 ? "-" + result : result
    }
}
