import DocgenBase
import DocgenTokens
import Foundation
import Logging

extension DocumentationJob {
    /// The model-written summaries of the folders and the repository for the overview (``FolderSummarizer``),
    /// reusing the cached ones whose prompt is unchanged; empty for the offline provider, sharded runs (their
    /// merge writes the structural overview) and `--check`.
    ///
    /// A run where a module failed writes the structural overview (the summaries would quote a missing page), and a
    /// summary request that meets a failure every request would repeat (refused credentials) stops the rest.
    func summarizeFolders(files: [SourceFile], results: [FileResult], writer: AtomicFileWriter) async throws
        -> [String: String]
    {
        // Only once every module has its page, live (a batch's answers are collected without live requests) and
        // without a spending cap (the cap's guard plans module requests only; summaries wait for an uncapped run).
        guard case .model(let service, let prompts, _, let counter) = pageSource, let repository,
            settings.shard == nil, !settings.checkOnly, settings.batchAnswers == nil, settings.spendingCap == nil,
            results.allSatisfy({ $0.outcome == .documented || $0.outcome == .cached })
        else { return [:] }
        let stop = StopFlag()
        let overview = OverviewWriter(
            repository: repository, project: settings.projectName, writesHTML: settings.writesHTML
        ).overview(files: files, summaries: summaries.all, folderSummaries: [:])
        // With the server's tokenizer, summaries are fitted with local counts scaled by what the server counted more
        // for the modules, and each request is checked against the server's own count before it is sent.
        let serverCounter = settings.serverCounter
        let summaryPrompts =
            try serverCounter.map { try prompts.refitted(window: nil, countScale: $0.observedRatio) } ?? prompts
        let summarizer = FolderSummarizer(
            overview: overview, prompts: summaryPrompts, provider: settings.providerName)
        let budget = try summaryPrompts.summaryBudget()
        var exactProfile = budget.model
        exactProfile.countAccuracy = .exact
        let exactBudget = try TokenBudget(
            model: exactProfile, requestedCompletionTokens: budget.requestedCompletionTokens,
            safetyMarginTokens: budget.safetyMarginTokens, minimumCompletionTokens: budget.minimumCompletionTokens)
        let result = await summarizer.run(
            cache: FolderSummarizer.loadCache(from: writer), force: settings.force, width: settings.concurrency
        ) { request, label in
            if let reason = stop.reason { throw FolderSummaryStopped(reason: reason) }
            do {
                var request = request
                if let serverCounter {
                    let server = try await serverCounter.count(request.messages)
                    guard let plan = try? exactBudget.plan(promptTokens: server) else {
                        throw FolderSummaryStopped(
                            reason: "the server counts \(server) prompt tokens, more than the window leaves")
                    }
                    request.plan = plan
                }
                return try await service.complete(request, budget: budget, counter: counter, file: label).text
            } catch let error as AIServiceError where error.repeatsForEveryRequest {
                stop.set("\(error)", cause: nil)
                throw error
            }
        }
        // The summaries' requests are in the metrics under their pages; they are not modules.
        for folder in result.sentFolders {
            let label = folder.isEmpty ? OutputLayout.indexPage : RepositoryOverview.page(forFolder: folder)
            await metrics.recordOutcome(file: label, outcome: .overview)
        }
        for failure in result.failures {
            logger.warning(
                "folder summary failed",
                metadata: [
                    "docgen.folder": .string(failure.folder.isEmpty ? "." : failure.folder),
                    "docgen.error": .string(failure.reason),
                ])
        }
        if !Task.isCancelled { try FolderSummarizer.saveCache(result.cache, to: writer) }
        return result.summaries
    }
}

/// A summary request not sent because an earlier one failed in a way every request would repeat.
struct FolderSummaryStopped: Error, CustomStringConvertible {
    let reason: String
    var description: String { "not attempted: \(reason)" }
}
