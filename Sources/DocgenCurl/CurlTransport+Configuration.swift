extension CurlTransport {
    /// How ``CurlTransport`` connects: timeouts, proxy, connection cache and limits.
    ///
    /// The total timeout is not here: each call passes its own `timeout:`.
    ///
    /// ```swift
    /// var configuration = CurlTransport.Configuration()
    /// configuration.connectTimeout = .seconds(5)
    /// configuration.proxy = .url("http://proxy.internal:3128")
    /// let transport = try CurlTransport(configuration: configuration)
    /// ```
    public struct Configuration: Sendable, Equatable {
        /// Where requests go through a proxy.
        public enum Proxy: Sendable, Equatable {
            /// libcurl's default: `http_proxy`, `HTTPS_PROXY`, `ALL_PROXY` and `NO_PROXY` from the process
            /// environment (libcurl reads them; docgen does not).
            case environment
            /// Never use a proxy, whatever the environment says.
            case none
            /// Always use this proxy, for example `http://127.0.0.1:3128`.
            case url(String)
        }

        /// The longest wait for a TCP (and TLS) connection to be established. Default 10 seconds.
        public var connectTimeout: Duration
        /// A transfer that receives less than 1 byte per second for this long is aborted as timed out;
        /// nil disables the check. Rounded up to whole seconds. Default 60 seconds.
        public var idleTimeout: Duration?
        /// The proxy policy. Default ``Proxy/environment``.
        public var proxy: Proxy
        /// The most idle connections kept open for reuse. Default 16.
        public var maximumCachedConnections: Int
        /// The largest body ``CurlTransport/send(_:timeout:)`` accepts, in bytes; larger answers fail.
        /// Default 64 MiB. Streams are not limited (the consumer reads them).
        public var maximumResponseBodyBytes: Int
        /// How many received chunks a stream buffers before libcurl is paused until the consumer catches up.
        /// Default 64 (a chunk is at most 16 KiB).
        public var streamBufferChunks: Int
        /// Sends `Accept-Encoding` for every encoding libcurl can decode and decodes the body. Default true.
        public var acceptsCompressedResponses: Bool
        /// Enables TCP keep-alive probes on idle connections. Default true.
        public var usesTCPKeepAlive: Bool
        /// The `User-Agent` header when a request has none; nil sends none. Default `docgen`.
        public var userAgent: String?
        /// A PEM file of certificate authorities to trust instead of the system's (for TLS-intercepting
        /// corporate proxies); nil uses the system store. Default nil.
        public var certificateAuthorityFile: String?

        /// Creates a configuration; every parameter has the documented default.
        public init(
            connectTimeout: Duration = .seconds(10),
            idleTimeout: Duration? = .seconds(60),
            proxy: Proxy = .environment,
            maximumCachedConnections: Int = 16,
            maximumResponseBodyBytes: Int = 64 * 1024 * 1024,
            streamBufferChunks: Int = 64,
            acceptsCompressedResponses: Bool = true,
            usesTCPKeepAlive: Bool = true,
            userAgent: String? = "docgen",
            certificateAuthorityFile: String? = nil
        ) {
            self.connectTimeout = connectTimeout
            self.idleTimeout = idleTimeout
            self.proxy = proxy
            self.maximumCachedConnections = maximumCachedConnections
            self.maximumResponseBodyBytes = maximumResponseBodyBytes
            self.streamBufferChunks = streamBufferChunks
            self.acceptsCompressedResponses = acceptsCompressedResponses
            self.usesTCPKeepAlive = usesTCPKeepAlive
            self.userAgent = userAgent
            self.certificateAuthorityFile = certificateAuthorityFile
        }
    }
}

extension Duration {
    /// Whole milliseconds, at least 1 (libcurl reads 0 as "no timeout").
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        let milliseconds = seconds.multipliedReportingOverflow(by: 1000)
        guard !milliseconds.overflow else { return Int.max }
        let total = milliseconds.partialValue + attoseconds / 1_000_000_000_000_000
        return Int(clamping: max(total, 1))
    }

    /// Whole seconds rounded up, at least 1.
    var curlSeconds: Int {
        let (seconds, attoseconds) = components
        return Int(clamping: max(seconds + (attoseconds > 0 ? 1 : 0), 1))
    }
}
