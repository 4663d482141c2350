import DocgenBase
import DocgenTestSupport
import Testing

@testable import DocgenCurl

/// Shared set-up for the libcurl tests: a transport that ignores proxy environment variables.
enum CurlTestSupport {
    static func makeTransport(
        _ configure: (inout CurlTransport.Configuration) -> Void = { _ in }
    ) throws -> CurlTransport {
        var configuration = CurlTransport.Configuration(connectTimeout: .seconds(5), proxy: .none)
        configure(&configuration)
        return try CurlTransport(configuration: configuration)
    }

    /// Runs `body` and returns the transport error it throws, recording an issue when it throws nothing else.
    static func transportError(
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () async throws -> Void
    ) async -> HTTPTransportError? {
        do {
            try await body()
            Issue.record("expected an HTTPTransportError, got success", sourceLocation: sourceLocation)
        } catch let error as HTTPTransportError {
            return error
        } catch {
            Issue.record("expected an HTTPTransportError, got \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    /// Waits until the server has received `count` requests; the 60 s bound only stops a hang (on a loaded CI
    /// machine a loopback request has taken more than 5 s to arrive).
    static func waitForRequests(_ server: LoopbackHTTPServer, count: Int) async throws {
        let arrived = await server.waitForRequests(count: count, timeout: .seconds(60))
        try #require(arrived)
    }
}
