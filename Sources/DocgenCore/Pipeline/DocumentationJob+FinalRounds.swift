import Logging

extension DocumentationJob {
    /// Gives files that failed only for transient causes up to ``Settings/retryFailedRounds`` more rounds.
    ///
    /// Before each round: a pause of ``RetryPolicy/pauseBeforeFinalRound(_:serverWaitRemaining:)`` on the
    /// job's clock (the longest `retry-after` seen still pending, at least the policy's longest backoff), then
    /// the files run again at ``RetryPolicy/concurrency(forFinalRound:base:)``, each request with a fresh retry
    /// budget. Every file retried counts as one retry of its cause in the metrics; a file documented in a
    /// round is recorded as recovered. Permanent failures (4xx, cannot fit) are never retried.
    ///
    /// - Parameters:
    ///   - first: The results of the pass over every file.
    ///   - files: The files, in the order of `first`.
    ///   - pass: What the run's files share.
    /// - Returns: The results with each retried file's last outcome.
    func runFinalRounds(after first: [FileResult], files: [SourceFile], pass: RunPass) async -> [FileResult] {
        guard case .model(let service, _, _, _) = pageSource else { return first }
        let policy = service.configuration.retry
        var results = first
        var round = 0
        while round < settings.retryFailedRounds {
            round += 1
            let indices = results.indices.filter { results[$0].outcome == .failed && results[$0].cause != nil }
            guard !indices.isEmpty, !Task.isCancelled else { break }
            let pause = policy.pauseBeforeFinalRound(round, serverWaitRemaining: service.serverWaitRemaining())
            progress?(.finalRound(round: round, files: indices.count, pause: pause))
            logger.debug(
                "final round over files that failed for transient causes",
                metadata: [
                    "docgen.round": .string(String(round)), "docgen.round.files": .string(String(indices.count)),
                    "docgen.round.pause_ms": .string(String(Int(pause.secondsDouble * 1000))),
                ])
            do {
                try await clock.sleep(until: clock.now.advanced(by: pause), tolerance: nil)
            } catch {
                break
            }
            for index in indices {
                if let cause = results[index].cause {
                    await metrics.recordFinalRoundRetry(file: results[index].path, cause: cause)
                }
            }
            let retried = await processAll(
                indices.map { files[$0] }, earlier: indices.map { results[$0] }, round: round,
                width: RetryPolicy.concurrency(forFinalRound: round, base: settings.concurrency), pass: pass)
            for (offset, index) in indices.enumerated() {
                var result = retried[offset]
                if result.outcome == .documented {
                    result.recoveredInRound = round
                    result.recoveredFrom = results[index].cause?.rawValue
                    await metrics.recordRecovery(file: result.path, round: round)
                }
                results[index] = result
            }
        }
        return results
    }
}

extension DocumentationJob.PageSource {
    /// Whether pages come from a model (only then can a file fail for a transient cause).
    var isModel: Bool {
        if case .model = self { return true }
        return false
    }
}
