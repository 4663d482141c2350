import DocgenBase

extension AIService {
    /// How one HTTP exchange ended.
    enum AttemptOutcome {
        case answer(ChatCompletionResponse.Parsed, HTTPHeaders)
        case status(Int, HTTPHeaders, [UInt8])
        case failed(HTTPTransportError)
        case malformed
        case streamCut
        case cancelled
    }

    /// The most bytes of an error body read from a stream (error bodies are small JSON objects).
    static var maxErrorBodyBytes: Int { 1 << 20 }

    /// Sends one request and classifies the result; never throws.
    func attempt(
        _ request: HTTPRequest,
        stream: Bool,
        onEvent: (@Sendable (StreamEvent) -> Void)?
    ) async -> AttemptOutcome {
        do {
            guard stream else {
                let response = try await transport.send(request, timeout: configuration.requestTimeout)
                guard (200..<300).contains(response.status) else {
                    return .status(response.status, response.headers, response.body)
                }
                guard let parsed = ChatCompletionResponse.parseBody(response.body) else { return .malformed }
                return .answer(parsed, response.headers)
            }
            let response = try await transport.stream(request, timeout: configuration.requestTimeout)
            guard (200..<300).contains(response.status) else {
                var body: [UInt8] = []
                for try await chunk in response.body where body.count < Self.maxErrorBodyBytes {
                    body += chunk
                }
                return .status(response.status, response.headers, body)
            }
            return try await readStream(response, onEvent: onEvent)
        } catch let error as HTTPTransportError {
            return error.kind == .cancelled || Task.isCancelled ? .cancelled : .failed(error)
        } catch is CancellationError {
            return .cancelled
        } catch {
            return .failed(HTTPTransportError(kind: .other, detail: String(describing: error), url: request.url))
        }
    }

    private func readStream(
        _ response: HTTPStreamingResponse,
        onEvent: (@Sendable (StreamEvent) -> Void)?
    ) async throws -> AttemptOutcome {
        var parser = ServerSentEventParser()
        var answer = ChatCompletionResponse.Parsed(text: "")
        do {
            for try await chunk in response.body {
                for data in parser.feed(chunk) {
                    if data.trimmed == "[DONE]" { return .answer(answer, response.headers) }
                    guard let parsed = ChatCompletionResponse.parseChunk(data) else { return .malformed }
                    if !parsed.text.isEmpty {
                        answer.text += parsed.text
                        onEvent?(.delta(parsed.text))
                    }
                    answer.finishReason = parsed.finishReason ?? answer.finishReason
                    answer.promptTokens = parsed.promptTokens ?? answer.promptTokens
                    answer.completionTokens = parsed.completionTokens ?? answer.completionTokens
                }
            }
        } catch let error as HTTPTransportError where error.kind == .connectionLost {
            // A real transport reports a body cut mid-stream as a lost connection: it is a stream cut before
            // [DONE], whether or not the connection broke.
            return .streamCut
        }
        return .streamCut
    }
}
