/// An HTTP request as ``HTTPTransport`` sends it.
public struct HTTPRequest: Sendable, Equatable {
    /// The request method.
    public enum Method: String, Sendable, Equatable {
        /// `GET`.
        case get = "GET"
        /// `POST`.
        case post = "POST"
    }

    /// The method, `POST` for chat completions.
    public var method: Method
    /// The absolute URL, including any query string.
    public var url: String
    /// The header fields in the order they are sent.
    public var headers: HTTPHeaders
    /// The body bytes; empty for none.
    public var body: [UInt8]

    /// Creates a request.
    ///
    /// - Parameters:
    ///   - method: The method.
    ///   - url: The absolute URL.
    ///   - headers: The header fields.
    ///   - body: The body bytes.
    public init(method: Method, url: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// An HTTP response read completely.
public struct HTTPResponse: Sendable, Equatable {
    /// The status code, such as 200 or 429.
    public var status: Int
    /// The header fields as received.
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// An HTTP response whose body arrives in chunks.
public struct HTTPStreamingResponse: Sendable {
    /// The status code.
    public var status: Int
    /// The header fields as received.
    public var headers: HTTPHeaders
    /// The body, chunk by chunk; it finishes when the body is complete and throws when the connection breaks.
    public var body: AsyncThrowingStream<[UInt8], any Error>

    /// Creates a streaming response.
    public init(status: Int, headers: HTTPHeaders, body: AsyncThrowingStream<[UInt8], any Error>) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
