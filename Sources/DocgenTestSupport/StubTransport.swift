public import DocgenBase
import Synchronization

/// An ``HTTPTransport`` for tests: records every request and answers from a script.
///
/// Each call pops the next scripted ``Reply``; when the script runs out, the last reply repeats, or the
/// `fallback` closure answers when one is given.
///
/// ```swift
/// let transport = StubTransport([.status(429, headers: ["retry-after": "2"]), .json(200, body)])
/// ```
public final class StubTransport: HTTPTransport, Sendable {
    /// One scripted answer.
    public enum Reply: Sendable {
        /// A complete response.
        case response(HTTPResponse)
        /// A transport failure, thrown from `send`.
        case failure(HTTPTransportError)
        /// A streamed response: status, headers, chunks, and an optional error after the chunks.
        case stream(status: Int, headers: HTTPHeaders, chunks: [[UInt8]], error: HTTPTransportError?)

        /// A response whose body is the UTF-8 of `body`.
        public static func text(_ status: Int, _ body: String, headers: HTTPHeaders = HTTPHeaders()) -> Reply {
            .response(HTTPResponse(status: status, headers: headers, body: Array(body.utf8)))
        }
    }

    private struct State {
        var script: [Reply]
        var requests: [HTTPRequest] = []
        var timeouts: [Duration] = []
        var lastReply: Reply?
    }

    private let state: Mutex<State>
    private let fallback: (@Sendable (HTTPRequest, Int) -> Reply)?

    /// Creates a transport that answers with `script` in order.
    ///
    /// - Parameters:
    ///   - script: The replies, first to last.
    ///   - fallback: Answers once the script is exhausted; it receives the request and its 0-based index.
    public init(_ script: [Reply] = [], fallback: (@Sendable (HTTPRequest, Int) -> Reply)? = nil) {
        self.state = Mutex(State(script: script))
        self.fallback = fallback
    }

    /// Every request received so far, in order.
    public var requests: [HTTPRequest] { state.withLock { $0.requests } }

    /// The timeout passed with each request, in order.
    public var timeouts: [Duration] { state.withLock { $0.timeouts } }

    private func nextReply(for request: HTTPRequest, timeout: Duration) -> Reply {
        let (scripted, index) = state.withLock { state -> (Reply?, Int) in
            state.requests.append(request)
            state.timeouts.append(timeout)
            let index = state.requests.count - 1
            if !state.script.isEmpty {
                let reply = state.script.removeFirst()
                state.lastReply = reply
                return (reply, index)
            }
            return (fallback == nil ? state.lastReply : nil, index)
        }
        if let scripted { return scripted }
        if let fallback { return fallback(request, index) }
        return .failure(HTTPTransportError(kind: .other, detail: "StubTransport has no reply", url: request.url))
    }

    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        try Task.checkCancellation()
        switch nextReply(for: request, timeout: timeout) {
        case .response(let response):
            return response
        case .failure(let error):
            throw error
        case .stream(let status, let headers, let chunks, let error):
            if let error { throw error }
            return HTTPResponse(status: status, headers: headers, body: chunks.flatMap { $0 })
        }
    }

    public func stream(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPStreamingResponse {
        try Task.checkCancellation()
        switch nextReply(for: request, timeout: timeout) {
        case .response(let response):
            let body = response.body
            return HTTPStreamingResponse(
                status: response.status,
                headers: response.headers,
                body: AsyncThrowingStream { continuation in
                    if !body.isEmpty { continuation.yield(body) }
                    continuation.finish()
                }
            )
        case .failure(let error):
            throw error
        case .stream(let status, let headers, let chunks, let error):
            return HTTPStreamingResponse(
                status: status,
                headers: headers,
                body: AsyncThrowingStream { continuation in
                    for chunk in chunks { continuation.yield(chunk) }
                    continuation.finish(throwing: error)
                }
            )
        }
    }
}
