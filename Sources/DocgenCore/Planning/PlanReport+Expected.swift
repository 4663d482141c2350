public import DocgenTokens

extension PlanReport {
    /// What the dry run expects a run to cost next to the worst case, and what a budget cap allows.
    public struct Expectation: Sendable, Encodable, Equatable {
        /// Completion tokens expected per request.
        public var completionTokensPerRequest: Int
        /// Where that figure comes from (the last run's answers, or an assumption).
        public var source: String
        /// The expected cost in USD: every prompt plus the expected completions (nil without prices).
        public var costUsd: Double?
        /// The budget cap as people read it, when one is configured.
        public var budgetCap: String?
        /// Modules (in path order) whose worst case fits under the cap, when one is configured.
        public var modulesWithinBudget: Int?
    }

    /// Adds the expected cost per row and in total, and what fits under a budget cap.
    ///
    /// - Parameters:
    ///   - completionTokensPerRequest: Completion tokens expected per request (each capped by its `max_tokens`).
    ///   - source: Where the figure comes from, for the table.
    ///   - profile: The model (prices).
    ///   - budget: The run's budget cap.
    public mutating func applyExpectation(
        completionTokensPerRequest: Int, source: String, profile: ModelProfile, budget: DocgenConfiguration.Budget
    ) {
        let estimator = CostEstimator()
        var total: Double? = 0
        for index in files.indices where files[index].error == nil {
            let row = files[index]
            let completion = min(row.maxCompletionTokens, completionTokensPerRequest * row.requests)
            let cost = estimator.estimate(promptTokens: row.promptTokens, completionTokens: completion, for: profile)
            files[index].expectedCostUsd = cost?.totalUSD
            total = total.flatMap { sum in cost.map { sum + $0.totalUSD } }
        }
        var expectation = Expectation(
            completionTokensPerRequest: completionTokensPerRequest, source: source, costUsd: total)
        if budget.isCapped {
            let cap = SpendingCapDescription(budget)
            expectation.budgetCap = cap.text
            var spentUSD = 0.0
            var spentTokens = 0
            var fitting = 0
            for row in files where row.error == nil {
                spentUSD += row.estimatedCostUsd ?? 0
                spentTokens += row.promptTokens + row.maxCompletionTokens
                if let maxCost = budget.maxCostUSD, spentUSD > maxCost { break }
                if let maxTokens = budget.maxTokensTotal, spentTokens > maxTokens { break }
                fitting += 1
            }
            expectation.modulesWithinBudget = fitting
        }
        self.expectation = expectation
    }

    /// The dry run's expected-cost and budget lines (empty without an expectation).
    var expectationTableLines: String {
        guard let expectation else { return "" }
        var out = "cost side by side: worst case \(Self.cost(totals.estimatedCostUsd)) (every max_tokens billed), "
        out += "expected \(Self.cost(expectation.costUsd)) (\(expectation.completionTokensPerRequest) completion "
        out += "tokens per request: \(expectation.source))\n"
        if let cap = expectation.budgetCap, let fitting = expectation.modulesWithinBudget {
            let planned = files.filter { $0.error == nil }.count
            out +=
                fitting >= planned
                ? "budget cap \(cap): the worst case of all \(planned) modules fits\n"
                : "budget cap \(cap): the worst case fits \(fitting) of \(planned) modules; a run stops cleanly "
                    + "before the request that could cross it (exit 1) and the next run continues\n"
        }
        return out
    }
}

/// A budget cap as people read it: `$0.50 and 200,000 tokens`.
struct SpendingCapDescription {
    let text: String

    init(_ budget: DocgenConfiguration.Budget) {
        text = [
            budget.maxCostUSD.map(HumanFormat.usd), budget.maxTokensTotal.map { "\(HumanFormat.count($0)) tokens" },
        ]
        .compactMap { $0 }.joined(separator: " and ")
    }
}
