/// Collects run metrics from concurrent module tasks.
///
/// An actor, like hummingbird's `MemoryPersistDriver`: methods are short and never block. The pipeline records
/// each request's usage and each module's outcome; ``report(model:provider:wallMilliseconds:)`` builds the
/// ``MetricsReport`` that is written to `metrics.json` and `metrics.md`.
public actor MetricsCollector {
    private var modules: [String: MetricsReport.Module] = [:]
    private var latencies: [Double] = []

    /// Creates an empty collector.
    public init() {}

    /// Records one completed request of a module.
    ///
    /// - Parameters:
    ///   - module: The module path.
    ///   - promptTokens: Prompt tokens (server usage when given).
    ///   - completionTokens: Completion tokens.
    ///   - costUSD: The request's estimated cost.
    ///   - latencyMilliseconds: Time from first attempt to answer, retries and waits included.
    ///   - retries: Retries this request needed, by cause.
    ///   - lengthLimited: Whether the answer stopped at the output limit.
    ///   - streamFallbacks: Non-streamed fallbacks the request needed after two cut streams.
    public func recordRequest(
        module: String,
        promptTokens: Int,
        completionTokens: Int,
        costUSD: Double,
        latencyMilliseconds: Double,
        retries: [RetryPolicy.Cause: Int] = [:],
        lengthLimited: Bool = false,
        streamFallbacks: Int = 0
    ) {
        var record = modules[module] ?? MetricsReport.Module(path: module)
        record.requests += 1
        record.promptTokens += promptTokens
        record.completionTokens += completionTokens
        record.costUSD += costUSD
        record.latencyMilliseconds += latencyMilliseconds
        for (cause, count) in retries { record.retries[cause.rawValue, default: 0] += count }
        if lengthLimited { record.lengthLimitedAnswers += 1 }
        record.streamFallbacks += streamFallbacks
        modules[module] = record
        latencies.append(latencyMilliseconds)
    }

    /// Records retries (and stream fallbacks) of a request that finally failed, so they still count.
    public func recordFailedRetries(module: String, retries: [RetryPolicy.Cause: Int], streamFallbacks: Int = 0) {
        var record = modules[module] ?? MetricsReport.Module(path: module)
        for (cause, count) in retries { record.retries[cause.rawValue, default: 0] += count }
        record.streamFallbacks += streamFallbacks
        modules[module] = record
    }

    /// Records that a module which failed for `cause` is tried again in a final round: one retry with that
    /// cause, counted with the others and in the final-round breakdown.
    public func recordFinalRoundRetry(module: String, cause: RetryPolicy.Cause) {
        var record = modules[module] ?? MetricsReport.Module(path: module)
        record.retries[cause.rawValue, default: 0] += 1
        record.finalRoundRetries[cause.rawValue, default: 0] += 1
        modules[module] = record
    }

    /// Records that final round `round` documented a module that had failed before.
    public func recordRecovery(module: String, round: Int) {
        var record = modules[module] ?? MetricsReport.Module(path: module)
        record.recoveredInRound = round
        modules[module] = record
    }

    /// Records how a module ended, with its truncation and split figures.
    public func recordOutcome(
        module: String,
        outcome: MetricsReport.Outcome,
        reason: String? = nil,
        truncatedLines: Int = 0,
        plannedRequests: Int = 1
    ) {
        var record = modules[module] ?? MetricsReport.Module(path: module)
        record.outcome = outcome
        record.reason = reason
        record.truncatedLines = truncatedLines
        record.splits = max(0, plannedRequests - 1)
        modules[module] = record
    }

    /// Adds records from another run (for `docgen merge` of sharded runs).
    public func absorb(_ other: MetricsReport) {
        for module in other.modules { modules[module.path] = module }
        latencies += other.requestLatenciesMilliseconds ?? []
    }

    /// The module records so far.
    public var moduleRecords: [MetricsReport.Module] { Array(modules.values) }

    /// Totals so far, for progress display.
    public var runningTotals: (requests: Int, promptTokens: Int, completionTokens: Int, costUSD: Double, retries: Int) {
        modules.values.reduce(into: (0, 0, 0, 0.0, 0)) { totals, module in
            totals.0 += module.requests
            totals.1 += module.promptTokens
            totals.2 += module.completionTokens
            totals.3 += module.costUSD
            totals.4 += module.retries.values.reduce(0, +)
        }
    }

    /// Builds the report.
    public func report(model: String, provider: String, wallMilliseconds: Double) -> MetricsReport {
        MetricsReport(
            model: model, provider: provider, modules: Array(modules.values), requestLatencies: latencies,
            wallMilliseconds: wallMilliseconds)
    }
}
