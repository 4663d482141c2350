import DocgenCore
import DocgenCurl
import DocgenTestSupport
import DocgenTokens
import Foundation
import Testing

/// A 400 `context_length_exceeded` over libcurl: one re-planned request from the server's numbers, never a resend.
struct AIServiceContextLengthEndToEndTests {
    /// OpenAI's wording, with the body shape it sends.
    static func contextLengthBody(window: Int, messages: Int, completion: Int) -> String {
        let message =
            "This model's maximum context length is \(window) tokens. However, you requested "
            + "\(messages + completion) tokens (\(messages) in the messages, \(completion) in the completion). "
            + "Please reduce the length of the messages or completion."
        return #"{"error":{"message":"\#(message)","type":"invalid_request_error","param":"messages","#
            + #""code":"context_length_exceeded"}}"#
    }

    @Test func replansOnceWithTheServersWindowAndPromptCount() async throws {
        // The registry says 8,000 tokens; this deployment only has 4,096, and counts 75 prompt tokens.
        let budget = try EndToEndFixture.makeBudget(window: 8_000, maxOutput: 8_000)
        let request = try EndToEndFixture.makeRequest(budget)
        let firstMax = request.plan.maxCompletionTokens
        let fixture = try EndToEndFixture { received in
            let maxCompletionTokens = (try? EndToEndFixture.body(of: received))?["max_tokens"] as? Int ?? 0
            return maxCompletionTokens + 75 > 4_096
                ? .json(400, Self.contextLengthBody(window: 4_096, messages: 75, completion: maxCompletionTokens))
                : EndToEndFixture.ok
        }
        defer { fixture.server.shutdown() }

        let result = try await fixture.service.complete(request, budget: budget, counter: EndToEndFixture.counter)

        let received = fixture.server.receivedRequests
        try #require(received.count == 2)
        let sent = try received.map { try #require(try EndToEndFixture.body(of: $0)["max_tokens"] as? Int) }
        // 4,096 window − 75 server prompt tokens − 10 safety margin.
        #expect(sent == [firstMax, 4_096 - 75 - 10])
        #expect(received[0].body != received[1].body)
        #expect(result.plan.maxCompletionTokens == 4_011)
        #expect(result.retries == [.contextReplanned: 1])
        #expect(result.text == "Docs.")
    }

    @Test func aSecondRefusalIsFinalAfterExactlyOneReplannedRequest() async throws {
        let fixture = try EndToEndFixture { received in
            let maxCompletionTokens = (try? EndToEndFixture.body(of: received))?["max_tokens"] as? Int ?? 0
            return .json(400, Self.contextLengthBody(window: 4_096, messages: 75, completion: maxCompletionTokens))
        }
        defer { fixture.server.shutdown() }
        let budget = try EndToEndFixture.makeBudget(window: 8_000, maxOutput: 8_000)

        let error = try await #require(throws: AIServiceError.self) {
            _ = try await fixture.service.complete(
                try EndToEndFixture.makeRequest(budget), budget: budget, counter: EndToEndFixture.counter)
        }

        let received = fixture.server.receivedRequests
        #expect(received.count == 2)
        #expect(Set(received.map(\.body)).count == received.count)
        #expect(error.description.contains("test-model"))
    }

    @Test func aPromptTheServerSaysCannotFitIsNeverSent() async throws {
        // The server's window leaves no room even for the minimum completion: no second request at all.
        let fixture = try EndToEndFixture { received in
            let maxCompletionTokens = (try? EndToEndFixture.body(of: received))?["max_tokens"] as? Int ?? 0
            return .json(400, Self.contextLengthBody(window: 100, messages: 90, completion: maxCompletionTokens))
        }
        defer { fixture.server.shutdown() }
        let budget = try EndToEndFixture.makeBudget()

        await #expect(throws: AIServiceError.self) {
            _ = try await fixture.service.complete(
                try EndToEndFixture.makeRequest(budget), budget: budget, counter: EndToEndFixture.counter)
        }
        #expect(fixture.server.receivedRequests.count == 1)
    }
}
