import DocgenCore
import DocgenTestSupport
import Testing

@testable import DocgenCurl

struct CurlTransportStreamingTests {
    private static func collect(_ body: AsyncThrowingStream<[UInt8], any Error>) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in body { bytes += chunk }
        return bytes
    }

    @Test func streamedChunksArriveInOrder() async throws {
        let events = (0..<6).map { #"{"choices":[{"delta":{"content":"t\#($0)"}}]}"# } + ["[DONE]"]
        let server = try LoopbackHTTPServer { _ in .serverSentEvents(events, delay: .milliseconds(5)) }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()

        let response = try await transport.stream(
            HTTPRequest(method: .post, url: server.baseURL + "/v1/chat/completions", body: Array("{}".utf8)),
            timeout: .seconds(5))
        let text = String(decoding: try await Self.collect(response.body), as: UTF8.self)

        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "text/event-stream")
        #expect(text == events.map { "data: \($0)\n\n" }.joined())
    }

    @Test func headArrivesBeforeTheBodyIsComplete() async throws {
        let server = try LoopbackHTTPServer { _ in
            .stream(
                status: 200, headers: [:], chunks: [.init("first"), .init("second", after: .seconds(10))],
                completes: true)
        }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()

        let response = try await transport.stream(
            HTTPRequest(method: .get, url: server.baseURL + "/"), timeout: .seconds(20))
        var iterator = response.body.makeAsyncIterator()
        let first = try await iterator.next()

        #expect(response.status == 200)
        #expect(first == Array("first".utf8))
    }

    @Test func headIsDeliveredBeforeAnyBodyByteArrives() async throws {
        let server = try LoopbackHTTPServer { _ in
            .stream(
                status: 202, headers: ["X-Head": "early"], chunks: [.init("late", after: .seconds(20))],
                completes: true)
        }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()

        let response = try await transport.stream(
            HTTPRequest(method: .get, url: server.baseURL + "/"), timeout: .seconds(30))

        #expect(response.status == 202)
        #expect(response.headers["X-Head"] == "early")
        #expect(response.headers["Transfer-Encoding"] == "chunked")
    }

    @Test func streamCutMidBodyThrowsConnectionLost() async throws {
        let server = try LoopbackHTTPServer { _ in .serverSentEvents(["one", "two"], completes: false) }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()

        let response = try await transport.stream(
            HTTPRequest(method: .post, url: server.baseURL + "/"), timeout: .seconds(5))
        var received: [UInt8] = []
        let error = await CurlTestSupport.transportError {
            for try await chunk in response.body { received += chunk }
        }

        #expect(error?.kind == .connectionLost)
        #expect(String(decoding: received, as: UTF8.self) == "data: one\n\ndata: two\n\n")
    }

    @Test func errorStatusIsStreamedLikeAnyOther() async throws {
        let server = try LoopbackHTTPServer { _ in .json(401, #"{"error":{"code":"invalid_api_key"}}"#) }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()

        let response = try await transport.stream(
            HTTPRequest(method: .post, url: server.baseURL + "/"), timeout: .seconds(5))
        let body = try await Self.collect(response.body)

        #expect(response.status == 401)
        #expect(String(decoding: body, as: UTF8.self).contains("invalid_api_key"))
    }

    @Test func slowReaderGetsEveryByteThroughTheBoundedBuffer() async throws {
        let chunks = (0..<200).map { index in
            LoopbackHTTPServer.Chunk("[\(index)]" + String(repeating: ".", count: 1_000))
        }
        let server = try LoopbackHTTPServer { _ in .stream(status: 200, headers: [:], chunks: chunks, completes: true) }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport { $0.streamBufferChunks = 2 }

        let response = try await transport.stream(
            HTTPRequest(method: .get, url: server.baseURL + "/"), timeout: .seconds(10))
        var bytes: [UInt8] = []
        for try await chunk in response.body {
            bytes += chunk
            await Task.yield()
        }

        #expect(bytes == chunks.flatMap(\.bytes))
    }

    @Test func cancellingTheReaderAbortsTheStream() async throws {
        let server = try LoopbackHTTPServer { _ in
            .stream(status: 200, headers: [:], chunks: [.init("a"), .init("b", after: .seconds(20))], completes: true)
        }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()
        let response = try await transport.stream(
            HTTPRequest(method: .get, url: server.baseURL + "/"), timeout: .seconds(30))

        let reader = Task {
            var chunks: [[UInt8]] = []
            for try await chunk in response.body { chunks.append(chunk) }
            return chunks
        }
        try await Task.sleep(for: .milliseconds(20))
        reader.cancel()
        let error = await CurlTestSupport.transportError { _ = try await reader.value }

        #expect(error?.kind == .cancelled)
    }

    @Test func cancellingBeforeTheHeadAbortsTheRequest() async throws {
        let server = try LoopbackHTTPServer { _ in .hang(.seconds(20)) }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()
        let task = Task {
            try await transport.stream(HTTPRequest(method: .post, url: server.baseURL + "/"), timeout: .seconds(30))
        }
        try await CurlTestSupport.waitForRequests(server, count: 1)

        task.cancel()
        let error = await CurlTestSupport.transportError { _ = try await task.value }

        #expect(error?.kind == .cancelled)
    }

    @Test func streamTimesOutWhenTheBodyStalls() async throws {
        let server = try LoopbackHTTPServer { _ in
            .stream(status: 200, headers: [:], chunks: [.init("a"), .init("b", after: .seconds(20))], completes: true)
        }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()

        let response = try await transport.stream(
            HTTPRequest(method: .get, url: server.baseURL + "/"), timeout: .milliseconds(300))
        let error = await CurlTestSupport.transportError { _ = try await Self.collect(response.body) }

        #expect(error?.kind == .timedOut)
    }

    @Test func idleTimeoutAbortsAStalledStream() async throws {
        let server = try LoopbackHTTPServer { _ in
            .stream(status: 200, headers: [:], chunks: [.init("a"), .init("b", after: .seconds(20))], completes: true)
        }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport { $0.idleTimeout = .seconds(1) }

        let response = try await transport.stream(
            HTTPRequest(method: .get, url: server.baseURL + "/"), timeout: .seconds(30))
        let error = await CurlTestSupport.transportError { _ = try await Self.collect(response.body) }

        #expect(error?.kind == .timedOut)
    }
}
