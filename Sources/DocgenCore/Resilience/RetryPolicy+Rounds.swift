import DocgenBase

extension RetryPolicy {
    /// The cause for which a file that failed with `error` gets a final round, or nil when its failure is
    /// permanent and a final round would only repeat it.
    ///
    /// Pure and exhaustive, like ``retryCause(of:)``: the one place that decides which lost files are worth
    /// another round once the pass over every file is done.
    ///
    /// | failure | final round |
    /// | --- | --- |
    /// | retries ran out on 5xx, 408, 409, 429, a dropped or refused connection, a timeout, a malformed answer or a cut stream | yes, with that cause |
    /// | 400, 401, 403, 404, 422 and other 4xx, `context_length_exceeded`, a prompt that cannot fit | no |
    /// | a `retry-after` longer than ``maxServerWait`` | no: the run cannot honour it |
    /// | a cancelled request, an invalid request, a page that cannot be written | no |
    ///
    /// ```swift
    /// RetryPolicy.finalRoundCause(of: AIServiceError.retriesExhausted(attempts: 4, last: "HTTP 503",
    ///                                                                 cause: .serverError))   // .serverError
    /// RetryPolicy.finalRoundCause(of: AIServiceError.badRequest(status: 422, message: "bad"))  // nil
    /// ```
    ///
    /// - Parameter error: What the file's last request threw.
    /// - Returns: The transient cause, or nil.
    public static func finalRoundCause(of error: any Error) -> Cause? {
        switch error {
        case let error as AIServiceError:
            return error.transientCause
        case let error as HTTPTransportError:
            return retryCause(of: .transport(error))
        default:
            // PromptError (cannot fit, template errors), TokenBudgetError, OutputError, CancellationError and
            // anything unknown: permanent for this run.
            return nil
        }
    }

    /// The most times one planned request is sent over a whole run, the policy's hard bound.
    ///
    /// Per round: the first attempt and ``maxRetries`` retries, one re-planned request after
    /// `context_length_exceeded`, and, for a streamed request, one non-streamed fallback after two cut streams
    /// (neither counts against ``maxRetries``). Every final round starts again with a fresh budget.
    ///
    /// - Parameters:
    ///   - streaming: Whether the request streams.
    ///   - finalRounds: The final rounds configured (`retry_failed_rounds`).
    /// - Returns: `(1 + maxRetries + 1 + (streaming ? 1 : 0)) × (1 + finalRounds)`.
    public func maximumSends(streaming: Bool, finalRounds: Int) -> Int {
        (1 + maxRetries + 1 + (streaming ? 1 : 0)) * (1 + max(0, finalRounds))
    }

    /// The pause before final round `round` (1-based).
    ///
    /// The longer of ``maxBackoff`` × `round` — a storm of 5xx or dropped connections gets time to pass — and
    /// the server-requested wait still pending (the largest `retry-after` seen in the run, counted from when it
    /// was seen), so no request of the round reaches the server early.
    ///
    /// - Parameters:
    ///   - round: The final round about to start, from 1.
    ///   - serverWaitRemaining: How much of the longest server-requested wait is still to run (zero if none).
    /// - Returns: How long to wait before the round's first request.
    public func pauseBeforeFinalRound(_ round: Int, serverWaitRemaining: Duration) -> Duration {
        max(maxBackoff * max(1, round), serverWaitRemaining, .zero)
    }

    /// Files in flight during final round `round` (1-based): the run's concurrency halved for every round,
    /// at least 1, so a struggling server sees less load than in the pass that failed.
    ///
    /// - Parameters:
    ///   - round: The final round, from 1.
    ///   - base: The run's concurrency.
    /// - Returns: `max(1, base / 2^round)`.
    public static func concurrency(forFinalRound round: Int, base: Int) -> Int {
        max(1, max(1, base) >> min(max(1, round), 62))
    }
}
