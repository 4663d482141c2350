import DocgenBase
import DocgenTokens
import Foundation
import Logging

extension DocumentationJob {
    /// The manifest key of a file's page under the current settings.
    func key(for file: SourceFile) -> String {
        settings.pageInputs.key(for: file, provider: settings.providerName, model: settings.modelName)
    }

    /// Documents one file, or finds it unchanged; never throws (failures are results).
    func process(
        _ file: SourceFile,
        manifest: RunManifest,
        writer: AtomicFileWriter,
        store: ManifestStore,
        stop: StopFlag
    ) async -> FileResult {
        let page = OutputLayout.page(forFile: file.path)
        let key = key(for: file)
        if !settings.force, let entry = manifest.entries[file.path], entry.key == key, writer.exists(entry.page) {
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
                file, lineCount: lineCount, logger: fileLogger)
            let bytes = Data(markdown.utf8)
            try writer.write(bytes, to: page)
            try await store.record(
                RunManifest.Entry(
                    path: file.path, key: key, page: page, language: file.language, symbols: file.symbols.count,
                    lines: lineCount, model: settings.modelName, truncatedLines: truncatedLines, requests: requests,
                    pageHash: ContentHash.sha256Hex(of: bytes),
                    outline: SymbolAnchor.outline(SymbolAnchor.anchors(for: file.symbols))))
            await metrics.recordOutcome(
                file: file.path, outcome: .documented, truncatedLines: truncatedLines,
                plannedRequests: max(1, requests))
            return FileResult(path: file.path, outcome: .documented)
        } catch is CancellationError {
            return FileResult(path: file.path, outcome: nil)
        } catch {
            let reason = String(describing: error)
            if let serviceError = error as? AIServiceError, serviceError.repeatsForEveryRequest {
                stop.set(reason)
            }
            if Task.isCancelled { return FileResult(path: file.path, outcome: nil) }
            fileLogger.debug("module failed", metadata: ["docgen.error": .string(reason)])
            await metrics.recordOutcome(file: file.path, outcome: .failed, reason: reason)
            return FileResult(path: file.path, outcome: .failed, reason: reason)
        }
    }

    /// Produces a file's page: (markdown, truncated lines, requests).
    private func write(_ file: SourceFile, lineCount: Int, logger: Logger) async throws -> (String, Int, Int) {
        switch pageSource {
        case .offline:
            let page = OfflineDocumentWriter().page(for: file, lineCount: lineCount)
            return (await checked(page, file: file, repair: nil), 0, 0)
        case .model(let service, let prompts, let budget, let counter):
            let plan = try prompts.plan(file)
            if plan.isTruncated || plan.isSplit {
                let event = FileFittedEvent(
                    file: file.path, model: settings.modelName, omittedLines: plan.truncatedLines,
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
                    part.request, budget: budget, counter: counter, file: file.path)
                answers.append(PageComposer.Answer(text: result.text, isLengthLimited: result.isLengthLimited))
            }
            let markdown = PageComposer().page(
                path: file.path, model: settings.modelName, provider: settings.providerName, plan: plan,
                answers: answers, anchors: SymbolAnchor.anchors(for: file.symbols))
            let repair: @Sendable (String, [PageQuality.Finding]) async throws -> String = { page, problems in
                let request = try prompts.repairRequest(for: file, page: page, problems: problems)
                let result = try await service.complete(request, budget: budget, counter: counter, file: file.path)
                return PageComposer().page(
                    path: file.path, model: settings.modelName, provider: settings.providerName, plan: plan,
                    answers: [PageComposer.Answer(text: result.text, isLengthLimited: result.isLengthLimited)],
                    anchors: SymbolAnchor.anchors(for: file.symbols))
            }
            let page = await checked(markdown, file: file, repair: repair, logger: logger)
            return (page, plan.truncatedLines, plan.requestCount)
        }
    }
}
