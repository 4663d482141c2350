import DocgenTokens
import Foundation
import Logging

extension DocumentationJob {
    /// The manifest key of a module's page under the current settings.
    func key(for module: SourceFile) -> String {
        RunManifest.key([module.source, module.path, settings.providerName, settings.modelName] + settings.fingerprint)
    }

    /// Documents one module, or finds it unchanged; never throws (failures are results).
    func process(
        _ module: SourceFile,
        manifest: RunManifest,
        writer: AtomicFileWriter,
        store: ManifestStore,
        stop: StopFlag
    ) async -> ModuleResult {
        let page = OutputLayout.page(forModule: module.path)
        let key = key(for: module)
        if !settings.force, let entry = manifest.entries[module.path], entry.key == key, writer.exists(entry.page) {
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
                module, lineCount: lineCount, logger: moduleLogger)
            try writer.write(markdown, to: page)
            try await store.record(
                RunManifest.Entry(
                    path: module.path, key: key, page: page, language: module.language, symbols: module.symbols.count,
                    lines: lineCount, model: settings.modelName, truncatedLines: truncatedLines, requests: requests))
            await metrics.recordOutcome(
                module: module.path, outcome: .documented, truncatedLines: truncatedLines,
                plannedRequests: max(1, requests))
            return ModuleResult(path: module.path, outcome: .documented)
        } catch is CancellationError {
            return ModuleResult(path: module.path, outcome: nil)
        } catch {
            let reason = String(describing: error)
            if let serviceError = error as? AIServiceError, serviceError.repeatsForEveryRequest {
                stop.set(reason)
            }
            if Task.isCancelled { return ModuleResult(path: module.path, outcome: nil) }
            moduleLogger.debug("module failed", metadata: ["docgen.error": .string(reason)])
            await metrics.recordOutcome(module: module.path, outcome: .failed, reason: reason)
            return ModuleResult(path: module.path, outcome: .failed, reason: reason)
        }
    }

    /// Produces a module's page: (markdown, truncated lines, requests).
    private func write(_ module: SourceFile, lineCount: Int, logger: Logger) async throws -> (String, Int, Int) {
        switch generator {
        case .offline:
            return (OfflineDocumentWriter().page(for: module, lineCount: lineCount), 0, 0)
        case .model(let service, let prompts, let budget, let counter):
            let plan = try prompts.plan(module)
            if plan.isTruncated || plan.isSplit {
                let event = FileFittedEvent(
                    file: module.path, model: settings.modelName, omittedLines: plan.truncatedLines,
                    totalLines: plan.sourceLines, requests: plan.requestCount, promptTokens: plan.promptTokens,
                    largestPromptTokens: plan.parts.map(\.request.plan.promptTokens).max() ?? 0,
                    promptBudgetTokens: prompts.promptBudgetTokens,
                    contextWindowTokens: budget.model.contextWindowTokens, maxSourceLines: prompts.maxSourceLines)
                logger.log(event, level: .warning)
            }
            var answers: [PageComposer.Answer] = []
            for part in plan.parts {
                try Task.checkCancellation()
                let result = try await service.complete(
                    part.request, budget: budget, counter: counter, module: module.path)
                answers.append(PageComposer.Answer(text: result.text, isLengthLimited: result.isLengthLimited))
            }
            let markdown = PageComposer().page(
                path: module.path, model: settings.modelName, provider: settings.providerName, plan: plan,
                answers: answers)
            return (markdown, plan.truncatedLines, plan.requestCount)
        }
    }
}
