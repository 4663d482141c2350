import DocgenBase
import DocgenTestSupport
import Testing

@testable import DocgenCurl

struct CurlTransportConnectionTests {
    @Test func sequentialRequestsReuseOneConnection() async throws {
        let server = try LoopbackHTTPServer { request in .text(200, request.path) }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()

        for index in 0..<5 {
            let response = try await transport.send(
                HTTPRequest(method: .post, url: server.baseURL + "/r\(index)", body: Array("{}".utf8)),
                timeout: .seconds(5))
            #expect(String(decoding: response.body, as: UTF8.self) == "/r\(index)")
        }

        #expect(server.receivedRequests.count == 5)
        #expect(server.acceptedConnectionCount == 1)
        #expect(server.receivedRequests.allSatisfy { $0.connectionNumber == 1 })
    }

    @Test func connectionIsReopenedAfterTheServerClosesIt() async throws {
        let server = try LoopbackHTTPServer { request in
            request.path == "/close"
                ? .respond(.init(status: 200, headers: ["Connection": "close"], text: "bye", contentType: "text/plain"))
                : .text(200, "hi")
        }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()

        for path in ["/a", "/close", "/b", "/c"] {
            let response = try await transport.send(
                HTTPRequest(method: .get, url: server.baseURL + path), timeout: .seconds(5))
            #expect(response.status == 200)
        }

        #expect(server.acceptedConnectionCount == 2)
        #expect(server.receivedRequests.map(\.connectionNumber) == [1, 1, 2, 2])
    }

    @Test func manyConcurrentRequestsAllGetTheirOwnAnswers() async throws {
        let server = try LoopbackHTTPServer { request in
            .delayed(.milliseconds(2), then: .json(200, #"{"id":"\#(request.bodyText)"}"#))
        }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()

        let answers = try await withThrowingTaskGroup(of: [(String, String)].self) { group in
            for worker in 0..<4 {
                group.addTask {
                    var pairs: [(String, String)] = []
                    for index in 0..<5 {
                        let id = "w\(worker)-r\(index)"
                        let response = try await transport.send(
                            HTTPRequest(method: .post, url: server.baseURL + "/echo", body: Array(id.utf8)),
                            timeout: .seconds(10))
                        pairs.append((id, String(decoding: response.body, as: UTF8.self)))
                    }
                    return pairs
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }

        #expect(answers.count == 20)
        for (id, body) in answers {
            #expect(body == #"{"id":"\#(id)"}"#)
        }
        #expect(Set(server.receivedRequests.map(\.bodyText)).count == 20)
        #expect(server.acceptedConnectionCount <= 20)
    }

    @Test func explicitProxyReceivesAbsoluteFormRequests() async throws {
        let proxy = try LoopbackHTTPServer { request in .text(200, "via proxy \(request.target)") }
        defer { proxy.shutdown() }
        let transport = try CurlTestSupport.makeTransport { $0.proxy = .url(proxy.baseURL) }

        let response = try await transport.send(
            HTTPRequest(method: .get, url: "http://example.invalid/v1/models"), timeout: .seconds(5))

        #expect(String(decoding: response.body, as: UTF8.self) == "via proxy http://example.invalid/v1/models")
        let received = try #require(proxy.receivedRequests.first)
        #expect(received.target == "http://example.invalid/v1/models")
        #expect(received.headers["Host"] == "example.invalid")
    }

    @Test func httpsThroughAProxyOpensATunnelWithConnect() async throws {
        let proxy = try LoopbackHTTPServer { _ in .text(403, "tunnels not allowed") }
        defer { proxy.shutdown() }
        let transport = try CurlTestSupport.makeTransport { $0.proxy = .url(proxy.baseURL) }

        let error = await CurlTestSupport.transportError {
            _ = try await transport.send(
                HTTPRequest(method: .post, url: "https://example.invalid/v1/chat", headers: ["api-key": "k-123456789"]),
                timeout: .seconds(5))
        }

        let received = try #require(proxy.receivedRequests.first)
        #expect(received.method == "CONNECT")
        #expect(received.target == "example.invalid:443")
        #expect(received.headers["api-key"] == nil)
        #expect(error?.kind == .connectionFailed)
    }

    @Test func transportReleasedAfterUseLeavesNothingRunning() async throws {
        let server = try LoopbackHTTPServer { _ in .text(200, "ok") }
        defer { server.shutdown() }
        weak var released: CurlTransport?
        do {
            let transport = try CurlTestSupport.makeTransport()
            released = transport
            _ = try await transport.send(HTTPRequest(method: .get, url: server.baseURL + "/"), timeout: .seconds(5))
        }
        #expect(released == nil)
    }
}
