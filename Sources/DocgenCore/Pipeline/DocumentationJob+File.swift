import DocgenBase
import DocgenTokens
import Foundation
import Logging

extension DocumentationJob {
    /// The manifest key of a file's page under the current settings; the context section the prompt quotes is
    /// part of it, so a neighbour's changed summary re-documents the files that quoted it.
    func key(for file: SourceFile, neighbours: NeighbourContext = .empty) -> String {
        let key = settings.pageInputs.key(for: file, provider: settings.providerName, model: settings.modelName)
        return neighbours.text.isEmpty ? key : RunManifest.key([key, neighbours.text])
    }

    /// ``PageInputs/inputsCheck(for:provider:model:)`` with the neighbours' context: what ``key(for:neighbours:)``
    /// depends on, as a fast digest.
    func inputsCheck(for file: SourceFile, neighbours: NeighbourContext) -> String {
        let check = settings.pageInputs.inputsCheck(
            for: file, provider: settings.providerName, model: settings.modelName)
        return neighbours.text.isEmpty ? check : Fingerprint.key([check, neighbours.text])
    }

    /// The context section of a file's prompt, from the summaries finished so far.
    func neighbours(of file: SourceFile) -> NeighbourContext {
        guard case .model(_, let prompts, _, _) = pageSource, let repository, let builder = repository.builder else {
            return .empty
        }
        return builder.context(
            for: file.path, summaries: repository.quotableSummaries(for: file.path, from: summaries.all),
            promptBudgetTokens: prompts.promptBudgetTokens)
    }

    /// Documents one file, or finds it unchanged; never throws (failures are results).
    ///
    /// In a final round `earlier` is the file's previous failure: a new failure then counts the attempts of
    /// every round ("Gave up after 9 attempts over 2 rounds; …").
    func process(_ file: SourceFile, earlier: FileResult?, pass: RunPass, stop: StopFlag) async -> FileResult {
        let page = OutputLayout.page(forFile: file.path)
        let neighbours = neighbours(of: file)
        let check = inputsCheck(for: file, neighbours: neighbours)
        let previous = pass.manifest.entries[file.path]
        // Unchanged inputs keep the recorded key: most files of a run with few changes are not hashed again.
        let key =
            previous.flatMap { $0.inputsCheck == check ? $0.key : nil } ?? key(for: file, neighbours: neighbours)
        // An empty page is no page: files are not flushed one by one, so a power cut can leave a new file empty.
        if earlier == nil, !settings.force, let entry = previous, entry.key == key,
            let data = pass.writer.read(entry.page), !data.isEmpty
        {
            summaries.record(path: file.path, page: String(decoding: data, as: UTF8.self))
            await metrics.recordOutcome(file: file.path, outcome: .cached, truncatedLines: entry.truncatedLines)
            return FileResult(path: file.path, outcome: .cached)
        }
        if settings.checkOnly {
            return FileResult(path: file.path, outcome: .skipped, reason: "stale", isStale: true)
        }
        var fileLogger = logger
        fileLogger[metadataKey: "docgen.module"] = .string(file.path)
        // Only files that are written need their line count: a cached file is never split into lines.
        let lineCount = SourceLines(file.source, commentPrefix: file.commentPrefix).count
        do {
            let (markdown, truncatedLines, requests) = try await write(
                file, lineCount: lineCount, neighbours: neighbours, answers: pass.answers, logger: fileLogger)
            let bytes = Data(markdown.utf8)
            try pass.writer.write(bytes, to: page)
            summaries.record(path: file.path, page: markdown)
            try await pass.store.record(
                RunManifest.Entry(
                    path: file.path, key: key, page: page, language: file.language, symbols: file.symbols.count,
                    lines: lineCount, model: settings.modelName, truncatedLines: truncatedLines, requests: requests,
                    pageHash: Fingerprint.hex(of: bytes),
                    outline: SymbolAnchor.outline(SymbolAnchor.anchors(for: file.symbols)),
                    linksKey: linksKey(for: file.path), inputsCheck: check))
            pass.answers.forget(file: file.path)
            await metrics.recordRedactions(file: file.path, counts: settings.redactions[file.path] ?? [:])
            await metrics.recordOutcome(
                file: file.path, outcome: .documented, truncatedLines: truncatedLines,
                plannedRequests: max(1, requests))
            return FileResult(
                path: file.path, outcome: .documented, isLinked: repository != nil,
                rounds: (earlier?.rounds ?? 0) + 1)
        } catch is CancellationError {
            return FileResult(path: file.path, outcome: nil)
        } catch {
            var error = error
            if let earlier, let serviceError = error as? AIServiceError {
                error = serviceError.afterEarlierRounds(attempts: earlier.attempts ?? 0, rounds: earlier.rounds)
            }
            let reason = String(describing: error)
            let cause = RetryPolicy.finalRoundCause(of: error)
            if let serviceError = error as? AIServiceError, serviceError.repeatsForEveryRequest {
                stop.set(reason, cause: cause)
            }
            if let guardError = error as? GuardError, guardError.isBudgetReached {
                stop.set(guardError.description, cause: nil)
            }
            if Task.isCancelled { return FileResult(path: file.path, outcome: nil) }
            fileLogger.debug("module failed", metadata: ["docgen.error": .string(reason)])
            await metrics.recordOutcome(file: file.path, outcome: .failed, reason: reason)
            return FileResult(
                path: file.path, outcome: .failed, reason: reason, cause: cause,
                attempts: (error as? AIServiceError)?.attempts ?? earlier?.attempts,
                rounds: (earlier?.rounds ?? 0) + 1)
        }
    }

    /// Produces a file's page: (markdown, truncated lines, requests).
    private func write(
        _ file: SourceFile,
        lineCount: Int,
        neighbours: NeighbourContext,
        answers cache: AnswerCache,
        logger: Logger
    ) async throws -> (String, Int, Int) {
        switch pageSource {
        case .offline:
            let page = OfflineDocumentWriter().page(for: file, lineCount: lineCount)
            return (await checked(page, file: file, repair: nil, completesFirst: true), 0, 0)
        case .model(let service, let basePrompts, _, let counter):
            let (prompts, plan, answers) = try await planAndAsk(
                file, prompts: basePrompts.with(neighbours: neighbours), service: service, counter: counter,
                cache: cache, logger: logger)
            let budget = prompts.tokenBudget
            let markdown = PageComposer().page(
                path: file.path, model: settings.modelName, provider: settings.providerName, plan: plan,
                answers: answers, anchors: SymbolAnchor.anchors(for: file.symbols))
            let repair: @Sendable (String, [PageQuality.Finding]) async throws -> String = { page, problems in
                var request = try prompts.repairRequest(for: file, page: page, problems: problems)
                if let serverCounter = settings.serverCounter {
                    request = try await prompts.exactRequest(request, serverCounter: serverCounter)
                }
                let result = try await guardedComplete(
                    request, service: service, budget: budget, counter: counter, file: file.path, logger: logger)
                return PageComposer().page(
                    path: file.path, model: settings.modelName, provider: settings.providerName, plan: plan,
                    answers: [PageComposer.Answer(text: result.text, isLengthLimited: result.isLengthLimited)],
                    anchors: SymbolAnchor.anchors(for: file.symbols))
            }
            let page = await checked(markdown, file: file, repair: repair, logger: logger)
            return (page, plan.truncatedLines, plan.requestCount)
        }
    }

    /// Plans a module and sends its requests. When the server's window turns out too small for a prompt (its
    /// context-length error), the module is fitted again — lines cut, the file split — to the server's window and
    /// asked once more; answers of the old parts are dropped, since the parts change.
    private func planAndAsk(
        _ file: SourceFile, prompts base: PromptManager, service: AIService<C>, counter: any Tokenizer,
        cache: AnswerCache, logger: Logger
    ) async throws -> (PromptManager, FilePlan, [PageComposer.Answer]) {
        var prompts = try adjusted(base, memory: service.windowMemory)
        var refitted = false
        while true {
            let plan = try await planFile(file, prompts: prompts)
            if plan.isTruncated || plan.isSplit { logFitted(file, plan: plan, prompts: prompts, logger: logger) }
            do {
                let answers = try await requestAnswers(
                    file, plan: plan, service: service, budget: prompts.tokenBudget, counter: counter, cache: cache,
                    logger: logger)
                return (prompts, plan, answers)
            } catch let error as AIServiceError where error.serverWindowToRefit != nil && !refitted {
                refitted = true
                cache.forget(file: file.path)
                let window = service.windowMemory.learned?.tokens ?? error.serverWindowToRefit
                prompts = try prompts.refitted(
                    window: window, countScale: max(prompts.countScale, service.windowMemory.countRatio * 1.02))
                logger.debug(
                    "re-fitting to the server's window",
                    metadata: ["docgen.tokens.window": .string(String(window ?? 0))])
            }
        }
    }

    /// The module's prompt manager for the window learned from the server so far (the configured one when none
    /// is smaller).
    func adjusted(_ prompts: PromptManager, memory: ContextWindowMemory) throws -> PromptManager {
        guard let learned = memory.learned, learned.tokens < prompts.tokenBudget.model.contextWindowTokens else {
            return prompts
        }
        return try prompts.refitted(window: learned.tokens, countScale: memory.countRatio * 1.02)
    }

    /// Plans a module: with the server's tokenizer when the run has one, else with local counts.
    func planFile(_ file: SourceFile, prompts: PromptManager) async throws -> FilePlan {
        if let serverCounter = settings.serverCounter {
            return try await prompts.plan(file, serverCounter: serverCounter)
        }
        return try prompts.plan(file)
    }

    /// Sends a plan's requests in order (answers kept from an earlier round are reused).
    func requestAnswers(
        _ file: SourceFile, plan: FilePlan, service: AIService<C>, budget: TokenBudget, counter: any Tokenizer,
        cache: AnswerCache, logger: Logger
    ) async throws -> [PageComposer.Answer] {
        var answers: [PageComposer.Answer] = []
        cache.dropIfPlanChanged(file: file.path, parts: plan.parts.count)
        for (index, part) in plan.parts.enumerated() {
            try Task.checkCancellation()
            if let kept = cache.answer(file: file.path, part: index) {
                answers.append(kept)
                continue
            }
            let result = try await guardedComplete(
                part.request, service: service, budget: budget, counter: counter, file: file.path, logger: logger)
            let answer = PageComposer.Answer(text: result.text, isLengthLimited: result.isLengthLimited)
            cache.keep(answer, file: file.path, part: index)
            answers.append(answer)
        }
        return answers
    }

    private func logFitted(_ file: SourceFile, plan: FilePlan, prompts: PromptManager, logger: Logger) {
        let event = FileFittedEvent(
            file: file.path, model: settings.modelName, omittedLines: plan.truncatedLines,
            totalLines: plan.sourceLines, requests: plan.requestCount, promptTokens: plan.promptTokens,
            largestPromptTokens: plan.parts.map(\.request.plan.promptTokens).max() ?? 0,
            promptBudgetTokens: prompts.promptBudgetTokens,
            contextWindowTokens: prompts.tokenBudget.model.contextWindowTokens, maxSourceLines: prompts.maxSourceLines)
        logger.log(event, level: .warning)
    }
}
