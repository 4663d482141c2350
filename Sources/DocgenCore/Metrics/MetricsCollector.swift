/// Collects run metrics from concurrent file tasks.
///
/// An actor, like hummingbird's `MemoryPersistDriver`: methods are short and never block. The pipeline records
/// each request's usage and each file's outcome; ``report(model:provider:wallMilliseconds:)`` builds the
/// ``MetricsReport`` that is written to `metrics.json` and `metrics.md`.
public actor MetricsCollector {
    private var files: [String: MetricsReport.File] = [:]
    private var latencies: [Double] = []

    /// Creates an empty collector.
    public init() {}

    /// Records one completed request of a file.
    ///
    /// - Parameters:
    ///   - file: The file path.
    ///   - promptTokens: Prompt tokens (server usage when given).
    ///   - completionTokens: Completion tokens.
    ///   - costUSD: The request's estimated cost.
    ///   - latencyMilliseconds: Time from first attempt to answer, retries and waits included.
    ///   - retries: Retries this request needed, by cause.
    ///   - lengthLimited: Whether the answer stopped at the output limit.
    ///   - streamFallbacks: Non-streamed fallbacks the request needed after two cut streams.
    public func recordRequest(
        file: String,
        promptTokens: Int,
        completionTokens: Int,
        costUSD: Double,
        latencyMilliseconds: Double,
        retries: [RetryPolicy.Cause: Int] = [:],
        lengthLimited: Bool = false,
        streamFallbacks: Int = 0
    ) {
        var record = files[file] ?? MetricsReport.File(path: file)
        record.requests += 1
        record.promptTokens += promptTokens
        record.completionTokens += completionTokens
        record.costUSD += costUSD
        record.latencyMilliseconds += latencyMilliseconds
        for (cause, count) in retries { record.retries[cause.rawValue, default: 0] += count }
        if lengthLimited { record.lengthLimitedAnswers += 1 }
        record.streamFallbacks += streamFallbacks
        files[file] = record
        latencies.append(latencyMilliseconds)
    }

    /// Records retries (and stream fallbacks) of a request that finally failed, so they still count.
    public func recordFailedRetries(file: String, retries: [RetryPolicy.Cause: Int], streamFallbacks: Int = 0) {
        var record = files[file] ?? MetricsReport.File(path: file)
        for (cause, count) in retries { record.retries[cause.rawValue, default: 0] += count }
        record.streamFallbacks += streamFallbacks
        files[file] = record
    }

    /// Records that a file which failed for `cause` is tried again in a final round: one retry with that
    /// cause, counted with the others and in the final-round breakdown.
    public func recordFinalRoundRetry(file: String, cause: RetryPolicy.Cause) {
        var record = files[file] ?? MetricsReport.File(path: file)
        record.retries[cause.rawValue, default: 0] += 1
        record.finalRoundRetries[cause.rawValue, default: 0] += 1
        files[file] = record
    }

    /// Records that final round `round` documented a file that had failed before.
    public func recordRecovery(file: String, round: Int) {
        var record = files[file] ?? MetricsReport.File(path: file)
        record.recoveredInRound = round
        files[file] = record
    }

    /// Records how a file ended, with its truncation and split figures.
    public func recordOutcome(
        file: String,
        outcome: MetricsReport.Outcome,
        reason: String? = nil,
        truncatedLines: Int = 0,
        plannedRequests: Int = 1
    ) {
        var record = files[file] ?? MetricsReport.File(path: file)
        record.outcome = outcome
        record.reason = reason
        record.truncatedLines = truncatedLines
        record.splits = max(0, plannedRequests - 1)
        files[file] = record
    }

    /// Records the checked quality of a file's page.
    public func recordQuality(file: String, quality: PageQuality) {
        var record = files[file] ?? MetricsReport.File(path: file)
        record.quality = quality
        files[file] = record
    }

    /// Changes one file's record (creating it when new).
    func updateRecord(_ file: String, _ change: (inout MetricsReport.File) -> Void) {
        var record = files[file] ?? MetricsReport.File(path: file)
        change(&record)
        files[file] = record
    }

    /// Adds records from another run (for `docgen merge` of sharded runs).
    public func absorb(_ other: MetricsReport) {
        for file in other.files { files[file.path] = file }
        latencies += other.requestLatenciesMilliseconds ?? []
    }

    /// The file records so far.
    public var fileRecords: [MetricsReport.File] { Array(files.values) }

    /// Totals so far, for progress display.
    public var runningTotals: (requests: Int, promptTokens: Int, completionTokens: Int, costUSD: Double, retries: Int) {
        files.values.reduce(into: (0, 0, 0, 0.0, 0)) { totals, file in
            totals.0 += file.requests
            totals.1 += file.promptTokens
            totals.2 += file.completionTokens
            totals.3 += file.costUSD
            totals.4 += file.retries.values.reduce(0, +)
        }
    }

    /// Builds the report.
    public func report(model: String, provider: String, wallMilliseconds: Double) -> MetricsReport {
        MetricsReport(
            model: model, provider: provider, files: Array(files.values), requestLatencies: latencies,
            wallMilliseconds: wallMilliseconds)
    }
}
