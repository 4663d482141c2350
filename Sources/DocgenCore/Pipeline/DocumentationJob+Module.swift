import DocgenTokens
import Foundation
import Logging

extension DocumentationJob {
    /// The manifest key of a module's page under the current settings.
    func key(for module: SourceFile) -> String {
        RunManifest.key([module.source, module.path, settings.providerName, settings.modelName] + settings.fingerprint)
    }

    /// Documents one module, or finds it unchanged; never throws (failures are results).
    ///
    /// In a final round `earlier` is the module's previous failure: a new failure then counts the attempts of
    /// every round ("Gave up after 9 attempts over 2 rounds; …").
    func process(_ module: SourceFile, earlier: ModuleResult?, pass: RunPass, stop: StopFlag) async -> ModuleResult {
        let page = OutputLayout.page(forModule: module.path)
        let key = key(for: module)
        let manifest = pass.manifest
        if earlier == nil, !settings.force, let entry = manifest.entries[module.path], entry.key == key,
            pass.writer.exists(entry.page)
        {
            await metrics.recordOutcome(module: module.path, outcome: .cached, truncatedLines: entry.truncatedLines)
            return ModuleResult(path: module.path, outcome: .cached)
        }
        if settings.checkOnly {
            return ModuleResult(path: module.path, outcome: .skipped, reason: "stale", isStale: true)
        }
        var moduleLogger = logger
        moduleLogger[metadataKey: "docgen.module"] = .string(module.path)
        // Only modules that are written need their line count: a cached module is never split into lines.
        let lineCount = SourceLines(module.source, commentPrefix: module.commentPrefix).count
        do {
            let (markdown, truncatedLines, requests) = try await write(
                module, lineCount: lineCount, answers: pass.answers, logger: moduleLogger)
            try pass.writer.write(markdown, to: page)
            try await pass.store.record(
                RunManifest.Entry(
                    path: module.path, key: key, page: page, language: module.language, symbols: module.symbols.count,
                    lines: lineCount, model: settings.modelName, truncatedLines: truncatedLines, requests: requests))
            pass.answers.forget(module: module.path)
            await metrics.recordOutcome(
                module: module.path, outcome: .documented, truncatedLines: truncatedLines,
                plannedRequests: max(1, requests))
            return ModuleResult(path: module.path, outcome: .documented, rounds: (earlier?.rounds ?? 0) + 1)
        } catch is CancellationError {
            return ModuleResult(path: module.path, outcome: nil)
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
            if Task.isCancelled { return ModuleResult(path: module.path, outcome: nil) }
            moduleLogger.debug("module failed", metadata: ["docgen.error": .string(reason)])
            await metrics.recordOutcome(module: module.path, outcome: .failed, reason: reason)
            return ModuleResult(
                path: module.path, outcome: .failed, reason: reason, cause: cause,
                attempts: (error as? AIServiceError)?.attempts ?? earlier?.attempts,
                rounds: (earlier?.rounds ?? 0) + 1)
        }
    }

    /// Produces a module's page: (markdown, truncated lines, requests).
    private func write(
        _ module: SourceFile,
        lineCount: Int,
        answers cache: AnswerCache,
        logger: Logger
    ) async throws -> (String, Int, Int) {
        switch generator {
        case .offline:
            return (OfflineDocumentWriter().page(for: module, lineCount: lineCount), 0, 0)
        case .model(let service, let prompts, let budget, let counter):
            let plan = try prompts.plan(module)
            if plan.isTruncated {
                logger.warning(
                    "context truncated to fit the model's token limit",
                    metadata: [
                        "docgen.lines.omitted": .string(String(plan.truncatedLines)),
                        "docgen.lines.total": .string(String(plan.sourceLines)),
                        "docgen.tokens.prompt": .string(String(plan.promptTokens)),
                        "docgen.tokens.window": .string(String(budget.model.contextWindowTokens)),
                    ])
            }
            var answers: [PageComposer.Answer] = []
            for (index, part) in plan.parts.enumerated() {
                try Task.checkCancellation()
                if let kept = cache.answer(module: module.path, part: index) {
                    answers.append(kept)
                    continue
                }
                let result = try await service.complete(
                    part.request, budget: budget, counter: counter, module: module.path)
                let answer = PageComposer.Answer(text: result.text, isLengthLimited: result.isLengthLimited)
                cache.keep(answer, module: module.path, part: index)
                answers.append(answer)
            }
            let markdown = PageComposer().page(
                path: module.path, model: settings.modelName, provider: settings.providerName, plan: plan,
                answers: answers)
            return (markdown, plan.truncatedLines, plan.requestCount)
        }
    }
}
