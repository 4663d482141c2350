/// Why a cost or safety guard refused a request: the budget cap, or a request no quota can admit.
///
/// A refusal is final for the module, never retried, and the run starts no new work after a budget refusal.
public struct GuardError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case budgetReached(cap: String, spent: String, needed: String)
        case exceedsQuota(module: String, tokens: Int, tokensPerMinute: Int, minimum: Int)
    }

    private let code: Code

    private init(_ code: Code) { self.code = code }

    /// The next request's worst case would cross the run's budget cap.
    ///
    /// - Parameters:
    ///   - cap: The cap as people read it (`$0.50`, `200,000 tokens`).
    ///   - spent: Spent and reserved so far, in the cap's unit.
    ///   - needed: The refused request's worst case, in the cap's unit.
    public static func budgetReached(cap: String, spent: String, needed: String) -> GuardError {
        GuardError(.budgetReached(cap: cap, spent: spent, needed: needed))
    }

    /// A module's request cannot fit the tokens-per-minute quota even with the smallest useful completion.
    public static func exceedsQuota(module: String, tokens: Int, tokensPerMinute: Int, minimum: Int) -> GuardError {
        GuardError(.exceedsQuota(module: module, tokens: tokens, tokensPerMinute: tokensPerMinute, minimum: minimum))
    }

    /// Whether this is a budget-cap refusal (the run stops starting work).
    public var isBudgetReached: Bool {
        if case .budgetReached = code { return true }
        return false
    }

    /// A label without values, for metrics.
    public var shortDescription: String {
        switch code {
        case .budgetReached: return "budget_reached"
        case .exceedsQuota: return "exceeds_quota"
        }
    }

    public var description: String {
        switch code {
        case .budgetReached(let cap, let spent, let needed):
            return "the budget cap of \(cap) is reached (\(spent) spent or reserved, the next request may cost "
                + "\(needed)); finished pages are kept: run docgen again (with a higher --max-cost or "
                + "--max-tokens-total) to continue"
        case .exceedsQuota(let module, let tokens, let limit, let minimum):
            return "The request for '\(module)' needs \(tokens) tokens with the smallest useful completion "
                + "(\(minimum) tokens) but the tokens-per-minute quota is \(limit), so it can never be admitted; "
                + "set rate_limit.tokens_per_minute: \(limit) so docgen plans every request within it (cutting or "
                + "splitting the module), or lower --max-source-lines."
        }
    }
}
