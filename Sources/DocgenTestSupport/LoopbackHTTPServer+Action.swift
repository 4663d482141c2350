public import DocgenBase

extension LoopbackHTTPServer {
    /// One request as the server received it.
    public struct Request: Sendable, Equatable {
        /// The method from the request line, such as `POST`.
        public var method: String
        /// The request target exactly as sent: `/v1/chat/completions?x=1`, or the absolute form
        /// `http://example.invalid/` when the client talks to the server as a proxy.
        public var target: String
        /// The header fields in the order received.
        public var headers: HTTPHeaders
        /// The body bytes after any chunked transfer coding was removed.
        public var body: [UInt8]
        /// Which accepted connection carried the request, counting from 1.
        public var connectionNumber: Int

        /// Creates a request record.
        public init(method: String, target: String, headers: HTTPHeaders, body: [UInt8], connectionNumber: Int) {
            self.method = method
            self.target = target
            self.headers = headers
            self.body = body
            self.connectionNumber = connectionNumber
        }

        /// The target without its query string.
        public var path: String {
            guard let queryStart = target.firstIndex(of: "?") else { return target }
            return String(target[..<queryStart])
        }

        /// The body decoded as UTF-8 (invalid bytes become U+FFFD).
        public var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    /// A complete response: status, header fields (`Content-Length` is added unless present) and body — the
    /// same value ``HTTPTransport`` returns to clients.
    public typealias Response = HTTPResponse

    /// One piece of a streamed (chunked) body, sent after a pause.
    public struct Chunk: Sendable, Equatable {
        /// How long the server waits before sending this chunk.
        public var delay: Duration
        /// The chunk's bytes; an empty chunk is skipped (it would end the body).
        public var bytes: [UInt8]

        /// Creates a chunk.
        public init(_ bytes: [UInt8], after delay: Duration = .zero) {
            self.delay = delay
            self.bytes = bytes
        }

        /// A chunk of UTF-8 text.
        public init(_ text: String, after delay: Duration = .zero) {
            self.init(Array(text.utf8), after: delay)
        }
    }

    /// What the server does with a request; returned by the test's handler.
    public indirect enum Action: Sendable, Equatable {
        /// Answers with a complete response (`Content-Length` framing) and keeps the connection open, unless
        /// the response has `Connection: close`.
        case respond(Response)
        /// Waits, then performs the next action. The wait ends early when the server shuts down.
        case delayed(Duration, then: Action)
        /// Answers with `Transfer-Encoding: chunked`, sending each chunk after its delay. When `completes` is
        /// false the connection is closed after the last chunk without the terminating zero-size chunk, so
        /// the client sees a body cut short.
        case stream(status: Int, headers: HTTPHeaders, chunks: [Chunk], completes: Bool)
        /// Sends the head with `Content-Length: declaredLength` and only `sentBody`, then closes.
        case cutBody(status: Int, headers: HTTPHeaders, declaredLength: Int, sentBody: [UInt8])
        /// Closes the connection without answering.
        case close
        /// Answers nothing for up to the given duration (capped by ``Limits/maximumHang``), then closes.
        /// Ends early when the client disconnects or the server shuts down.
        case hang(Duration)

        /// A complete response with a UTF-8 text body.
        ///
        /// ```swift
        /// .text(200, "hello")
        /// ```
        public static func text(_ status: Int, _ body: String, headers: HTTPHeaders = HTTPHeaders()) -> Action {
            .respond(Response(status: status, headers: headers, text: body, contentType: "text/plain; charset=utf-8"))
        }

        /// A complete response with a JSON body (the text is sent as is, so malformed JSON can be scripted).
        ///
        /// ```swift
        /// .json(429, #"{"error":{"message":"slow down"}}"#, headers: ["retry-after-ms": "20"])
        /// ```
        public static func json(_ status: Int, _ body: String, headers: HTTPHeaders = HTTPHeaders()) -> Action {
            .respond(Response(status: status, headers: headers, text: body, contentType: "application/json"))
        }

        /// A server-sent-events stream: each event becomes one chunk `data: <event>\n\n`.
        ///
        /// - Parameters:
        ///   - events: The `data:` payloads in order, for example JSON deltas and then `[DONE]`.
        ///   - delay: The pause before each event.
        ///   - completes: False to close the connection after the last event without ending the body.
        public static func serverSentEvents(
            _ events: [String],
            delay: Duration = .zero,
            completes: Bool = true
        ) -> Action {
            let headers: HTTPHeaders = ["Content-Type": "text/event-stream", "Cache-Control": "no-cache"]
            let chunks = events.map { Chunk("data: \($0)\n\n", after: delay) }
            return .stream(status: 200, headers: headers, chunks: chunks, completes: completes)
        }
    }

    /// Bounds that keep every loop of the server finite.
    public struct Limits: Sendable, Equatable {
        /// The longest any ``Action/hang(_:)`` or ``Action/delayed(_:then:)`` waits.
        public var maximumHang: Duration
        /// How long an idle keep-alive connection stays open.
        public var idleConnectionTimeout: Duration
        /// The largest request head (request line and header fields), in bytes.
        public var maximumHeadBytes: Int
        /// The largest request body, in bytes.
        public var maximumBodyBytes: Int
        /// The most requests served on one connection.
        public var maximumRequestsPerConnection: Int

        /// Creates limits; the defaults suit unit tests.
        public init(
            maximumHang: Duration = .seconds(30),
            idleConnectionTimeout: Duration = .seconds(30),
            maximumHeadBytes: Int = 64 * 1024,
            maximumBodyBytes: Int = 16 * 1024 * 1024,
            maximumRequestsPerConnection: Int = 10_000
        ) {
            self.maximumHang = maximumHang
            self.idleConnectionTimeout = idleConnectionTimeout
            self.maximumHeadBytes = maximumHeadBytes
            self.maximumBodyBytes = maximumBodyBytes
            self.maximumRequestsPerConnection = maximumRequestsPerConnection
        }
    }
}

extension HTTPResponse {
    /// A response with a UTF-8 text body and the given content type (added unless `headers` has one).
    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), text: String, contentType: String) {
        var fields = headers
        if fields["Content-Type"] == nil { fields.add(name: "Content-Type", value: contentType) }
        self.init(status: status, headers: fields, body: Array(text.utf8))
    }
}
