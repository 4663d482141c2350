import DocgenCore
import DocgenTestSupport
import DocgenTokens
import Testing

/// The one repair request is planned and fitted like every request, and the dry run's worst case bounds it.
struct PromptManagerRepairTests {
    let counter = ByteTokenCounter()

    func manager(window: Int) throws -> PromptManager {
        let profile = ModelProfile(id: "small", contextWindowTokens: window, maxOutputTokens: min(2_000, window))
        let budget = try TokenBudget(
            model: profile, requestedCompletionTokens: 500, safetyMarginTokens: 8, minimumCompletionTokens: 50)
        return try PromptManager(
            templates: try .defaults(), project: "sample", budget: budget, counter: counter, modelName: "small")
    }

    static let problems = [
        PageQuality.Finding(
            check: "truthfulness", line: 3, name: "hsl_to_rgb",
            message: "'hsl_to_rgb' is not defined in the code, its imports or the language")
    ]

    @Test func carriesProblemsFactsAndPageWithinTheBudget() throws {
        let manager = try manager(window: 20_000)
        let module = PromptManagerTests.file(functions: 3, bodyLines: 2)
        let page = "# `m.py`\n\nThe `hsl_to_rgb` function.\n"
        let request = try manager.repairRequest(for: module, page: page, problems: Self.problems)
        let user = try #require(request.messages.last?.content)
        #expect(user.contains("page line 3: 'hsl_to_rgb' is not defined"))
        #expect(user.contains("function `f0` (line 4): `def f0(a, b)` — Function 0 docstring."))
        #expect(user.contains("The `hsl_to_rgb` function."))
        #expect(request.plan.promptTokens <= manager.promptBudgetTokens)
        #expect(request.plan.promptTokens + request.plan.maxCompletionTokens <= 20_000)
    }

    @Test func cutsThePageFromTheEndToFit() throws {
        let manager = try manager(window: 3_000)
        let module = PromptManagerTests.file(functions: 2, bodyLines: 1)
        let page = (1...400).map { "line \($0) of a long page" }.joined(separator: "\n")
        let request = try manager.repairRequest(for: module, page: page, problems: Self.problems)
        let user = try #require(request.messages.last?.content)
        #expect(request.plan.promptTokens <= manager.promptBudgetTokens)
        #expect(user.contains("line 1 of a long page"))
        #expect(!user.contains("line 400 of a long page"))
        #expect(user.contains("lines were cut to fit"))
    }

    @Test func worstCaseBoundsTheRealRepair() throws {
        let manager = try manager(window: 20_000)
        let module = PromptManagerTests.file(functions: 4, bodyLines: 3)
        let plan = try manager.plan(module)
        let worst = try manager.worstCaseRepair(for: module, plan: plan)
        // The longest page the plan allows, with the most problems listed.
        let page = String(repeating: "w", count: plan.maxCompletionTokens)
        let problems = (0..<40).map { _ in Self.problems[0] }
        let request = try manager.repairRequest(for: module, page: page, problems: problems)
        #expect(request.plan.promptTokens <= worst.promptTokens)
        #expect(worst.promptTokens <= manager.promptBudgetTokens)
    }
}
