/// Converts token counts into US dollars with a model's published prices.
///
/// Prices come from ``ModelProfile/pricing`` and are as of ``ModelProfile/Pricing/asOf``; cached-input
/// discounts and batch prices are not modelled, so the estimate is an upper bound for those. Reasoning tokens
/// are billed as completion tokens.
///
/// ```swift
/// let estimator = CostEstimator()
/// let cost = estimator.estimate(promptTokens: 2_133, completionTokens: 900, for: gpt4o)
/// cost?.totalUSD   // 0.0143325
/// ```
public struct CostEstimator: Sendable {
    /// A cost in US dollars.
    public struct Estimate: Sendable, Hashable {
        /// The cost of the prompt tokens, in USD.
        public var inputUSD: Double
        /// The cost of the completion tokens, in USD.
        public var outputUSD: Double
        /// The day the prices were taken, `YYYY-MM-DD`.
        public var pricesAsOf: String

        /// `inputUSD + outputUSD`.
        public var totalUSD: Double { inputUSD + outputUSD }
    }

    /// Creates an estimator.
    public init() {}

    /// The cost of a request.
    ///
    /// - Parameters:
    ///   - promptTokens: Prompt tokens billed.
    ///   - completionTokens: Completion tokens billed, reasoning included.
    ///   - profile: The model.
    /// - Returns: The cost, or `nil` when the profile has no prices (custom models).
    public func estimate(promptTokens: Int, completionTokens: Int, for profile: ModelProfile) -> Estimate? {
        guard let pricing = profile.pricing else { return nil }
        return Estimate(
            inputUSD: Double(promptTokens) * pricing.inputUSDPerMillionTokens / 1_000_000,
            outputUSD: Double(completionTokens) * pricing.outputUSDPerMillionTokens / 1_000_000,
            pricesAsOf: pricing.asOf
        )
    }

    /// The most a planned request can cost: its prompt plus a completion of the full ``BudgetPlan/maxCompletionTokens``.
    ///
    /// - Parameters:
    ///   - plan: A plan from ``TokenBudget``.
    ///   - profile: The model the plan is for.
    /// - Returns: The worst-case cost, or `nil` without prices.
    public func maximumCost(of plan: BudgetPlan, for profile: ModelProfile) -> Estimate? {
        estimate(promptTokens: plan.promptTokens, completionTokens: plan.maxCompletionTokens, for: profile)
    }
}
