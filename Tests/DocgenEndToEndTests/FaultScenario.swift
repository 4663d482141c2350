import DocgenBase
import DocgenCore
import DocgenCurl
import DocgenTestSupport
import DocgenTokens
import Foundation
import Logging
import Testing

/// A generated 40-module repository documented over libcurl by a streaming loopback model server, with or
/// without seeded faults: the proof that no module is lost to transient faults.
///
/// The server's answer depends only on the prompt, so a run with faults must write exactly the pages of a run
/// without. Backoffs are a few milliseconds (configuration, as a user would set them) so a run takes a second
/// or two; the model streams its answer in 6 events 4 ms apart, like a (very fast) real model.
struct FaultScenario {
    /// The issue's fault mix: 25 % cut streams, 25 % 5xx, 10 % dropped connections.
    static let rates = FaultInjector.Rates(cutStreams: 0.25, serverErrors: 0.25, droppedConnections: 0.10)

    /// The policy of the proof runs: short backoffs, 6 retries and 2 final rounds. At a 60 % fault rate a
    /// request fails a whole round with p ≈ 0.013, so losing a module in 3 rounds (p ≈ 2·10⁻⁶ each) is
    /// out of reach; with the defaults (3 retries, 1 round) p ≈ 0.08 per round and a 40-module run loses a
    /// module about one time in four (see scripts/bench-faults.sh).
    static let retry = RetryPolicy(maxRetries: 6, initialBackoff: .milliseconds(5), maxBackoff: .milliseconds(40))
    static let finalRounds = 2
    static let concurrency = 4

    /// Module count of the generated repository.
    static let moduleCount = 40

    /// 40 Python modules of different sizes; two have so many functions that they are split into parts.
    static let modules: [SourceFile] = (0..<moduleCount).map { index in
        let functions = index == 5 || index == 22 ? 90 : 2 + index % 7
        var source = "\"\"\"Module \(index).\"\"\"\n\n"
        var symbols: [SourceFile.Symbol] = []
        for function in 0..<functions {
            let line = source.split(separator: "\n", omittingEmptySubsequences: false).count
            let name = "f\(index)_\(function)"
            source += "def \(name)(x):\n    \"\"\"Scale x by \(function).\"\"\"\n    return x * \(function)\n\n\n"
            symbols.append(
                .init(
                    kind: "function", name: name, qualifiedName: name, line: line, endLine: line + 2,
                    signature: "def \(name)(x)", docstring: "Scale x by \(function)."))
        }
        return SourceFile(
            path: "pkg\(index % 4)/module_\(index).py", language: "Python", source: source, symbols: symbols)
    }

    /// The model server's clean answer: a text derived from the prompt, streamed or whole.
    static func answer(_ request: LoopbackHTTPServer.Request) -> LoopbackHTTPServer.Action {
        guard let body = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any],
            let messages = body["messages"] as? [[String: Any]]
        else { return .json(400, #"{"error":{"message":"not a chat request"}}"#) }
        let prompt = messages.compactMap { $0["content"] as? String }.joined(separator: "\n")
        let digest = String(
            prompt.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }, radix: 16)
        let pieces = ["## Overview\n\n", "This part (", digest, ") is documented ", "by the loopback model."]
        let usage = #""usage":{"prompt_tokens":\#(prompt.utf8.count),"completion_tokens":12}"#
        guard body["stream"] as? Bool == true else {
            let text = pieces.joined().replacingOccurrences(of: "\n", with: "\\n")
            return .json(
                200,
                #"{"choices":[{"message":{"role":"assistant","content":"\#(text)"},"finish_reason":"stop"}],"#
                    + usage + "}")
        }
        var events = pieces.map { piece in
            #"{"choices":[{"delta":{"content":"\#(piece.replacingOccurrences(of: "\n", with: "\\n"))"}}]}"#
        }
        events.append(#"{"choices":[{"delta":{},"finish_reason":"stop"}]}"#)
        events.append(#"{"choices":[],"# + usage + "}")
        events.append("[DONE]")
        return .serverSentEvents(events, delay: .milliseconds(4))
    }

    /// What one run did.
    struct Outcome {
        var summary: RunSummary
        var faults: FaultInjector
        var duration: Duration
        /// Every file the run wrote except the metrics, by path relative to the output folder.
        var pages: [String: Data]
    }

    /// Documents the repository into a fresh folder against a server with `rates` (seeded by `seed`).
    static func run(
        seed: UInt64,
        rates: FaultInjector.Rates,
        retry: RetryPolicy = retry,
        finalRounds: Int = finalRounds
    ) async throws -> Outcome {
        let output = try DocgenProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let faults = FaultInjector(seed: seed, rates: rates)
        let server = try LoopbackHTTPServer(
            limits: .init(maximumHang: .seconds(10)), handler: faults.wrapping(Self.answer))
        defer { server.shutdown() }
        let counter = ByteTokenCounter()
        let profile = ModelProfile(
            id: "loopback-model", contextWindowTokens: 12_000, maxOutputTokens: 1_000,
            pricing: .init(inputUSDPerMillionTokens: 1, outputUSDPerMillionTokens: 2, asOf: "2025-01-01"))
        let budget = try TokenBudget(model: profile, requestedCompletionTokens: 800, safetyMarginTokens: 16)
        let prompts = try PromptManager(
            templates: try .defaults(), project: "faulty", budget: budget, counter: counter,
            modelName: profile.id, stream: true)
        let provider = ProviderConfiguration(
            kind: .compatible, baseURL: server.baseURL + "/v1",
            credentials: ProviderCredentials(apiKey: "sk-fault-0123456789", source: "OPENAI_API_KEY"))
        let clock = ContinuousClock()
        let metrics = MetricsCollector()
        let logger = Logger(label: "faults", factory: { _ in SwiftLogNoOpLogHandler() })
        let service = AIService(
            configuration: .init(provider: provider, retry: retry, requestTimeout: .seconds(10)),
            transport: try CurlTransport(
                configuration: CurlTransport.Configuration(connectTimeout: .seconds(5), proxy: .none)),
            rateLimiter: RateLimiter(limits: .unlimited, clock: clock), metrics: metrics, clock: clock, logger: logger)
        var settings = DocumentationJob<ContinuousClock>.Settings(
            projectName: "faulty", outputDirectory: output, modelName: profile.id, providerName: "compatible",
            pageInputs: PageInputs(
                generatorVersion: "fault-proof", templates: try PromptTemplates.defaults(),
                prompt: DocgenConfiguration.Prompt(), profile: profile))
        settings.concurrency = concurrency
        settings.retryFailedRounds = finalRounds
        settings.writesHTML = false
        // Transport faults are the subject: no repair requests (as the other transport-focused runs).
        settings.repairsPages = false
        let job = DocumentationJob(
            settings: settings,
            pageSource: .model(service: service, prompts: prompts, budget: budget, counter: counter),
            renderer: nil, metrics: metrics, clock: clock, logger: logger)
        let start = clock.now
        let summary = try await job.run(files: modules, skipped: [])
        let duration = start.duration(to: clock.now)
        return Outcome(summary: summary, faults: faults, duration: duration, pages: try pages(in: output))
    }

    /// Every file under `folder` except metrics.json and metrics.md.
    static func pages(in folder: URL) throws -> [String: Data] {
        let root = folder.resolvingSymlinksInPath().path
        var pages: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let path = String(url.resolvingSymlinksInPath().path.dropFirst(root.count + 1))
            if path == "metrics.json" || path == "metrics.md" { continue }
            pages[path] = try Data(contentsOf: url)
        }
        return pages
    }

    /// Checks one faulty run against the clean one: every module documented, the same files byte for byte,
    /// no request sent more often than the policy allows, and faults of every kind really injected.
    static func expectSurvived(
        _ faulty: Outcome,
        clean: Outcome,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let summary = faulty.summary
        #expect(
            summary.status == .ok && summary.documented == moduleCount && summary.failed == 0,
            "seed \(faulty.faults.seed): \(summary.failures.map { "\($0.path): \($0.reason)" })",
            sourceLocation: sourceLocation)
        #expect(faulty.pages.count == clean.pages.count, sourceLocation: sourceLocation)
        let different = clean.pages.keys.filter { faulty.pages[$0] != clean.pages[$0] }.sorted()
        #expect(different.isEmpty, "seed \(faulty.faults.seed): \(different)", sourceLocation: sourceLocation)
        let bound = retry.maximumSends(streaming: true, finalRounds: finalRounds)
        #expect(
            faulty.faults.maximumSendsOfOneRequest <= bound,
            "a request was sent \(faulty.faults.maximumSendsOfOneRequest) times; the policy allows \(bound)",
            sourceLocation: sourceLocation)
        for fault in FaultInjector.Fault.allCases {
            #expect(
                (faulty.faults.injected[fault] ?? 0) > 0, "no \(fault.rawValue) injected",
                sourceLocation: sourceLocation)
        }
    }
}
