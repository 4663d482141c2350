import DocgenBase
import DocgenTestSupport
import Testing

@testable import DocgenCurl

struct CurlTransportTests {
    @Test func postsJSONWithHeadersAndReadsTheWholeResponse() async throws {
        let server = try LoopbackHTTPServer { request in
            .json(
                201, #"{"echo":\#(request.bodyText)}"#,
                headers: ["X-Request-Id": "req-42", "X-RateLimit-Remaining-Tokens": "9000"])
        }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()
        let body = Array(#"{"model":"gpt-4o","messages":[{"role":"user","content":"héllo"}]}"#.utf8)
        let request = HTTPRequest(
            method: .post, url: server.baseURL + "/v1/chat/completions?api-version=1",
            headers: ["Content-Type": "application/json", "Authorization": "Bearer sk-test-123456"], body: body)

        let response = try await transport.send(request, timeout: .seconds(5))

        #expect(response.status == 201)
        #expect(response.headers["x-request-id"] == "req-42")
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(response.headers["x-ratelimit-remaining-tokens"] == "9000")
        #expect(response.body == Array(#"{"echo":"#.utf8) + body + [UInt8(ascii: "}")])
        let received = try #require(server.receivedRequests.first)
        #expect(received.method == "POST")
        #expect(received.target == "/v1/chat/completions?api-version=1")
        #expect(received.path == "/v1/chat/completions")
        #expect(received.headers["Authorization"] == "Bearer sk-test-123456")
        #expect(received.headers["Content-Type"] == "application/json")
        #expect(received.headers["Content-Length"] == String(body.count))
        #expect(received.headers["Expect"] == nil)
        #expect(received.body == body)
    }

    @Test func sendsLargeBodiesWithoutExpectContinue() async throws {
        let server = try LoopbackHTTPServer { request in .text(200, String(request.body.count)) }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 300_000)

        let response = try await transport.send(
            HTTPRequest(method: .post, url: server.baseURL + "/big", body: body), timeout: .seconds(5))

        #expect(String(decoding: response.body, as: UTF8.self) == "300000")
        #expect(server.receivedRequests.first?.body == body)
    }

    @Test func returnsErrorStatusesAsResponses() async throws {
        let server = try LoopbackHTTPServer(scripted: [
            .json(429, #"{"error":{"message":"Rate limit"}}"#, headers: ["retry-after-ms": "250"]),
            .json(503, "{}"),
        ])
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()
        let request = HTTPRequest(method: .get, url: server.baseURL + "/models")

        let first = try await transport.send(request, timeout: .seconds(5))
        let second = try await transport.send(request, timeout: .seconds(5))

        #expect(first.status == 429)
        #expect(first.headers["Retry-After-Ms"] == "250")
        #expect(second.status == 503)
        #expect(server.receivedRequests.map(\.method) == ["GET", "GET"])
    }

    @Test func libcurlHasTLSThroughOpenSSL() {
        let info = CurlTransport.libraryInfo
        #expect(info.curlVersion.first?.isNumber == true)
        #expect(info.tlsVersion?.contains("OpenSSL") == true)
    }

    @Test func refusedConnectionIsConnectionFailed() async throws {
        let port = try LoopbackHTTPServer.unusedPort()
        let transport = try CurlTestSupport.makeTransport()
        let request = HTTPRequest(
            method: .post, url: "http://127.0.0.1:\(port)/v1?key=secret",
            headers: ["Authorization": "Bearer sk-very-secret-key"])

        let error = await CurlTestSupport.transportError { _ = try await transport.send(request, timeout: .seconds(5)) }

        #expect(error?.kind == .connectionFailed)
        #expect(error?.url == "http://127.0.0.1:\(port)/v1")
        #expect(error?.description.contains("sk-very-secret-key") == false)
        #expect(error?.description.contains("secret") == false)
    }

    @Test func tlsHandshakeWithAPlainHTTPServerIsConnectionFailed() async throws {
        let server = try LoopbackHTTPServer { _ in .text(200, "not TLS") }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()

        let error = await CurlTestSupport.transportError {
            _ = try await transport.send(
                HTTPRequest(method: .get, url: "https://127.0.0.1:\(server.port)/"), timeout: .seconds(5))
        }

        #expect(error?.kind == .connectionFailed)
        #expect(error?.detail.contains("SSL") == true)
    }

    @Test func missingCertificateAuthorityFileFailsTheConnection() async throws {
        let server = try LoopbackHTTPServer { _ in .text(200, "not TLS") }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport { $0.certificateAuthorityFile = "/nonexistent/ca.pem" }

        let error = await CurlTestSupport.transportError {
            _ = try await transport.send(
                HTTPRequest(method: .get, url: "https://127.0.0.1:\(server.port)/"), timeout: .seconds(5))
        }

        #expect(error?.kind == .connectionFailed)
        #expect(error?.detail.contains("/nonexistent/ca.pem") == true)
    }

    @Test func hangingServerTimesOut() async throws {
        let server = try LoopbackHTTPServer { _ in .hang(.seconds(10)) }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()

        let error = await CurlTestSupport.transportError {
            _ = try await transport.send(
                HTTPRequest(method: .post, url: server.baseURL + "/slow"), timeout: .milliseconds(300))
        }

        #expect(error?.kind == .timedOut)
        #expect(server.receivedRequests.count == 1)
    }

    @Test func bodyCutShortIsConnectionLost() async throws {
        let server = try LoopbackHTTPServer { _ in
            .cutBody(status: 200, headers: [:], declaredLength: 100, sentBody: Array("partial".utf8))
        }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()

        let error = await CurlTestSupport.transportError {
            _ = try await transport.send(HTTPRequest(method: .get, url: server.baseURL + "/"), timeout: .seconds(5))
        }

        #expect(error?.kind == .connectionLost)
    }

    @Test func connectionClosedWithoutAnswerIsConnectionLost() async throws {
        let server = try LoopbackHTTPServer { _ in .close }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()

        let error = await CurlTestSupport.transportError {
            _ = try await transport.send(HTTPRequest(method: .get, url: server.baseURL + "/"), timeout: .seconds(5))
        }

        #expect(error?.kind == .connectionLost)
    }

    @Test(arguments: ["not a url", "file:///etc/passwd", "ftp://127.0.0.1/x"])
    func unusableURLIsInvalidRequest(url: String) async throws {
        let transport = try CurlTestSupport.makeTransport()

        let error = await CurlTestSupport.transportError {
            _ = try await transport.send(HTTPRequest(method: .get, url: url), timeout: .seconds(5))
        }

        #expect(error?.kind == .invalidRequest)
    }

    @Test func headerValueWithLineBreakIsRejectedWithoutEchoingIt() async throws {
        let transport = try CurlTestSupport.makeTransport()
        let request = HTTPRequest(
            method: .get, url: "http://127.0.0.1:9/", headers: ["api-key": "abc\r\nX-Injected: sk-secret-value"])

        let error = await CurlTestSupport.transportError { _ = try await transport.send(request, timeout: .seconds(1)) }

        #expect(error?.kind == .invalidRequest)
        #expect(error?.description.contains("api-key") == true)
        #expect(error?.description.contains("sk-secret-value") == false)
    }

    @Test func oversizedResponseBodyFails() async throws {
        let server = try LoopbackHTTPServer { _ in .text(200, String(repeating: "y", count: 5_000)) }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport { $0.maximumResponseBodyBytes = 1_000 }

        let error = await CurlTestSupport.transportError {
            _ = try await transport.send(HTTPRequest(method: .get, url: server.baseURL + "/"), timeout: .seconds(5))
        }

        #expect(error?.kind == .other)
        #expect(error?.detail.contains("1000 bytes") == true)
    }

    @Test func cancellingTheTaskAbortsTheTransfer() async throws {
        let server = try LoopbackHTTPServer { _ in .hang(.seconds(20)) }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()
        let task = Task {
            try await transport.send(HTTPRequest(method: .post, url: server.baseURL + "/"), timeout: .seconds(30))
        }
        try await CurlTestSupport.waitForRequests(server, count: 1)

        task.cancel()
        let error = await CurlTestSupport.transportError { _ = try await task.value }

        #expect(error?.kind == .cancelled)
    }

    @Test func alreadyCancelledTaskSendsNothing() async throws {
        let server = try LoopbackHTTPServer { _ in .text(200, "ok") }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await transport.send(HTTPRequest(method: .get, url: server.baseURL + "/"), timeout: .seconds(5))
        }

        let error = await CurlTestSupport.transportError { _ = try await task.value }

        #expect(error?.kind == .cancelled)
        #expect(server.receivedRequests.isEmpty)
    }
}
