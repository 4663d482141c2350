import DocgenCore
import DocgenCurl
import DocgenTestSupport
import DocgenTokens
import Logging

/// One mode of the benchmark: a fresh rate-limited server, a fresh client, the whole workload.
struct BenchmarkRun {
    /// What one run measured.
    struct Report {
        var mode: BenchmarkMode
        var requests: Int
        var succeeded: Int
        var failed: Int
        var statistics: RateLimitLedger<ScaledClock.Instant>.Statistics
        /// Scaled time from the first request to the last answer.
        var elapsed: Duration
        var realElapsed: Duration
        /// The most tokens the limit admitted over `elapsed` (one full bucket plus the refill).
        var admissibleTokens: Double
        var connections: Int

        var utilisation: Double { Double(statistics.acceptedTokens) / admissibleTokens }
        var meetsGoal: Bool { utilisation >= 0.9 && statistics.earlyRequests == 0 && failed == 0 }
    }

    let options: BenchmarkOptions
    let workload: Workload
    let encoding: Encoding

    func run(_ mode: BenchmarkMode) async throws -> Report {
        let clock = ScaledClock(factor: options.scale)
        let server = try RateLimitedServer(
            configuration: .init(
                requestsPerMinute: options.requestsPerMinute, tokensPerMinute: options.tokensPerMinute,
                answerDelay: .milliseconds(options.answerDelayMilliseconds), completionTokens: 250,
                announcesLimits: mode != .disabled),
            clock: clock,
            meter: { [encoding, overhead = workload.budget.model.messageOverhead] request in
                request.chatTokenCounts(overhead: overhead, counter: encoding)
            })
        defer { server.shutdown() }
        let limits =
            mode == .configured
            ? RateLimits(requestsPerMinute: options.requestsPerMinute, tokensPerMinute: options.tokensPerMinute)
            : RateLimits.unlimited
        let provider = ProviderConfiguration(
            kind: .openai, baseURL: server.baseURL + "/v1",
            credentials: ProviderCredentials(apiKey: "sk-benchmark-not-a-key", source: "OPENAI_API_KEY"))
        let transport = try CurlTransport(configuration: .init(connectTimeout: .seconds(5), proxy: .none))
        let service = AIService(
            configuration: .init(
                provider: provider,
                retry: RetryPolicy(maxRetries: 50, initialBackoff: .milliseconds(200), maxServerWait: .seconds(600)),
                requestTimeout: .seconds(60)),
            transport: transport,
            rateLimiter: RateLimiter(
                limits: limits, clock: clock,
                transitAllowance: .milliseconds(options.transitAllowanceMilliseconds)),
            clock: clock,
            logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))

        let realStart = ContinuousClock.now
        let start = clock.now
        let results = await service.completeAll(workload.items, counter: encoding, concurrency: options.concurrency)
        let elapsed = start.duration(to: clock.now)
        let succeeded = results.filter { (try? $0.get()) != nil }.count
        return Report(
            mode: mode, requests: results.count, succeeded: succeeded, failed: results.count - succeeded,
            statistics: server.statistics, elapsed: elapsed, realElapsed: ContinuousClock.now - realStart,
            admissibleTokens: Double(options.tokensPerMinute)
                + Double(options.tokensPerMinute) / 60 * elapsed.seconds,
            connections: server.acceptedConnectionCount)
    }
}

extension Duration {
    /// Seconds as a `Double`.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
