import DocgenBase
import DocgenCore
import DocgenCurl
import DocgenTestSupport
import DocgenTokens
import Foundation
import Testing

/// AIService over libcurl against the loopback server: requests, usage, providers, errors and connections.
struct AIServiceEndToEndTests {
    @Test func plannedRequestGetsItsAnswerAndServerUsage() async throws {
        let fixture = try EndToEndFixture(scripted: [EndToEndFixture.ok])
        defer { fixture.server.shutdown() }
        let budget = try EndToEndFixture.makeBudget()
        let request = try EndToEndFixture.makeRequest(budget)

        let result = try await fixture.service.complete(request, budget: budget, counter: EndToEndFixture.counter)

        #expect(result.text == "Docs.")
        #expect(result.finishReason == "stop")
        #expect(result.promptTokens == 60 && result.completionTokens == 5 && result.usageFromServer)
        #expect(result.attempts == 1 && result.retries.isEmpty)
        let cost = try #require(result.costUSD)
        #expect(abs(cost - (60 * 1 + 5 * 2) / 1e6) < 1e-12)
        let received = try #require(fixture.server.receivedRequests.first)
        #expect(fixture.server.receivedRequests.count == 1)
        #expect(received.method == "POST" && received.target == "/v1/chat/completions")
        #expect(received.headers["Authorization"] == "Bearer \(EndToEndFixture.key)")
        #expect(received.headers["Content-Type"] == "application/json")
        let body = try EndToEndFixture.body(of: received)
        #expect(body["model"] as? String == "test-model")
        #expect(body["max_tokens"] as? Int == request.plan.maxCompletionTokens)
        #expect(body["stream"] == nil)
        let messages = try #require(body["messages"] as? [[String: Any]])
        #expect(messages.map { $0["content"] as? String } == EndToEndFixture.messages.map(\.content))
    }

    @Test func seedScenarioNeverAsksForMoreThanTheWindowLeaves() async throws {
        // The seed pipeline asked for 125,874 completion tokens on a 128,000-token model with a 2,133-token prompt.
        let fixture = try EndToEndFixture(scripted: [EndToEndFixture.ok])
        defer { fixture.server.shutdown() }
        // An exactly counted 128k model whose output limit is the whole window, the same model unknown to the
        // registry (estimated counts, 10 % prompt reserve), and the registry's gpt-4o.
        let exact = ModelProfile(id: "wide-128k", contextWindowTokens: 128_000)
        let estimated = ModelProfile.custom(id: "custom-128k", contextWindowTokens: 128_000)
        let gpt4o = try ModelRegistry.builtIn.profile(for: "gpt-4o")
        var sentMaxTokens: [Int] = []
        for profile in [exact, estimated, gpt4o] {
            let budget = try TokenBudget(model: profile)
            let request = ChatCompletionRequest(
                modelName: profile.id, messages: EndToEndFixture.messages, plan: try budget.plan(promptTokens: 2_133))
            _ = try await fixture.service.complete(request, budget: budget, counter: EndToEndFixture.counter)
            let received = try #require(fixture.server.receivedRequests.last)
            let maxCompletionTokens = try #require(try EndToEndFixture.body(of: received)["max_tokens"] as? Int)
            #expect(2_133 + maxCompletionTokens <= 128_000)
            sentMaxTokens.append(maxCompletionTokens)
        }
        // 128,000 − ⌈2,133 × 1.1⌉ = 125,653 for the estimated model.
        #expect(sentMaxTokens == [128_000 - 2_133, 128_000 - 2_347, 16_384])
    }

    @Test func azureUsesTheDeploymentPathApiVersionAndApiKeyHeader() async throws {
        let fixture = try EndToEndFixture(kind: .azure, deployment: "docs gpt4o", apiVersion: "2024-10-21") { _ in
            EndToEndFixture.ok
        }
        defer { fixture.server.shutdown() }

        let result = try await fixture.complete()

        #expect(result.text == "Docs.")
        let received = try #require(fixture.server.receivedRequests.first)
        #expect(received.target == "/openai/deployments/docs%20gpt4o/chat/completions?api-version=2024-10-21")
        #expect(received.headers["api-key"] == EndToEndFixture.key)
        #expect(received.headers["Authorization"] == nil)
    }

    @Test func azureNotFoundNamesTheDeploymentAndItsPath() async throws {
        let fixture = try EndToEndFixture(kind: .azure, deployment: "docs", apiVersion: "2024-10-21") { _ in
            .json(404, #"{"error":{"code":"DeploymentNotFound","message":"The API deployment does not exist."}}"#)
        }
        defer { fixture.server.shutdown() }

        let error = try await #require(throws: AIServiceError.self) { _ = try await fixture.complete() }

        #expect(error.description.contains("deployment 'docs'"))
        #expect(error.description.contains("/openai/deployments/docs/chat/completions"))
        #expect(fixture.server.receivedRequests.count == 1)
    }

    @Test func azureUnauthorizedNamesTheAzureVariable() async throws {
        let fixture = try EndToEndFixture(kind: .azure, deployment: "docs", apiVersion: "2024-10-21") { _ in
            .json(401, #"{"error":{"code":"401","message":"Access denied due to invalid subscription key."}}"#)
        }
        defer { fixture.server.shutdown() }

        let error = try await #require(throws: AIServiceError.self) { _ = try await fixture.complete() }

        #expect(error.description.contains("AZURE_OPENAI_API_KEY"))
        #expect(!error.description.contains(EndToEndFixture.key))
        #expect(fixture.server.receivedRequests.count == 1)
    }

    @Test func unauthorizedIsOneRequestAndTheErrorNamesTheVariableNotTheKey() async throws {
        let fixture = try EndToEndFixture(scripted: [
            .json(
                401,
                #"{"error":{"message":"Incorrect API key provided: \#(EndToEndFixture.key). You can find your API "#
                    + #"key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","#
                    + #""param":null,"code":"invalid_api_key"}}"#)
        ])
        defer { fixture.server.shutdown() }

        let error = try await #require(throws: AIServiceError.self) { _ = try await fixture.complete() }

        #expect(fixture.server.receivedRequests.count == 1)
        #expect(error.description.contains("openai"))
        #expect(error.description.contains("OPENAI_API_KEY"))
        #expect(!error.description.contains(EndToEndFixture.key))
        #expect(!error.shortDescription.contains(EndToEndFixture.key))
    }

    @Test func notFoundNamesTheModelAndThePath() async throws {
        let fixture = try EndToEndFixture(scripted: [
            .json(
                404,
                #"{"error":{"message":"The model `test-model` does not exist or you do not have access to it.","#
                    + #""type":"invalid_request_error","param":null,"code":"model_not_found"}}"#)
        ])
        defer { fixture.server.shutdown() }

        let error = try await #require(throws: AIServiceError.self) { _ = try await fixture.complete() }

        #expect(fixture.server.receivedRequests.count == 1)
        #expect(error.description.contains("'test-model'"))
        #expect(error.description.contains("/v1/chat/completions"))
    }

    @Test func sequentialRequestsShareOneConnection() async throws {
        let fixture = try EndToEndFixture { request in
            .json(200, EndToEndFixture.okBody(EndToEndFixture.lastMessage(of: request)))
        }
        defer { fixture.server.shutdown() }
        let budget = try EndToEndFixture.makeBudget()

        for index in 0..<5 {
            let request = try EndToEndFixture.makeRequest(budget, messages: [.user("r\(index)")])
            let result = try await fixture.service.complete(request, budget: budget, counter: EndToEndFixture.counter)
            #expect(result.text == "r\(index)")
        }

        #expect(fixture.server.receivedRequests.count == 5)
        #expect(fixture.server.acceptedConnectionCount == 1)
    }
}
