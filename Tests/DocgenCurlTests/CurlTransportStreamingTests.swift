import DocgenBase
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

        // The assertion is about every byte arriving in order, not about speed: the bound only stops a hang
        // (on a loaded CI machine 200 KB through a two-chunk buffer has taken more than 10 s).
        let response = try await transport.stream(
            HTTPRequest(method: .get, url: server.baseURL + "/"), timeout: .seconds(60))
        var bytes: [UInt8] = []
        for try await chunk in response.body {
            bytes += chunk
            await Task.yield()
        }

        #expect(bytes == chunks.flatMap(\.bytes))
    }

    @Test func cancellingTheReaderAbortsTheStream() async throws {
        let server = try LoopbackHTTPServer { _ in
            // The second chunk is far away, so that even on a loaded machine the cancel comes first.
            .stream(status: 200, headers: [:], chunks: [.init("a"), .init("b", after: .seconds(120))], completes: true)
        }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()
        let response = try await transport.stream(
            HTTPRequest(method: .get, url: server.baseURL + "/"), timeout: .seconds(180))

        let (firstChunk, arrived) = AsyncStream<Void>.makeStream()
        let reader = Task {
            var chunks: [[UInt8]] = []
            for try await chunk in response.body {
                chunks.append(chunk)
                arrived.yield()
            }
            return chunks
        }
        // Cancel once the reader is mid-stream (it has the first chunk; the second is 120 s away).
        for await _ in firstChunk { break }
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

    /// Waits (bounded) until the transport has no transfer in flight.
    private static func waitUntilIdle(_ transport: CurlTransport) async throws {
        for _ in 0..<1_000 where transport.multi.activeTransferCount > 0 {
            try await Task.sleep(for: .milliseconds(5))
        }
        try #require(transport.multi.activeTransferCount == 0)
    }

    /// Reads SSE chunks until `data: [DONE]` and then drops the stream, as the AI service does.
    private static func readUntilDone(_ body: AsyncThrowingStream<[UInt8], any Error>) async throws -> String {
        var text = ""
        for try await chunk in body {
            text += String(decoding: chunk, as: UTF8.self)
            if text.contains("data: [DONE]") { break }
        }
        return text
    }

    @Test func streamDroppedAfterDoneDrainsAndKeepsTheConnection() async throws {
        let server = try LoopbackHTTPServer { request in
            request.path == "/stream"
                ? .stream(
                    status: 200, headers: ["Content-Type": "text/event-stream"],
                    chunks: [
                        .init("data: a\n\n"), .init("data: [DONE]\n\n"), .init(": end\n\n", after: .milliseconds(30)),
                    ],
                    completes: true)
                : .text(200, "next")
        }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport()

        let text = try await Self.readUntilDone(
            transport.stream(HTTPRequest(method: .post, url: server.baseURL + "/stream"), timeout: .seconds(5)).body)
        try await Self.waitUntilIdle(transport)
        let next = try await transport.send(
            HTTPRequest(method: .get, url: server.baseURL + "/next"), timeout: .seconds(5))

        #expect(text == "data: a\n\ndata: [DONE]\n\n")
        #expect(next.status == 200)
        #expect(server.acceptedConnectionCount == 1)
        #expect(server.receivedRequests.map(\.connectionNumber) == [1, 1])
    }

    @Test func streamDroppedWithALongRemainderIsAborted() async throws {
        let filler = (0..<40).map { _ in
            LoopbackHTTPServer.Chunk(String(repeating: "x", count: 8_192), after: .milliseconds(1))
        }
        let server = try LoopbackHTTPServer { _ in
            .stream(status: 200, headers: [:], chunks: [.init("data: [DONE]\n\n")] + filler, completes: true)
        }
        defer { server.shutdown() }
        let transport = try CurlTestSupport.makeTransport { $0.streamBufferChunks = 2 }

        _ = try await Self.readUntilDone(
            transport.stream(HTTPRequest(method: .get, url: server.baseURL + "/"), timeout: .seconds(30)).body)
        try await Self.waitUntilIdle(transport)
        _ = try await transport.send(HTTPRequest(method: .get, url: server.baseURL + "/"), timeout: .seconds(5))

        #expect(server.acceptedConnectionCount == 2)
    }
}
