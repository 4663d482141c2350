public import DocgenTokens

extension PromptManager {
    /// The most problems a repair request lists.
    static let maximumRepairProblems = 30
    /// The most characters of one problem's message a repair request carries.
    static let maximumProblemCharacters = 160

    /// The one repair request for a page that failed the checks: the problems, the facts (outline and
    /// signatures) and the page, fitted to the budget like every request (page lines are cut from the end first,
    /// then docstring summaries).
    ///
    /// - Parameters:
    ///   - module: The documented file.
    ///   - page: The page that failed.
    ///   - problems: What the checks found.
    /// - Returns: The planned request.
    /// - Throws: ``PromptError`` when even the facts alone do not fit.
    public func repairRequest(for module: SourceFile, page: String, problems: [PageQuality.Finding]) throws
        -> ChatCompletionRequest
    {
        let pageLines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let limit = promptBudgetTokens
        for withSummaries in [true, false] {
            let render = { (kept: Int) in
                self.renderRepair(
                    module, pageLines: pageLines.prefix(kept), cut: pageLines.count - kept, problems: problems,
                    withSummaries: withSummaries)
            }
            if render(pageLines.count).tokens <= limit { return try makeRepair(render(pageLines.count)) }
            guard render(0).tokens <= limit else { continue }
            var low = 0
            var high = pageLines.count
            while high - low > 1 {
                let middle = (low + high) / 2
                if render(middle).tokens <= limit { low = middle } else { high = middle }
            }
            return try makeRepair(render(low))
        }
        throw PromptError.doesNotFit(
            file: module.path,
            needed: renderRepair(
                module, pageLines: [], cut: pageLines.count, problems: problems, withSummaries: false
            ).tokens, available: limit, model: modelName)
    }

    /// The most a repair request can cost for a module whose page is planned as `plan`: the facts and problems
    /// counted exactly, plus the longest page the plan can produce (its `max_tokens` and a header), capped at the
    /// prompt budget. For the dry run's worst case.
    ///
    /// - Parameters:
    ///   - module: The file.
    ///   - plan: Its planned page requests.
    /// - Returns: The budget plan of the worst-case repair request.
    /// - Throws: ``TokenBudgetError`` when nothing is left for the completion.
    public func worstCaseRepair(for module: SourceFile, plan: FilePlan) throws -> BudgetPlan {
        let problems = (0..<Self.maximumRepairProblems).map { _ in
            PageQuality.Finding(
                check: "truthfulness", line: 99_999, name: nil,
                message: String(repeating: "x", count: Self.maximumProblemCharacters))
        }
        let facts = renderRepair(module, pageLines: [], cut: 0, problems: problems, withSummaries: true).tokens
        let pageBound = plan.maxCompletionTokens + 200 * plan.requestCount
        return try budget.plan(promptTokens: min(promptBudgetTokens, facts + pageBound))
    }

    private func makeRepair(_ rendered: (messages: [ChatMessage], tokens: Int)) throws -> ChatCompletionRequest {
        ChatCompletionRequest(
            modelName: modelName, messages: rendered.messages, plan: try budget.plan(promptTokens: rendered.tokens),
            stream: stream, temperature: temperature)
    }

    func renderRepair(
        _ module: SourceFile,
        pageLines: ArraySlice<String>,
        cut: Int,
        problems: [PageQuality.Finding],
        withSummaries: Bool
    ) -> (messages: [ChatMessage], tokens: Int) {
        let system =
            "You correct documentation pages so that they say only what the code shows. Use only names that appear "
            + "in the facts you are given; never invent functions, classes or parameters."
        var user = "The page below documents `\(module.path)` (\(module.language)) of the project \(project). "
        user += "A checker compared it with the code and found these problems:\n\n"
        for problem in problems.prefix(Self.maximumRepairProblems) {
            let message =
                problem.message.count > Self.maximumProblemCharacters
                ? String(problem.message.prefix(Self.maximumProblemCharacters - 1)) + "…" : problem.message
            user += "- " + (problem.line.map { "page line \($0): " } ?? "") + message + "\n"
        }
        if problems.count > Self.maximumRepairProblems {
            user += "- … and \(problems.count - Self.maximumRepairProblems) more of the same kinds\n"
        }
        user += "\nFacts from the code (every class, function and method, with its signature):\n\n"
        for symbol in module.symbols where symbol.kind != "extension" {
            user += "- \(symbol.kind) `\(symbol.qualifiedName)` (line \(symbol.line)): `\(symbol.signature)`"
            if withSummaries, let summary = symbol.docstringSummary { user += " — \(summary)" }
            user += "\n"
        }
        user += "\nRewrite the whole page in Markdown. Fix every problem: correct or remove names that are not in "
        user += "the facts, describe each parameter by its real name, and mention every public symbol. "
        user += "Answer with the page only.\n\nThe page"
        user += cut > 0 ? " (its last \(cut) lines were cut to fit):\n\n" : ":\n\n"
        user += pageLines.joined(separator: "\n")
        let messages: [ChatMessage] = [.system(system), .user(user)]
        return (messages, scaledCount(messages))
    }
}
