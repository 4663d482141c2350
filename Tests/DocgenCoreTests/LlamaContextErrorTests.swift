import DocgenBase
import DocgenCore
import DocgenTestSupport
import DocgenTokens
import Foundation
import Logging
import Testing

/// llama.cpp's answer to a prompt longer than its window, as it sends it and as proxies pass it on.
struct LlamaContextErrorTests {
    static let llamaBody =
        #"{"error":{"code":400,"message":"request (831 tokens) exceeds the available context size (512 tokens), "#
        + #"try increasing it","type":"exceed_context_size_error","n_prompt_tokens":831,"n_ctx":512}}"#
    static let proxyBody =
        #"{"error":{"code":"400","message":"request (831 tokens) exceeds the available context size (512 tokens), "#
        + #"try increasing it","type":null}}"#

    @Test func llamaCppsOwnBodyIsAContextLengthErrorWithItsNumbers() throws {
        let body = try #require(OpenAIErrorBody.parse(Array(Self.llamaBody.utf8)))
        #expect(body.code == "400")
        #expect(body.type == "exceed_context_size_error")
        #expect(body.isContextLengthExceeded)
        let numbers = try #require(body.contextLengthNumbers)
        #expect(numbers.contextWindow == 512)
        #expect(numbers.promptTokens == 831)
    }

    @Test func aProxyWrappedBodyIsRecognisedByItsMessage() throws {
        let body = try #require(OpenAIErrorBody.parse(Array(Self.proxyBody.utf8)))
        #expect(body.code == "400")
        #expect(body.type == nil)
        #expect(body.isContextLengthExceeded)
        let numbers = try #require(body.contextLengthNumbers)
        #expect(numbers.contextWindow == 512)
        #expect(numbers.promptTokens == 831)
    }

    @Test func anOrdinary400IsNotAContextError() throws {
        let body = try #require(
            OpenAIErrorBody.parse(Array(#"{"error":{"code":400,"message":"invalid 'temperature'","type":null}}"#.utf8)))
        #expect(!body.isContextLengthExceeded)
    }

    func service(_ transport: StubTransport, memory: ContextWindowMemory) -> AIService<TestClock> {
        let clock = TestClock(autoAdvance: true)
        return AIService(
            configuration: .init(provider: ProviderConfiguration(kind: .compatible, baseURL: "http://127.0.0.1:9/v1")),
            transport: transport, rateLimiter: RateLimiter(limits: .unlimited, clock: clock), clock: clock,
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), windowMemory: memory)
    }

    func request(_ budget: TokenBudget, promptTokens: Int) throws -> ChatCompletionRequest {
        ChatCompletionRequest(
            modelName: "local", messages: [.user("Document it.")], plan: try budget.plan(promptTokens: promptTokens))
    }

    @Test func aPromptLongerThanTheServersWindowAsksForARefitAndTeachesTheWindow() async throws {
        // Configured for 16,384 tokens; the server has 512 and counts 831 prompt tokens: max_tokens cannot help.
        let budget = try TokenBudget(
            model: ModelProfile(id: "local", contextWindowTokens: 16_384, maxOutputTokens: 4_096),
            safetyMarginTokens: 10, minimumCompletionTokens: 50)
        let transport = StubTransport([.text(400, Self.llamaBody)])
        let memory = ContextWindowMemory()
        let error = try await #require(throws: AIServiceError.self) {
            _ = try await service(transport, memory: memory).complete(
                try request(budget, promptTokens: 700), budget: budget, counter: ByteTokenCounter())
        }
        #expect(error.serverWindowToRefit == 512)
        #expect(error.description.contains("831 tokens by the server's count"))
        #expect(transport.requests.count == 1)  // the doomed request is never sent again as it was
        let learned = try #require(memory.learned)
        #expect(learned.tokens == 512)
        #expect(learned.configuredTokens == 16_384)
        #expect(learned.source == "HTTP 400 exceed_context_size_error")
        #expect(memory.countRatio > 1.18 && memory.countRatio < 1.19)  // 831 / 700
    }

    @Test func whenOnlyMaxTokensIsTooLargeTheRequestIsReplannedAndTheWindowStillLearned() async throws {
        let budget = try TokenBudget(
            model: ModelProfile(id: "local", contextWindowTokens: 4_096, maxOutputTokens: 4_096),
            safetyMarginTokens: 10, minimumCompletionTokens: 50)
        let ok =
            #"{"choices":[{"index":0,"message":{"role":"assistant","content":"Docs."},"finish_reason":"stop"}],"#
            + #""usage":{"prompt_tokens":300,"completion_tokens":5}}"#
        let small = Self.llamaBody.replacingOccurrences(of: "831", with: "300")
        let transport = StubTransport([.text(400, small), .text(200, ok)])
        let memory = ContextWindowMemory()
        let result = try await service(transport, memory: memory).complete(
            try request(budget, promptTokens: 290), budget: budget, counter: ByteTokenCounter())
        #expect(result.text == "Docs.")
        #expect(result.plan.maxCompletionTokens == 512 - 300 - 10)
        #expect(memory.learned?.tokens == 512)
    }
}
