public import DocgenTokens

extension PromptManager {
    /// The local count of messages, multiplied by ``countScale`` (rounded up).
    func scaledCount(_ messages: [ChatMessage]) -> Int {
        let tokens = budget.model.messageOverhead.countTokens(in: messages, tools: [], using: counter).totalTokens
        guard countScale > 1 else { return tokens }
        return Int((Double(tokens) * countScale).rounded(.up))
    }

    /// The budget this manager plans with.
    public var tokenBudget: TokenBudget { budget }

    /// A manager for a smaller window and/or a tokenizer that counts more than the local encoding.
    ///
    /// Used when the server's window turned out smaller than configured (learned from its context-length error) and
    /// when the server's tokenizer counted more than the local estimate: the module is fitted again — lines cut,
    /// the file split — against the new numbers, not just given a smaller `max_tokens`.
    ///
    /// - Parameters:
    ///   - window: The window to plan for, or nil to keep the model's.
    ///   - countScale: What local counts are multiplied by (at least 1).
    /// - Returns: The manager to plan with.
    /// - Throws: ``TokenBudgetError`` when the window cannot hold the minimum completion at all.
    public func refitted(window: Int?, countScale: Double) throws -> PromptManager {
        var profile = budget.model
        if let window, window < profile.contextWindowTokens {
            // At most half of a smaller window goes to the completion, so prompts keep room to be fitted.
            profile.contextWindowTokens = window
            profile.maxOutputTokens = min(profile.maxOutputTokens, max(1, window / 2))
        }
        let newBudget = try TokenBudget(
            model: profile, requestedCompletionTokens: budget.requestedCompletionTokens,
            safetyMarginTokens: budget.safetyMarginTokens, minimumCompletionTokens: budget.minimumCompletionTokens)
        var copy = try PromptManager(
            templates: templates, project: project, budget: newBudget, counter: counter, modelName: modelName,
            maxSourceLines: maxSourceLines, stream: stream, temperature: temperature)
        copy.neighbours = neighbours
        copy.countScale = max(1, countScale)
        return copy
    }

    /// Plans a file with the server's tokenizer: fitted locally first, then every part counted by the server and
    /// planned with that exact count. A part the server counts too large for the window is fitted again with the
    /// local counts scaled up by what the server counted more (at most four rounds).
    ///
    /// - Parameters:
    ///   - file: The file.
    ///   - serverCounter: The server's tokenizer.
    /// - Returns: The plan; each request's ``BudgetPlan`` carries the server's count and is not an estimate.
    /// - Throws: ``PromptError`` when the file cannot fit, ``AIServiceError`` when the tokenizer fails.
    public func plan(_ file: SourceFile, serverCounter: ServerTokenCounter) async throws -> FilePlan {
        var manager = try refitted(window: nil, countScale: max(countScale, serverCounter.observedRatio))
        var lastError: (any Error)?
        for _ in 0..<4 {
            var plan = try manager.plan(file)
            var worst = 1.0
            var fits = true
            for index in plan.parts.indices {
                let request = plan.parts[index].request
                let local = manager.budget.model.messageOverhead.countTokens(
                    in: request.messages, tools: [], using: counter
                ).totalTokens
                let server = try await serverCounter.count(request.messages)
                serverCounter.noteRatio(server: server, local: local)
                worst = max(worst, Double(server) / Double(max(1, local)))
                do {
                    plan.parts[index].request.plan = try manager.exactBudget.plan(promptTokens: server)
                } catch {
                    fits = false
                    lastError = error
                }
            }
            if fits { return plan }
            manager = try manager.refitted(window: nil, countScale: max(manager.countScale * 1.05, worst * 1.02))
        }
        throw lastError ?? PromptError.doesNotFit(file: file.path, needed: 0, available: 0, model: budget.model.id)
    }

    /// Counts a request on the server and plans it exactly; the local plan is kept when the server's count does
    /// not fit (the server's context-length answer then re-plans it).
    ///
    /// - Parameters:
    ///   - request: A request planned with local counts.
    ///   - serverCounter: The server's tokenizer.
    /// - Returns: The request with the server's count in its plan.
    /// - Throws: ``AIServiceError`` when the tokenizer fails, ``TokenBudgetError`` when the server's count leaves no
    ///   room for the completion in the window.
    public func exactRequest(
        _ request: ChatCompletionRequest, serverCounter: ServerTokenCounter
    ) async throws -> ChatCompletionRequest {
        var request = request
        let server = try await serverCounter.count(request.messages)
        // A request the server counts too large is never sent: the caller (a repair) gives up instead of collecting
        // a 400 from the server.
        request.plan = try exactBudget.plan(promptTokens: server)
        return request
    }

    /// The budget with the model's counts taken as exact (for counts that come from the server).
    var exactBudget: TokenBudget {
        get throws {
            var profile = budget.model
            profile.countAccuracy = .exact
            return try TokenBudget(
                model: profile, requestedCompletionTokens: budget.requestedCompletionTokens,
                safetyMarginTokens: budget.safetyMarginTokens, minimumCompletionTokens: budget.minimumCompletionTokens)
        }
    }
}
