import DocgenBase
import DocgenCurl
import DocgenTestSupport
import DocgenTokens
import Foundation
import Logging
import Testing

@testable import DocgenCore

/// `--batch` against a loopback Batch API: every state, partial errors, expiry with some results, resumption.
struct BatchEndToEndTests {
    static let files = ["a.py", "b.py", "c.py"].map { path in
        SourceFile(
            path: path, language: "Python", source: "def f(x):\n    return x  # \(path)\n",
            symbols: [
                .init(kind: "function", name: "f", qualifiedName: "f", line: 1, endLine: 2, signature: "def f(x)")
            ])
    }

    struct Harness {
        let api: BatchAPIServer
        let output: URL
        let provider: ProviderConfiguration
        let budget: TokenBudget
        let profile = ModelProfile(
            id: "m", contextWindowTokens: 50_000, maxOutputTokens: 1_000,
            pricing: .init(inputUSDPerMillionTokens: 1_000, outputUSDPerMillionTokens: 1_000, asOf: "2025-01-01"))

        init(states: [String], outcome: @escaping @Sendable (String, [String: Any]) -> BatchAPIServer.Outcome) throws {
            api = try BatchAPIServer(states: states, outcome: outcome)
            output = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-batch-\(UUID().uuidString)")
            provider = ProviderConfiguration(
                kind: .openai, baseURL: api.baseURL,
                credentials: .init(apiKey: "sk-batch-test", source: "OPENAI_API_KEY"))
            budget = try TokenBudget(model: profile, requestedCompletionTokens: 500, safetyMarginTokens: 8)
        }

        func cleanUp() {
            api.shutdown()
            try? FileManager.default.removeItem(at: output)
        }

        var pageInputs: PageInputs {
            get throws {
                PageInputs(
                    generatorVersion: "t", templates: try PromptTemplates.defaults(), prompt: .init(), profile: profile)
            }
        }

        func client() throws -> BatchClient {
            try BatchClient(provider: provider, transport: try CurlTransport(), timeout: .seconds(20))
        }

        func job(metrics: MetricsCollector, answers: BatchAnswers? = nil) throws -> DocumentationJob<ContinuousClock> {
            let logger = Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() })
            let service = AIService(
                configuration: .init(provider: provider, requestTimeout: .seconds(20)), transport: try CurlTransport(),
                rateLimiter: RateLimiter(limits: .unlimited, clock: ContinuousClock()), metrics: metrics,
                clock: ContinuousClock(), logger: logger)
            let prompts = try PromptManager(
                templates: try .defaults(), project: "p", budget: budget, counter: ByteTokenCounter(), modelName: "m")
            var settings = DocumentationJob<ContinuousClock>.Settings(
                projectName: "p", outputDirectory: output, modelName: "m", providerName: "openai",
                pageInputs: try pageInputs)
            settings.concurrency = 1
            settings.repairsPages = false
            settings.writesHTML = false
            settings.batchAnswers = answers
            return DocumentationJob(
                settings: settings,
                pageSource: .model(service: service, prompts: prompts, budget: budget, counter: ByteTokenCounter()),
                renderer: nil, metrics: metrics, clock: ContinuousClock(), logger: logger)
        }

        func manifest() throws -> RunManifest { try RunManifest.load(from: AtomicFileWriter(root: output)) }

        func page(_ path: String) throws -> String {
            try String(contentsOf: output.appendingPathComponent(path + ".md"), encoding: .utf8)
        }

        /// Submits, polls until a final state (at most `states.count` polls), collects and runs.
        func submitPollAndCollect(files: [SourceFile] = BatchEndToEndTests.files) async throws
            -> (status: BatchStatus, answers: BatchAnswers, summary: RunSummary, report: MetricsReport, polls: [String])
        {
            let submission = try await job(metrics: MetricsCollector()).submitBatch(
                files: BatchEndToEndTests.files, client: try client())
            let pending = try #require(try manifest().batch)
            #expect(submission.batch == pending)
            var polls: [String] = []
            var status = try await client().status(of: pending.id)
            polls.append(status.state.rawValue)
            while !status.state.isFinal, polls.count < api.states.count {
                status = try await client().status(of: pending.id)
                polls.append(status.state.rawValue)
            }
            let metrics = MetricsCollector()
            let answers = try await BatchAnswers.collect(
                pending, status: status, client: try client(), files: files, pageInputs: try pageInputs,
                profile: profile, metrics: metrics)
            let summary = try await job(metrics: metrics, answers: answers).run(files: files, skipped: [])
            let report = try MetricsReport.decode(Data(contentsOf: output.appendingPathComponent("metrics.json")))
            return (status, answers, summary, report, polls)
        }
    }

    @Test func submitWritesTheJSONLUploadsCreatesAndRecordsTheBatch() async throws {
        let harness = try Harness(states: ["validating"]) { _, _ in .answer("## Overview\n\nFrom the batch.") }
        defer { harness.cleanUp() }
        let submission = try await harness.job(metrics: MetricsCollector()).submitBatch(
            files: Self.files, client: try harness.client())
        #expect(submission.modules == 3 && submission.unchanged == 0)
        #expect(harness.api.uploads == 1 && harness.api.batchesCreated == 1 && harness.api.liveRequests == 0)
        let lines = harness.api.inputLines
        #expect(lines.compactMap { $0["custom_id"] as? String } == ["a.py#1", "b.py#1", "c.py#1"])
        for line in lines {
            #expect(line["method"] as? String == "POST")
            #expect(line["url"] as? String == "/v1/chat/completions")
            let body = try #require(line["body"] as? [String: Any])
            #expect(body["model"] as? String == "m")
            #expect(body["max_tokens"] as? Int == 500)
            #expect(body["stream"] == nil)
        }
        let batch = try #require(try harness.manifest().batch)
        #expect(batch.id == "batch_test" && batch.items.count == 3 && batch.inputFileID == "file-in-1")
        #expect(
            submission.summaryLines.first?.hasPrefix("submitted batch batch_test: 3 requests for 3 modules") == true)
        // Nothing is written until the batch is collected.
        #expect(!FileManager.default.fileExists(atPath: harness.output.appendingPathComponent("a.py.md").path))
        let upload = try #require(harness.api.receivedRequests.first)
        #expect(upload.headers["authorization"] == "Bearer sk-batch-test")
    }

    @Test func completedBatchWritesEveryPageWithNoLiveRequestAtTheBatchPrice() async throws {
        let harness = try Harness(states: ["validating", "in_progress", "finalizing", "completed"]) { id, _ in
            .answer("## Overview\n\nFrom the batch for \(id).")
        }
        defer { harness.cleanUp() }
        let run = try await harness.submitPollAndCollect()
        #expect(run.polls == ["validating", "in_progress", "finalizing", "completed"])
        #expect(run.answers.answered == 3 && run.answers.failures.isEmpty)
        #expect(run.summary.documented == 3 && run.summary.exitCode == 0)
        #expect(harness.api.liveRequests == 0)
        #expect(try harness.page("b.py").contains("From the batch for b.py#1."))
        #expect(try harness.manifest().batch == nil)
        #expect(try harness.manifest().entries.count == 3)
        let usage = try #require(run.report.totals.usage)
        #expect(usage.batchRequests == 3)
        // 90 prompt + 30 completion tokens at $1,000 per million, halved.
        #expect(abs(run.report.totals.costUSD - 3 * 0.06) < 1e-9)
        #expect(run.report.totals.promptTokens == 270)
    }

    @Test func partialErrorsAreAskedLive() async throws {
        let harness = try Harness(states: ["in_progress", "completed"]) { id, _ in
            id == "b.py#1" ? .error("server overloaded") : .answer("## Overview\n\nFrom the batch.")
        }
        defer { harness.cleanUp() }
        let run = try await harness.submitPollAndCollect()
        #expect(run.answers.answered == 2)
        #expect(run.answers.failures == ["b.py#1: server overloaded"])
        #expect(harness.api.liveRequests == 1)
        #expect(try harness.page("a.py").contains("From the batch."))
        #expect(try harness.page("b.py").contains("Answered live."))
        #expect(run.summary.documented == 3 && run.summary.exitCode == 0)
        #expect(run.report.totals.usage?.batchRequests == 2)
        #expect(run.report.totals.requests == 3)
    }

    @Test func failedValidationAsksEverythingLive() async throws {
        let harness = try Harness(states: ["validating", "failed"]) { _, _ in .missing }
        defer { harness.cleanUp() }
        let run = try await harness.submitPollAndCollect()
        #expect(run.status.state == .failed)
        #expect(run.status.summaryLine.contains("the model is not available in batch"))
        #expect(run.answers.answered == 0 && run.answers.failures.count == 3)
        #expect(harness.api.liveRequests == 3)
        #expect(run.summary.documented == 3)
        #expect(try harness.manifest().batch == nil)
    }

    @Test func expiryKeepsTheResultsThatArrivedAndAsksTheRestLive() async throws {
        let harness = try Harness(states: ["in_progress", "expired"]) { id, _ in
            switch id {
            case "a.py#1": return .answer("## Overview\n\nFinished before expiry.")
            case "b.py#1": return .error("batch expired")
            default: return .missing
            }
        }
        defer { harness.cleanUp() }
        let run = try await harness.submitPollAndCollect()
        #expect(run.status.state == .expired)
        #expect(run.answers.answered == 1)
        #expect(Set(run.answers.failures) == ["b.py#1: batch expired", "c.py#1: no result (expired)"])
        #expect(harness.api.liveRequests == 2)
        #expect(try harness.page("a.py").contains("Finished before expiry."))
        #expect(try harness.page("c.py").contains("Answered live."))
        #expect(run.summary.exitCode == 0)
    }

    @Test func anAnswerForAModuleChangedSinceSubmissionIsDroppedAndAskedLive() async throws {
        let harness = try Harness(states: ["completed"]) { _, _ in .answer("## Overview\n\nStale answer.") }
        defer { harness.cleanUp() }
        var changed = Self.files
        changed[2].source += "# edited after submission\n"
        let run = try await harness.submitPollAndCollect(files: changed)
        #expect(run.answers.outdated == 1)
        #expect(harness.api.liveRequests == 1)
        #expect(try harness.page("c.py").contains("Answered live."))
        #expect(try harness.page("a.py").contains("Stale answer."))
    }
}

/// The Batch API's Azure OpenAI shape: `/openai/files?api-version=…`, `/chat/completions` lines, the deployment as
/// the model, the `api-key` header.
struct AzureBatchTests {
    @Test func azureBatchUsesTheOpenAIPathsTheDeploymentAndTheAPIKeyHeader() async throws {
        let api = try BatchAPIServer(states: ["completed"]) { _, _ in .answer("## Overview\n\nAzure.") }
        defer { api.shutdown() }
        let root = String(api.baseURL.dropLast("/v1".count))
        let provider = ProviderConfiguration(
            kind: .azure, baseURL: root, credentials: .init(apiKey: "azure-key-0000", source: "AZURE_OPENAI_API_KEY"),
            deployment: "docs-gpt4o", apiVersion: "2024-10-21")
        let client = try BatchClient(provider: provider, transport: try CurlTransport(), timeout: .seconds(20))
        let profile = ModelProfile.custom(id: "gpt-4o", contextWindowTokens: 8_000)
        let request = try PromptManager(
            templates: .defaults(), project: "p",
            budget: try TokenBudget(model: profile, requestedCompletionTokens: 300),
            counter: ByteTokenCounter(), modelName: "gpt-4o"
        ).plan(BatchEndToEndTests.files[0]).parts[0].request
        let line = try BatchFile.inputLine(
            customID: "a.py#1", request: request, provider: provider, path: client.requestPath)
        let fileID = try await client.upload(line)
        let created = try await client.create(inputFileID: fileID)
        let status = try await client.status(of: created.id)
        #expect(created.state == .validating && status.state == .completed)
        let requests = api.receivedRequests
        #expect(
            requests.map(\.target) == [
                "/openai/files?api-version=2024-10-21", "/openai/batches?api-version=2024-10-21",
                "/openai/batches/batch_test?api-version=2024-10-21",
            ])
        #expect(requests.allSatisfy { $0.headers["api-key"] == "azure-key-0000" })
        let input = try #require(api.inputLines.first)
        #expect(input["url"] as? String == "/chat/completions")
        #expect((input["body"] as? [String: Any])?["model"] as? String == "docs-gpt4o")
        let output = try await client.content(ofFile: try #require(status.outputFileID))
        #expect(String(decoding: output, as: UTF8.self).contains("\"custom_id\":\"a.py#1\""))
    }
}
