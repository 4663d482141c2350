import DocgenBase
import DocgenTestSupport
import DocgenTokens
import Foundation
import Logging
import Synchronization
import Testing

@testable import DocgenCore

/// The final round over modules that failed for transient causes, on a hand-driven clock.
struct DocumentationJobFinalRoundTests {
    static let answer =
        ###"{"choices":[{"message":{"content":"## Overview\n\nDocumented."},"finish_reason":"stop"}],"usage":{"prompt_tokens":10,"completion_tokens":3}}"###

    let modules = [
        SourceFile(
            path: "a.py", language: "Python", source: "def f():\n    return 1\n",
            symbols: [.init(kind: "function", name: "f", qualifiedName: "f", line: 1, endLine: 2, signature: "def f()")]
        ),
        SourceFile(
            path: "b.py", language: "Python", source: "def g():\n    return 2\n",
            symbols: [.init(kind: "function", name: "g", qualifiedName: "g", line: 1, endLine: 2, signature: "def g()")]
        ),
    ]

    /// Which module a request documents, from its prompt.
    static func module(of request: HTTPRequest) -> String {
        String(decoding: request.body, as: UTF8.self).contains("a.py") ? "a.py" : "b.py"
    }

    /// Answers `a.py` with `failures` in order, then success; `b.py` always succeeds.
    static func transport(failing failures: [StubTransport.Reply]) -> StubTransport {
        let seen = Mutex(0)
        return StubTransport(fallback: { request, _ in
            guard module(of: request) == "a.py" else { return .text(200, answer) }
            let index = seen.withLock { count in
                defer { count += 1 }
                return count
            }
            return index < failures.count ? failures[index] : .text(200, answer)
        })
    }

    func job(
        _ transport: StubTransport,
        clock: TestClock,
        output: URL,
        metrics: MetricsCollector,
        retry: RetryPolicy = RetryPolicy(maxRetries: 0),
        rounds: Int = 1,
        events: ProgressLog? = nil
    ) throws -> DocumentationJob<TestClock> {
        let counter = ByteTokenCounter()
        let profile = ModelProfile(
            id: "m", contextWindowTokens: 50_000, maxOutputTokens: 1_000,
            pricing: .init(inputUSDPerMillionTokens: 1, outputUSDPerMillionTokens: 1, asOf: "2025-01-01"))
        let budget = try TokenBudget(model: profile, requestedCompletionTokens: 500, safetyMarginTokens: 8)
        let prompts = try PromptManager(
            templates: try .defaults(), project: "sample", budget: budget, counter: counter, modelName: "m")
        let provider = ProviderConfiguration(
            kind: .openai, baseURL: "http://127.0.0.1:9/v1",
            credentials: .init(apiKey: "sk-x", source: "OPENAI_API_KEY"))
        let logger = Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() })
        let service = AIService(
            configuration: .init(provider: provider, retry: retry), transport: transport,
            rateLimiter: RateLimiter(limits: .unlimited, clock: clock), metrics: metrics, clock: clock, logger: logger,
            randomNumberGenerator: SeededGenerator(state: 11))
        var settings = DocumentationJob<TestClock>.Settings(
            projectName: "sample", outputDirectory: output, modelName: "m", providerName: "openai",
            pageInputs: try DocumentationJobTests.pageInputs())
        settings.concurrency = 2
        settings.retryFailedRounds = rounds
        var progress: (@Sendable (DocumentationJob<TestClock>.Progress) -> Void)?
        if let events { progress = { events.append($0) } }
        return DocumentationJob(
            settings: settings,
            pageSource: .model(service: service, prompts: prompts, budget: budget, counter: counter),
            renderer: nil, metrics: metrics, clock: clock, logger: logger, progress: progress)
    }

    @Test func finalRoundWaitsForTheLongestRetryAfterOnTheInjectedClock() async throws {
        let output = try DocumentationJobTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let clock = TestClock()
        let metrics = MetricsCollector()
        let events = ProgressLog()
        let transport = Self.transport(failing: [.text(503, "{}", headers: ["retry-after": "30"])])
        let job = try job(transport, clock: clock, output: output, metrics: metrics, events: events)
        let run = Task { try await job.run(files: modules, skipped: []) }

        for _ in 0..<100 where clock.sleeperCount == 0 { await clock.waitForSleepers(1) }
        // The pass is over: a.py failed once (503, retry-after 30 s), b.py is written; the round waits.
        #expect(clock.sleeperCount == 1)
        #expect(transport.requests.count == 2)
        #expect(clock.recordedSleeps == [.seconds(30)], "the server's 30 s beats the 8 s backoff cap")
        clock.advance(by: .seconds(29))
        await clock.waitForSleepers(1, maxYields: 1_000)
        #expect(transport.requests.count == 2, "nothing is sent before the server's wait has passed")
        clock.advance(by: .seconds(1))
        let summary = try await run.value

        #expect(transport.requests.count == 3)
        #expect(summary.status == .ok && summary.documented == 2 && summary.failed == 0)
        #expect(summary.recovered == [RunSummary.Recovery(path: "a.py", cause: "server_error", round: 1)])
        #expect(summary.retries == 1)
        #expect(summary.humanReadable.contains("recovered a.py in final round 1 (had failed: server_error)"))
        #expect(
            events.all == [
                "started 2", "finished b.py documented 1/2", "final round 1: 1 modules after 30.0 s",
                "finished a.py documented 2/2",
            ])
        let record = try #require(await metrics.fileRecords.first { $0.path == "a.py" })
        #expect(record.finalRoundRetries == ["server_error": 1] && record.recoveredInRound == 1)
        let report = try String(contentsOf: output.appendingPathComponent("metrics.md"), encoding: .utf8)
        #expect(report.contains("- **Final-round retries:** 1 (server_error 1), 1 modules recovered"))
    }

    @Test func pauseIsTheBackoffCapWhenNoServerWaitIsPending() async throws {
        let output = try DocumentationJobTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let clock = TestClock(autoAdvance: true)
        let transport = Self.transport(failing: [.failure(.init(kind: .connectionLost, detail: "reset", url: "x"))])
        let retry = RetryPolicy(maxRetries: 0, maxBackoff: .seconds(5))
        let summary = try await job(transport, clock: clock, output: output, metrics: MetricsCollector(), retry: retry)
            .run(files: modules, skipped: [])
        #expect(clock.recordedSleeps == [.seconds(5)])
        #expect(summary.recovered == [RunSummary.Recovery(path: "a.py", cause: "connection_lost", round: 1)])
    }

    @Test func permanentFailuresAreNotRetried() async throws {
        let output = try DocumentationJobTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let clock = TestClock(autoAdvance: true)
        let transport = Self.transport(failing: [.text(422, #"{"error":{"message":"unprocessable"}}"#)])
        let summary = try await job(transport, clock: clock, output: output, metrics: MetricsCollector())
            .run(files: modules, skipped: [])
        #expect(summary.status == .partial && summary.failed == 1 && summary.recovered.isEmpty)
        #expect(transport.requests.filter { Self.module(of: $0) == "a.py" }.count == 1)
        #expect(clock.recordedSleeps.isEmpty, "no pause without a final round")
        let failure = try #require(summary.failures.first)
        #expect(failure.cause == nil && failure.reason.contains("HTTP 422"))
    }

    @Test func moduleLostInEveryRoundSaysCauseAndAttempts() async throws {
        let output = try DocumentationJobTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let clock = TestClock(autoAdvance: true)
        let metrics = MetricsCollector()
        let transport = Self.transport(failing: Array(repeating: .text(503, "{}"), count: 10))
        let summary = try await job(
            transport, clock: clock, output: output, metrics: metrics, retry: RetryPolicy(maxRetries: 1)
        ).run(files: modules, skipped: [])
        #expect(summary.status == .partial && summary.exitCode == 1)
        let failure = try #require(summary.failures.first)
        #expect(failure.path == "a.py" && failure.cause == "server_error" && failure.attempts == 4)
        #expect(failure.reason == "Gave up after 4 attempts over 2 rounds; last failure: HTTP 503")
        #expect(transport.requests.filter { Self.module(of: $0) == "a.py" }.count == 4)
        let record = try #require(await metrics.fileRecords.first { $0.path == "a.py" })
        #expect(record.retries == ["server_error": 3], "1 retry per round plus the final-round retry")
        #expect(record.finalRoundRetries == ["server_error": 1] && record.recoveredInRound == nil)
        let json = try #require(
            try JSONSerialization.jsonObject(with: summary.jsonData()) as? [String: Any])
        let failures = try #require(json["failures"] as? [[String: Any]])
        #expect(failures.first?["cause"] as? String == "server_error" && failures.first?["attempts"] as? Int == 4)
    }

    @Test func twoRoundsRecoverLateModulesAfterAGrowingPause() async throws {
        let output = try DocumentationJobTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let clock = TestClock(autoAdvance: true)
        let transport = Self.transport(failing: [.text(502, "{}"), .text(502, "{}")])
        let summary = try await job(
            transport, clock: clock, output: output, metrics: MetricsCollector(),
            retry: RetryPolicy(maxRetries: 0, maxBackoff: .seconds(2)), rounds: 2
        ).run(files: modules, skipped: [])
        #expect(summary.recovered == [RunSummary.Recovery(path: "a.py", cause: "server_error", round: 2)])
        #expect(clock.recordedSleeps == [.seconds(2), .seconds(4)], "the pause grows with the round")
    }

    @Test func noFinalRoundWhenTurnedOff() async throws {
        let output = try DocumentationJobTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let clock = TestClock(autoAdvance: true)
        let transport = Self.transport(failing: [.text(503, "{}")])
        let summary = try await job(
            transport, clock: clock, output: output, metrics: MetricsCollector(), rounds: 0
        ).run(files: modules, skipped: [])
        #expect(summary.failed == 1 && transport.requests.count == 2 && clock.recordedSleeps.isEmpty)
        #expect(summary.failures.first?.reason == "Gave up after 1 attempt; last failure: HTTP 503")
    }
}

/// Progress events as short strings, from a `@Sendable` callback.
final class ProgressLog: Sendable {
    private let events = Mutex<[String]>([])

    func append(_ event: DocumentationJob<TestClock>.Progress) {
        let text: String
        switch event {
        case .started(let total): text = "started \(total)"
        case .finished(let path, let outcome, let done, let total):
            text = "finished \(path) \(outcome.rawValue) \(done)/\(total)"
        case .finalRound(let round, let modules, let pause):
            text = "final round \(round): \(modules) modules after \(String(format: "%.1f", pause.secondsDouble)) s"
        }
        events.withLock { $0.append(text) }
    }

    var all: [String] { events.withLock { $0 } }
}
