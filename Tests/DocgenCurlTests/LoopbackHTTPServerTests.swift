import DocgenBase
import DocgenTestSupport
import Testing

@testable import DocgenCurl

/// The loopback server itself, driven by the libcurl transport.
struct LoopbackHTTPServerTests {
    @Test func readsChunkedRequestBodies() async throws {
        let server = try LoopbackHTTPServer { request in .text(200, request.bodyText) }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()
        let body = String(repeating: "chunked body ", count: 5_000)

        let response = try await transport.send(
            HTTPRequest(
                method: .post, url: server.baseURL + "/", headers: ["Transfer-Encoding": "chunked"],
                body: Array(body.utf8)),
            timeout: .seconds(5))

        let received = try #require(server.receivedRequests.first)
        #expect(received.headers["Transfer-Encoding"] == "chunked")
        #expect(received.bodyText == body)
        #expect(String(decoding: response.body, as: UTF8.self) == body)
    }

    @Test func answersExpectContinue() async throws {
        let server = try LoopbackHTTPServer { request in .text(200, String(request.body.count)) }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()

        let response = try await transport.send(
            HTTPRequest(
                method: .post, url: server.baseURL + "/", headers: ["Expect": "100-continue"],
                body: [UInt8](repeating: 7, count: 4_096)),
            timeout: .seconds(5))

        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "4096")
        #expect(server.receivedRequests.first?.headers["Expect"] == "100-continue")
    }

    @Test func scriptedActionsRunInOrderAndTheLastRepeats() async throws {
        let server = try LoopbackHTTPServer(scripted: [.text(500, "a"), .text(503, "b"), .text(200, "c")])
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()

        var statuses: [Int] = []
        for _ in 0..<5 {
            statuses.append(
                try await transport.send(HTTPRequest(method: .get, url: server.baseURL + "/"), timeout: .seconds(5))
                    .status)
        }

        #expect(statuses == [500, 503, 200, 200, 200])
    }

    @Test func delayedActionAnswersLater() async throws {
        let server = try LoopbackHTTPServer { _ in .delayed(.milliseconds(30), then: .json(200, "{}")) }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()

        let response = try await transport.send(
            HTTPRequest(method: .get, url: server.baseURL + "/"), timeout: .seconds(5))

        #expect(response.status == 200)
        #expect(response.body == Array("{}".utf8))
    }

    @Test func shutdownEndsHangingConnectionsAndIsIdempotent() async throws {
        let server = try LoopbackHTTPServer { _ in .hang(.seconds(30)) }
        let transport = try CurlTestSupport.makeTransport()
        let task = Task {
            try await transport.send(HTTPRequest(method: .get, url: server.baseURL + "/"), timeout: .seconds(30))
        }
        try await CurlTestSupport.waitForRequests(server, count: 1)

        server.shutdown()
        server.shutdown()
        let error = await CurlTestSupport.transportError { _ = try await task.value }

        #expect(error?.kind == .connectionLost)
    }

    @Test func unusedPortRefusesConnections() async throws {
        let port = try LoopbackHTTPServer.unusedPort()
        #expect(port > 0)
        let transport = try CurlTestSupport.makeTransport()
        let error = await CurlTestSupport.transportError {
            _ = try await transport.send(
                HTTPRequest(method: .get, url: "http://127.0.0.1:\(port)/"), timeout: .seconds(5))
        }
        #expect(error?.kind == .connectionFailed)
    }
}
