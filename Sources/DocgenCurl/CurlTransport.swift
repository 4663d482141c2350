import CCurl
public import DocgenBase

/// ``HTTPTransport`` over libcurl: connection reuse, keep-alive, HTTP/2, TLS through OpenSSL, proxies, and
/// connect, total and idle timeouts.
///
/// All transfers of one transport run on one dedicated thread through a libcurl multi handle, whose
/// connection cache lets sequential and concurrent requests share connections. Calls suspend on a
/// continuation and never block the Swift cooperative pool. Cancelling the calling task aborts the transfer
/// and throws ``HTTPTransportError`` `.cancelled`. Error messages never contain header values (API keys travel
/// in headers).
///
/// Call ``globalInit()`` once at process start, before any task runs (the initializer calls it too).
///
/// ```swift
/// try CurlTransport.globalInit()
/// let transport = try CurlTransport()
/// let response = try await transport.send(
///     HTTPRequest(method: .post, url: "https://api.openai.com/v1/chat/completions",
///                 headers: ["Authorization": "Bearer \(key)", "Content-Type": "application/json"],
///                 body: Array(json.utf8)),
///     timeout: .seconds(120))
/// ```
public final class CurlTransport: HTTPTransport {
    /// The configuration every request uses.
    public let configuration: Configuration
    let multi: CurlMulti

    /// Creates a transport and starts its thread; the thread ends when the transport is released and its
    /// last transfer has finished.
    ///
    /// - Parameter configuration: Timeouts, proxy and limits.
    /// - Throws: ``CurlError`` when libcurl cannot be initialised.
    public init(configuration: Configuration = Configuration()) throws {
        try Self.globalInit()
        self.configuration = configuration
        self.multi = try CurlMulti(maximumCachedConnections: configuration.maximumCachedConnections)
    }

    deinit {
        multi.shutdown()
    }

    /// Sends a request and reads the whole response.
    ///
    /// - Parameters:
    ///   - request: The method, URL, headers and body.
    ///   - timeout: The total time for the exchange, connecting included.
    /// - Returns: The status, headers and body; any status is a response.
    /// - Throws: ``HTTPTransportError``: `.connectionFailed`, `.timedOut`, `.connectionLost`, `.cancelled`,
    ///   `.invalidRequest` or `.other` (for example a body over
    ///   ``Configuration/maximumResponseBodyBytes``).
    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let transfer = try CurlTransfer(request: request, timeout: timeout, owner: self)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.delivery = .whole(continuation)
                multi.submit(transfer)
            }
        } onCancel: { [multi] in
            multi.cancel(transfer)
        }
    }

    /// Sends a request and returns as soon as the response head has arrived; the body follows as a stream.
    ///
    /// The stream holds at most ``Configuration/streamBufferChunks`` unread chunks: beyond that the transfer
    /// pauses until the reader catches up. Releasing the stream or cancelling its reader aborts the transfer.
    ///
    /// - Parameters:
    ///   - request: The method, URL, headers and body.
    ///   - timeout: The total time for the exchange, body included.
    /// - Returns: Status, headers and the body stream, which throws ``HTTPTransportError`` `.connectionLost`
    ///   when the body is cut short and `.timedOut` when the total timeout passes.
    /// - Throws: ``HTTPTransportError`` when no response head arrived.
    public func stream(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPStreamingResponse {
        let transfer = try CurlTransfer(request: request, timeout: timeout, owner: self)
        let buffer = CurlBodyBuffer(capacity: configuration.streamBufferChunks, url: transfer.displayURL)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.delivery = .streaming(head: continuation, body: buffer)
                multi.submit(transfer)
            }
        } onCancel: { [multi] in
            multi.cancel(transfer)
        }
    }
}

extension CurlTransport {
    private static let globalInitCode: UInt32 = docgen_curl_global_init_default().rawValue

    /// Initialises libcurl (`curl_global_init`) once per process; later calls return the first result.
    ///
    /// Call it from the process's start-up code before any task starts: libcurl's global initialisation is
    /// not guaranteed to be thread-safe. ``init(configuration:)`` calls it as well.
    ///
    /// - Throws: ``CurlError`` when libcurl (or its TLS library) could not initialise.
    public static func globalInit() throws {
        let code = globalInitCode
        guard code == CURLE_OK.rawValue else { throw CurlError.globalInitFailed(code: CURLcode(rawValue: code)) }
    }
}
