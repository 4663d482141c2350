import DocgenBase
import DocgenTestSupport
import DocgenTokens
import Foundation
import Logging
import Testing

@testable import DocgenCore

/// The cost and safety guards in a whole run: budget cap, right-sized caps, the tokens-per-minute quota.
struct GuardsJobTests {
    /// Four modules of identical size, so their worst cases are equal.
    static let files = (1...4).map { index in
        SourceFile(
            path: "m\(index).py", language: "Python", source: "def f(x):\n    return x + \(index)\n",
            symbols: [
                .init(kind: "function", name: "f", qualifiedName: "f", line: 1, endLine: 2, signature: "def f(x)")
            ])
    }

    static func answer(completion: Int = 3, finish: String = "stop") -> StubTransport.Reply {
        .text(
            200,
            ###"{"choices":[{"message":{"content":"## Overview\n\nIt adds."},"finish_reason":""###
                + finish + ###""}],"usage":{"prompt_tokens":10,"completion_tokens":"### + "\(completion)}}")
    }

    struct Harness {
        let output: URL
        let budget: TokenBudget
        let prompts: PromptManager
        let clock = TestClock(autoAdvance: true)

        init() throws {
            output = try DocumentationJobTests.temporaryFolder()
            let profile = ModelProfile(
                id: "m", contextWindowTokens: 50_000, maxOutputTokens: 1_000,
                pricing: .init(inputUSDPerMillionTokens: 1, outputUSDPerMillionTokens: 1, asOf: "2025-01-01"))
            budget = try TokenBudget(
                model: profile, requestedCompletionTokens: 800, safetyMarginTokens: 8, minimumCompletionTokens: 100)
            prompts = try PromptManager(
                templates: try .defaults(), project: "sample", budget: budget, counter: ByteTokenCounter(),
                modelName: "m")
        }

        func worstCaseTokens(_ file: SourceFile) throws -> Int {
            try #require(try prompts.plan(file).parts.first).request.plan.quotaTokens
        }

        func job(
            _ transport: StubTransport, limits: RateLimits = .unlimited,
            configure: (inout DocumentationJob<TestClock>.Settings) -> Void = { _ in }
        ) throws -> DocumentationJob<TestClock> {
            let provider = ProviderConfiguration(
                kind: .openai, baseURL: "http://127.0.0.1:9/v1",
                credentials: .init(apiKey: "sk-x", source: "OPENAI_API_KEY"))
            let metrics = MetricsCollector()
            let logger = Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() })
            let service = AIService(
                configuration: .init(provider: provider), transport: transport,
                rateLimiter: RateLimiter(limits: limits, clock: clock), metrics: metrics, clock: clock, logger: logger)
            var settings = DocumentationJob<TestClock>.Settings(
                projectName: "sample", outputDirectory: output, modelName: "m", providerName: "openai",
                pageInputs: try DocumentationJobTests.pageInputs())
            settings.concurrency = 1
            settings.repairsPages = false
            configure(&settings)
            return DocumentationJob(
                settings: settings,
                pageSource: .model(service: service, prompts: prompts, budget: budget, counter: ByteTokenCounter()),
                renderer: nil, metrics: metrics, clock: clock, logger: logger)
        }

        static func maxTokens(of request: HTTPRequest) throws -> Int {
            let object = try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any]
            return try #require(object?["max_tokens"] as? Int)
        }
    }

    @Test func budgetCapStopsBeforeTheRequestThatCouldCrossItAndTheNextRunResumes() async throws {
        let harness = try Harness()
        defer { try? FileManager.default.removeItem(at: harness.output) }
        let worst = try harness.worstCaseTokens(Self.files[0])
        #expect(try Self.files.allSatisfy { try harness.worstCaseTokens($0) == worst })
        // Room for one worst case; after its real 13 tokens the next worst case no longer fits.
        let cap = SpendingCap(maxCostUSD: nil, maxTokens: worst + 12)
        let transport = StubTransport([Self.answer()])
        let capped = try await harness.job(transport) { $0.spendingCap = cap }.run(files: Self.files, skipped: [])
        #expect(transport.requests.count == 1)
        #expect(capped.documented == 1 && capped.failed == 3)
        #expect(capped.status == .partial && capped.exitCode == 1)
        let capText = "\(HumanFormat.count(worst + 12)) tokens"
        #expect(capped.failures.allSatisfy { $0.reason.contains("budget cap of \(capText) is reached") })
        let note = try #require(capped.notes?.first)
        #expect(note.hasPrefix("budget cap \(capText) reached: spent $0.0000 and 13 tokens"))
        #expect(note.contains("1 module documented in this run, 3 left to do"))
        #expect(await cap.spent.tokens == 13)
        #expect(FileManager.default.fileExists(atPath: harness.output.appendingPathComponent("m1.py.md").path))
        #expect(!FileManager.default.fileExists(atPath: harness.output.appendingPathComponent("m2.py.md").path))
        #expect(FileManager.default.fileExists(atPath: harness.output.appendingPathComponent("metrics.json").path))

        let resumed = try await harness.job(StubTransport([Self.answer()])).run(files: Self.files, skipped: [])
        #expect(resumed.cached == 1 && resumed.documented == 3 && resumed.exitCode == 0)
    }

    @Test func costCapRefusesTheFirstRequestWhenEvenOneCouldCrossIt() async throws {
        let harness = try Harness()
        defer { try? FileManager.default.removeItem(at: harness.output) }
        let transport = StubTransport([Self.answer()])
        let summary = try await harness.job(transport) {
            $0.spendingCap = SpendingCap(maxCostUSD: 0.000_001, maxTokens: nil)
        }.run(files: Self.files, skipped: [])
        #expect(transport.requests.isEmpty)
        #expect(summary.failed == 4 && summary.exitCode == 1)
        #expect(summary.failures.dropFirst().allSatisfy { $0.reason.hasPrefix("not attempted: the budget cap") })
    }

    @Test func capTightensAfterWarmUpAndOnlyLengthCutAnswersAreAskedAgain() async throws {
        let harness = try Harness()
        defer { try? FileManager.default.removeItem(at: harness.output) }
        let sizer = CompletionSizer(
            minimumCompletionTokens: 100, warmUpAnswers: 2, marginPercent: 25, minimumMarginTokens: 10)
        // Two short answers, then one cut at the tightened cap (asked again in full), then a short one.
        let transport = StubTransport([
            Self.answer(completion: 40), Self.answer(completion: 40), Self.answer(completion: 100, finish: "length"),
            Self.answer(completion: 300), Self.answer(completion: 40),
        ])
        let summary = try await harness.job(transport) { $0.completionSizer = sizer }.run(
            files: Self.files, skipped: [])
        #expect(summary.documented == 4)
        let caps = try transport.requests.map(Harness.maxTokens(of:))
        // The last cap is the p95 of 40, 40 and the re-asked 300, plus 25 %.
        #expect(caps == [800, 800, 100, 800, 375])
        #expect(await sizer.reasks == 1)
        #expect(summary.notes == ["1 answer cut at a tightened completion cap asked again in full"])
    }

    @Test func configuredQuotaLowersTheCapOrFailsTheModuleAtOnce() async throws {
        let harness = try Harness()
        defer { try? FileManager.default.removeItem(at: harness.output) }
        let worst = try harness.worstCaseTokens(Self.files[0])
        let prompt = worst - 800
        let transport = StubTransport([Self.answer()])
        let lowered = try await harness.job(transport, limits: RateLimits(tokensPerMinute: prompt + 300)).run(
            files: [Self.files[0]], skipped: [])
        #expect(lowered.documented == 1)
        #expect(try transport.requests.map(Harness.maxTokens(of:)) == [300])

        let none = StubTransport([Self.answer()])
        let refused = try await harness.job(none, limits: RateLimits(tokensPerMinute: prompt + 50)).run(
            files: [Self.files[1]], skipped: [])
        #expect(none.requests.isEmpty)
        #expect(refused.failed == 1)
        #expect(refused.failures.first?.reason.contains("can never be admitted") == true)
    }

    @Test func quotaLimitedProfilePlansRequestsNoLargerThanTheQuota() throws {
        let profile = ModelProfile.custom(id: "m", contextWindowTokens: 128_000)
        let limited = profile.limited(toTokensPerMinute: 30_000)
        #expect(limited.contextWindowTokens == 30_000)
        #expect(limited.maxOutputTokens <= 30_000)
        #expect(profile.limited(toTokensPerMinute: 500_000) == profile)
        let budget = try TokenBudget(model: limited, requestedCompletionTokens: 2_048, safetyMarginTokens: 32)
        let plan = try budget.plan(promptTokens: 27_000)
        #expect(plan.quotaTokens + 32 <= 30_000)
    }
}

struct SpendingCapTests {
    @Test func reservesWorstCasesSettlesRealFiguresAndRefusesAtTheCap() async throws {
        let cap = SpendingCap(maxCostUSD: 1.0, maxTokens: nil)
        let first = try await cap.reserve(tokens: 1_000, costUSD: 0.6)
        await #expect(throws: GuardError.self) { try await cap.reserve(tokens: 1_000, costUSD: 0.6) }
        await cap.settle(first, tokens: 400, costUSD: 0.2)
        let second = try await cap.reserve(tokens: 1_000, costUSD: 0.6)
        await cap.release(second)
        #expect(await cap.spent.costUSD == 0.2)
        #expect(await cap.refusals == 1)
        #expect(cap.capDescription == "$1.0000")
    }

    @Test func sizerWaitsForWarmUpThenUsesP95PlusMargin() async {
        let sizer = CompletionSizer(minimumCompletionTokens: 256, warmUpAnswers: 4, marginPercent: 25)
        for tokens in [400, 500, 600] { await sizer.observe(completionTokens: tokens) }
        #expect(await sizer.cap == nil)
        await sizer.observe(completionTokens: 800)
        #expect(await sizer.cap == 1_056)  // p95 800 + max(256, 200)
        await sizer.observe(completionTokens: 5_000, wasCut: true)
        #expect(await sizer.cap == 1_056)
        let small = CompletionSizer(minimumCompletionTokens: 512, warmUpAnswers: 1, minimumMarginTokens: 0)
        await small.observe(completionTokens: 10)
        #expect(await small.cap == 512)
    }
}

struct TokenCalibrationTests {
    @Test func ratioAndMarginConvergeOnTheServersCounts() throws {
        var calibration = TokenCalibration()
        let deepseek = try ModelRegistry.builtIn.profile(for: "deepseek-chat")
        #expect(calibration.applied(to: deepseek) == deepseek)
        calibration.add(plannedPromptTokens: 10_000, serverPromptTokens: 10_700, requests: 2)
        #expect(!calibration.isUsable)
        calibration.add(plannedPromptTokens: 10_000, serverPromptTokens: 10_700, requests: 2)
        #expect(calibration.isUsable)
        #expect(abs(calibration.ratio - 1.07) < 1e-9)
        #expect(calibration.estimateMarginPercent == 9)
        let calibrated = calibration.applied(to: deepseek)
        #expect(calibrated.estimateMarginPercent == 9)
        // 10,000 counted tokens reserve 10,900: above the server's 10,700, and closer than a fixed margin.
        #expect(calibrated.reservedPromptTokens(forCounted: 10_000) == 10_900)
        let exact = try ModelRegistry.builtIn.profile(for: "gpt-4o")
        #expect(calibration.applied(to: exact) == exact)
        #expect(TokenCalibration.planLine(for: exact, calibration: calibration) == nil)
        let line = try #require(TokenCalibration.planLine(for: deepseek, calibration: calibration))
        #expect(line.hasPrefix("prompt counts calibrated: the server counts 1.0700× docgen's over 4 requests"))
        let uncalibrated = try #require(TokenCalibration.planLine(for: deepseek, calibration: nil))
        #expect(uncalibrated.hasPrefix("prompt counts are estimates, not calibrated"))
    }

    @Test func aRunOfAnEstimatedModelRecordsItsCalibrationInTheManifest() async throws {
        let harness = try GuardsJobTests.Harness()
        defer { try? FileManager.default.removeItem(at: harness.output) }
        let files = Array(GuardsJobTests.files.prefix(3))
        let planned = try files.reduce(0) { sum, file in
            sum + (try #require(try harness.prompts.plan(file).parts.first).request.plan.promptTokens)
        }
        _ = try await harness.job(StubTransport([GuardsJobTests.answer()])).run(files: files, skipped: [])
        let manifest = try RunManifest.load(from: AtomicFileWriter(root: harness.output))
        let calibration = try #require(manifest.calibration(for: "m"))
        #expect(calibration.requests == 3)
        #expect(calibration.plannedPromptTokens == planned)
        #expect(calibration.serverPromptTokens == 30)
        let metrics = try MetricsReport.decode(Data(contentsOf: harness.output.appendingPathComponent("metrics.json")))
        #expect(metrics.totals.usage?.isFlagged == true)
        #expect(metrics.totals.usage?.plannedPromptTokens == planned)
    }
}
