import DocgenTokens
import Logging

extension DocumentationJob {
    /// Sends one planned request through the cost and safety guards, then through ``AIService``.
    ///
    /// 1. The completion cap is right-sized (``CompletionSizer``) and lowered to fit the tokens-per-minute quota
    ///    (configured, or discovered from `x-ratelimit-limit-tokens`); a prompt that cannot fit the quota even
    ///    with the minimum completion fails the module at once (``GuardError/exceedsQuota``).
    /// 2. Its worst case is reserved against the budget cap (``SpendingCap``), which refuses it when it could
    ///    cross the cap.
    /// 3. An answer cut at a tightened cap is asked again once with the planned cap.
    func guardedComplete(
        _ request: ChatCompletionRequest,
        service: AIService<C>,
        budget: TokenBudget,
        counter: any Tokenizer,
        file: String,
        logger: Logger
    ) async throws -> ChatCompletionResult {
        var sent = request
        if let cap = await settings.completionSizer?.cap {
            sent.plan = sent.plan.capped(atCompletionTokens: max(cap, budget.effectiveMinimumCompletionTokens))
        }
        sent.plan = try fittedToQuota(
            sent.plan, quota: await service.rateLimiter.tokensPerMinuteLimit, budget: budget, file: file)
        var result = try await reservedComplete(sent, service: service, budget: budget, counter: counter, file: file)
        if result.isLengthLimited, sent.plan.maxCompletionTokens < request.plan.maxCompletionTokens {
            logger.debug(
                "answer cut at a tightened cap; asking again with the planned cap",
                metadata: ["docgen.tokens.max_completion": .string(String(request.plan.maxCompletionTokens))])
            await settings.completionSizer?.recordReask()
            var again = request
            again.plan = try fittedToQuota(
                request.plan, quota: await service.rateLimiter.tokensPerMinuteLimit, budget: budget, file: file)
            result = try await reservedComplete(again, service: service, budget: budget, counter: counter, file: file)
        }
        await settings.completionSizer?.observe(
            completionTokens: result.completionTokens, wasCut: result.isLengthLimited)
        return result
    }

    /// The plan with its completion lowered so prompt + `max_tokens` fits the quota.
    func fittedToQuota(_ plan: BudgetPlan, quota: Int?, budget: TokenBudget, file: String) throws -> BudgetPlan {
        guard let quota, plan.quotaTokens > quota else { return plan }
        let room = quota - plan.reservedPromptTokens
        let minimum = budget.effectiveMinimumCompletionTokens
        guard room >= minimum else {
            throw GuardError.exceedsQuota(
                module: file, tokens: plan.reservedPromptTokens + minimum, tokensPerMinute: quota, minimum: minimum)
        }
        return plan.capped(atCompletionTokens: room)
    }

    private func reservedComplete(
        _ request: ChatCompletionRequest,
        service: AIService<C>,
        budget: TokenBudget,
        counter: any Tokenizer,
        file: String
    ) async throws -> ChatCompletionResult {
        guard let cap = settings.spendingCap else {
            return try await service.complete(request, budget: budget, counter: counter, file: file)
        }
        let worst = CostEstimator().maximumCost(of: request.plan, for: budget.model)?.totalUSD ?? 0
        let reservation = try await cap.reserve(tokens: request.plan.quotaTokens, costUSD: worst)
        do {
            let result = try await service.complete(request, budget: budget, counter: counter, file: file)
            await cap.settle(
                reservation, tokens: result.promptTokens + result.completionTokens, costUSD: result.costUSD ?? 0)
            return result
        } catch {
            await cap.release(reservation)
            throw error
        }
    }
}

extension DocumentationJob {
    /// The summary lines of the guards: the budget cap reached and what is left, answers re-asked.
    func guardNotes(results: [FileResult]) async -> [String]? {
        var notes: [String] = []
        if let cap = settings.spendingCap, await cap.refusals > 0 {
            let spent = await cap.spent
            let left = results.filter { $0.outcome == .failed || $0.outcome == nil }.count
            let done = results.filter { $0.outcome == .documented }.count
            notes.append(
                "budget cap \(cap.capDescription) reached: spent \(HumanFormat.usd(spent.costUSD)) and "
                    + "\(HumanFormat.count(spent.tokens)) tokens; \(HumanFormat.count(done, "module")) documented in this run, "
                    + "\(left) left to do — run docgen again to continue from here (finished pages are kept)")
        }
        if let sizer = settings.completionSizer, await sizer.reasks > 0 {
            notes.append(
                "\(HumanFormat.count(await sizer.reasks, "answer")) cut at a tightened completion cap asked again in full"
            )
        }
        return notes.isEmpty ? nil : notes
    }
}
