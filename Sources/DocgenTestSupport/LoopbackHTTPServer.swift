import Synchronization

/// A scriptable HTTP/1.1 server on 127.0.0.1 and an ephemeral port, for tests of real HTTP clients.
///
/// Each request is recorded and passed to the test's handler, which returns an ``Action``: a response, a
/// delayed response, a chunked stream with pauses (server-sent events), a body cut short, a closed connection,
/// or a hang. The server speaks keep-alive and reads `Content-Length` and chunked request bodies, and it counts
/// accepted TCP connections so tests can prove connection reuse.
///
/// It runs on plain POSIX sockets and its own threads: one accepts, one serves each connection. Every wait is
/// bounded (see ``Limits``) and ``shutdown()`` (also called when the server is released) stops all of them.
///
/// ```swift
/// let server = try LoopbackHTTPServer { request in
///     request.path == "/v1/chat/completions" ? .json(200, #"{"choices":[]}"#) : .text(404, "no")
/// }
/// defer { server.shutdown() }
/// let response = try await transport.send(HTTPRequest(method: .post, url: server.baseURL + "/v1/chat/completions"),
///                                          timeout: .seconds(5))
/// #expect(server.receivedRequests.count == 1)
/// ```
public final class LoopbackHTTPServer: Sendable {
    /// Decides what to do with one request. Called on a server thread, one request at a time per connection.
    public typealias Handler = @Sendable (Request) -> Action

    /// The TCP port the server listens on.
    public let port: Int

    private let core: Core

    /// Starts a server that answers every request through `handler`.
    ///
    /// - Parameters:
    ///   - limits: Bounds on waits, sizes and connection lifetimes.
    ///   - handler: Chooses the action for each request.
    /// - Throws: An error when no socket could be bound on 127.0.0.1.
    public init(limits: Limits = Limits(), handler: @escaping Handler) throws {
        let (descriptor, port) = try LoopbackSocket.listenOnLoopback()
        self.port = port
        self.core = Core(listener: descriptor, limits: limits, handler: handler)
        core.start()
    }

    /// Starts a server that answers requests with `actions` in order, repeating the last one.
    ///
    /// ```swift
    /// let server = try LoopbackHTTPServer(scripted: [.json(429, "{}", headers: ["retry-after": "1"]), .json(200, "{}")])
    /// ```
    ///
    /// - Parameters:
    ///   - actions: At least one action.
    ///   - limits: Bounds on waits, sizes and connection lifetimes.
    public convenience init(scripted actions: [Action], limits: Limits = Limits()) throws {
        precondition(!actions.isEmpty, "LoopbackHTTPServer(scripted:) needs at least one action")
        let next = Mutex(0)
        try self.init(limits: limits) { _ in
            let index = next.withLock { value in
                defer { value += 1 }
                return value
            }
            return actions[min(index, actions.count - 1)]
        }
    }

    deinit {
        core.shutdown()
    }

    /// The base URL, `http://127.0.0.1:<port>`, without a trailing slash.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far, in arrival order.
    public var receivedRequests: [Request] { core.state.withLock { $0.requests } }

    /// How many TCP connections the server has accepted.
    public var acceptedConnectionCount: Int { core.state.withLock { $0.acceptedConnections } }

    /// Waits until the server has received at least `count` requests, polling every 5 ms.
    ///
    /// Use it to act at a known point, for example to cancel a request the server is hanging on.
    ///
    /// - Parameters:
    ///   - count: The number of requests to wait for.
    ///   - timeout: The longest wait.
    /// - Returns: True when the requests arrived in time, false on timeout or task cancellation.
    public func waitForRequests(count: Int, timeout: Duration = .seconds(5)) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while receivedRequests.count < count {
            guard clock.now < deadline, (try? await Task.sleep(for: .milliseconds(5))) != nil else { return false }
        }
        return true
    }

    /// Stops accepting, wakes every waiting thread, closes all connections and waits (bounded) for the threads
    /// to finish. Safe to call more than once.
    public func shutdown() {
        core.shutdown()
    }

    /// A port on 127.0.0.1 that nothing listens on, for connection-refused tests.
    ///
    /// The port is bound without listening and released, so a connection attempt right after is refused
    /// (another process could take the port in between; tests accept that small risk).
    ///
    /// - Returns: The port number.
    /// - Throws: An error when no socket could be bound.
    public static func unusedPort() throws -> Int {
        let descriptor = try LoopbackSocket.makeBoundSocket()
        defer { LoopbackSocket.close(descriptor) }
        return try LoopbackSocket.boundPort(of: descriptor)
    }
}
