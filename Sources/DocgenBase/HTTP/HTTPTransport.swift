/// A minimal HTTP client abstraction that ``AIService`` talks to.
///
/// The core library never imports a C file: production wires `CurlTransport` (target `DocgenCurl`),
/// tests wire `StubTransport` (target `DocgenTestSupport`). Implementations must be safe to call from many
/// tasks at once and must honour task cancellation.
///
/// ```swift
/// let response = try await transport.send(request, timeout: .seconds(60))
/// ```
public protocol HTTPTransport: Sendable {
    /// Sends one request and returns the whole response.
    ///
    /// - Parameters:
    ///   - request: What to send.
    ///   - timeout: The total time allowed for the exchange, connecting included.
    /// - Returns: The status, headers and body. Any HTTP status is a response, not an error.
    /// - Throws: ``HTTPTransportError`` when no complete response could be read.
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse

    /// Sends one request and delivers the body as it arrives (server-sent events, for example).
    ///
    /// - Parameters:
    ///   - request: What to send.
    ///   - timeout: The total time allowed for the exchange.
    /// - Returns: The status and headers, and the body as a stream of byte chunks. The stream throws
    ///   ``HTTPTransportError`` when the connection breaks before the body is complete.
    func stream(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPStreamingResponse
}
