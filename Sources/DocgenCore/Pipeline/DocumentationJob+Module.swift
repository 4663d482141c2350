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
            let page = OfflineDocumentWriter().page(for: module, lineCount: lineCount)
            return (await checked(page, module: module, repair: nil), 0, 0)
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
            for part in plan.parts {
                try Task.checkCancellation()
                let result = try await service.complete(
                    part.request, budget: budget, counter: counter, module: module.path)
                answers.append(PageComposer.Answer(text: result.text, isLengthLimited: result.isLengthLimited))
            }
            let markdown = PageComposer().page(
                path: module.path, model: settings.modelName, provider: settings.providerName, plan: plan,
                answers: answers)
            let repair: @Sendable (String, [PageQuality.Finding]) async throws -> String = { page, problems in
                let request = try prompts.repairRequest(for: module, page: page, problems: problems)
                let result = try await service.complete(
                    request, budget: budget, counter: counter, module: module.path)
                return PageComposer().page(
                    path: module.path, model: settings.modelName, provider: settings.providerName, plan: plan,
                    answers: [PageComposer.Answer(text: result.text, isLengthLimited: result.isLengthLimited)])
            }
            let page = await checked(markdown, module: module, repair: repair, logger: logger)
            return (page, plan.truncatedLines, plan.requestCount)
        }
    }

    /// Checks a page, repairs it once when it fails (keeping the better version), applies the reviewer's honest
    /// amendments and records the page's quality. Without a reviewer the page is returned as it is.
    func checked(
        _ page: String,
        module: SourceFile,
        repair: (@Sendable (String, [PageQuality.Finding]) async throws -> String)?,
        logger: Logger? = nil
    ) async -> String {
        guard let reviewer = settings.reviewer else { return page }
        let pagePath = OutputLayout.page(forModule: module.path)
        var best = page
        var quality = reviewer.review(page: page, for: module, pagePath: pagePath)
        var requested = false
        var kept = false
        if !quality.passes, settings.repairsPages, let repair {
            requested = true
            do {
                let repaired = try await repair(page, quality.findings)
                let repairedQuality = reviewer.review(page: repaired, for: module, pagePath: pagePath)
                if repairedQuality.score > quality.score {
                    best = repaired
                    quality = repairedQuality
                    kept = true
                }
            } catch {
                // The first page stands; the repair is an improvement, never a reason to lose a page.
                logger?.debug("repair request failed", metadata: ["docgen.error": .string("\(error)")])
            }
        }
        let amended =
            quality.passes
            ? (page: best, marked: 0, entries: 0)
            : reviewer.amend(
                page: best, for: module, pagePath: pagePath)
        var final = reviewer.review(page: amended.page, for: module, pagePath: pagePath)
        final.markedNames = amended.marked
        final.referenceEntries = amended.entries
        final.repairRequested = requested
        final.repairKept = kept
        if !quality.passes { final.beforeAmendment = quality.counts }
        await metrics.recordQuality(module: module.path, quality: final)
        return amended.page
    }
}
