import DocgenBase
import DocgenTokens
import Foundation

extension ChatCompletionRequest {
    /// The JSON body for this request with a given plan: `model`, `messages`, the output cap under the field the
    /// model expects, and streaming options. Keys are sorted so equal requests have equal bytes.
    func makeBody(plan: BudgetPlan) throws -> [UInt8] {
        let body = Body(request: self, plan: plan)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(body))
        } catch {
            throw AIServiceError.invalidConfiguration("the request body could not be encoded: \(error)")
        }
    }

    /// The HTTP request for this chat completion.
    func makeHTTPRequest(plan: BudgetPlan, provider: ProviderConfiguration, userAgent: String) throws -> HTTPRequest {
        var headers = provider.requestHeaders(userAgent: userAgent)
        if stream { headers.replaceOrAdd(name: "Accept", value: "text/event-stream") }
        return HTTPRequest(
            method: .post, url: provider.chatCompletionsURL, headers: headers, body: try makeBody(plan: plan))
    }

    private struct Body: Encodable {
        let request: ChatCompletionRequest
        let plan: BudgetPlan

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ string: String) { self.stringValue = string }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        struct Message: Encodable {
            let role: String
            let content: String
            let name: String?
        }

        struct StreamOptions: Encodable {
            let includeUsage = true
            enum CodingKeys: String, CodingKey { case includeUsage = "include_usage" }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(request.modelName, forKey: Key("model"))
            let messages = request.messages.map { Message(role: $0.role.rawValue, content: $0.content, name: $0.name) }
            try container.encode(messages, forKey: Key("messages"))
            try container.encode(plan.maxCompletionTokens, forKey: Key(plan.outputLimitField.rawValue))
            if let temperature = request.temperature {
                try container.encode(temperature, forKey: Key("temperature"))
            }
            if request.stream {
                try container.encode(true, forKey: Key("stream"))
                try container.encode(StreamOptions(), forKey: Key("stream_options"))
            }
        }
    }
}
