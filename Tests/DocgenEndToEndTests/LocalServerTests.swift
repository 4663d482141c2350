import DocgenBase
import DocgenCore
import DocgenCurl
import DocgenTestSupport
import DocgenTokens
import Foundation
import Testing

/// Window discovery and server-side counting against imitations of llama.cpp, vLLM and Ollama over libcurl.
struct LocalServerProbeTests {
    func probe(_ server: FakeModelServer) throws -> LocalServerProbe {
        LocalServerProbe(
            provider: ProviderConfiguration(kind: .compatible, baseURL: server.baseURL), transport: try CurlTransport(),
            timeout: .seconds(5))
    }

    @Test func llamaCppWindowAndSlotsComeFromProps() async throws {
        var settings = FakeModelServer.Settings()
        settings.reportedWindow = 1_024
        settings.slots = 2
        let server = try FakeModelServer(settings)
        defer { server.shutdown() }
        let info = try #require(try await probe(server).discover(model: "anything"))
        #expect(info.kind == .llamaCpp)
        #expect(info.contextWindow == 1_024)
        #expect(info.slots == 2)
        #expect(info.source == "llama.cpp GET /props")
        #expect(info.tokenizer == .llamaCpp(root: server.server.baseURL, applyTemplate: true))
        // The root, not the /v1 base URL, carries /props.
        #expect(server.server.receivedRequests.first?.path == "/props")
    }

    @Test func vllmWindowComesFromMaxModelLen() async throws {
        var settings = FakeModelServer.Settings()
        settings.kind = .vllm
        settings.reportedWindow = 4_096
        let server = try FakeModelServer(settings)
        defer { server.shutdown() }
        let info = try #require(try await probe(server).discover(model: "local-model"))
        #expect(info.kind == .vllm)
        #expect(info.contextWindow == 4_096)
        #expect(info.tokenizer == .vllm(root: server.server.baseURL))
    }

    @Test func ollamaWindowIsItsNumCtxNotTheTrainedLength() async throws {
        var settings = FakeModelServer.Settings()
        settings.kind = .ollama
        settings.reportedWindow = 8_192
        let server = try FakeModelServer(settings)
        defer { server.shutdown() }
        let info = try #require(try await probe(server).discover(model: "llama3.2"))
        #expect(info.kind == .ollama)
        #expect(info.contextWindow == 8_192)
        #expect(info.tokenizer == nil)
        let show = try #require(server.server.receivedRequests.first { $0.path == "/api/show" })
        #expect(show.bodyText.contains("llama3.2"))
    }

    @Test func aServerThatAnswersNothingGivesNil() async throws {
        var settings = FakeModelServer.Settings()
        settings.kind = .silent
        let server = try FakeModelServer(settings)
        defer { server.shutdown() }
        #expect(try await probe(server).discover(model: "x") == nil)
    }

    @Test func llamaCppCountsTheTemplatedChatOnceAndCachesIt() async throws {
        let server = try FakeModelServer()
        defer { server.shutdown() }
        let counter = ServerTokenCounter(
            endpoint: .llamaCpp(root: server.server.baseURL, applyTemplate: true), model: "m",
            provider: ProviderConfiguration(kind: .compatible, baseURL: server.baseURL), transport: try CurlTransport())
        let messages: [ChatMessage] = [
            .system("You document code."), .user(String(repeating: "def f(): pass\n", count: 40)),
        ]
        let expected = FakeModelServer.count(messages.map { ["role": $0.role.rawValue, "content": $0.content] })
        #expect(try await counter.count(messages) == expected)
        #expect(try await counter.count(messages) == expected)
        #expect(counter.statistics.requests == 2)  // apply-template + tokenize, once
        #expect(counter.statistics.cacheHits == 1)
        #expect(server.server.receivedRequests.map(\.path) == ["/apply-template", "/tokenize"])
    }

    @Test func vllmCountsTheMessagesItself() async throws {
        var settings = FakeModelServer.Settings()
        settings.kind = .vllm
        let server = try FakeModelServer(settings)
        defer { server.shutdown() }
        let counter = ServerTokenCounter(
            endpoint: .vllm(root: server.server.baseURL), model: "local-model",
            provider: ProviderConfiguration(kind: .compatible, baseURL: server.baseURL), transport: try CurlTransport())
        let messages: [ChatMessage] = [.user("Hello there, server.")]
        #expect(
            try await counter.count(messages)
                == FakeModelServer.count([["role": "user", "content": "Hello there, server."]]))
        let body = try #require(server.server.receivedRequests.last?.bodyText)
        #expect(body.contains("\"add_generation_prompt\":true"))
    }

    @Test func aTokenizerThatRefusesNamesTheEndpointAndTheWayOut() async throws {
        var settings = FakeModelServer.Settings()
        settings.kind = .silent
        let server = try FakeModelServer(settings)
        defer { server.shutdown() }
        let counter = ServerTokenCounter(
            endpoint: .llamaCpp(root: server.server.baseURL, applyTemplate: false), model: "m",
            provider: ProviderConfiguration(kind: .compatible, baseURL: server.baseURL), transport: try CurlTransport())
        let error = try await #require(throws: AIServiceError.self) { try await counter.count([.user("x")]) }
        #expect(error.description.contains("/tokenize"))
        #expect(error.description.contains("--tokenizer local"))
    }
}
