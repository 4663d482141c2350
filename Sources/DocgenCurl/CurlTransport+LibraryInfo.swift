import CCurl

extension CurlTransport {
    /// What the libcurl loaded at run time supports, for `--version` output and diagnostics.
    public struct LibraryInfo: Sendable, Equatable {
        /// libcurl's version, such as `7.88.1`.
        public var curlVersion: String
        /// The TLS library and its version, such as `OpenSSL/3.0.17`; nil when libcurl has no TLS.
        public var tlsVersion: String?
        /// Whether HTTP/2 is available (negotiated through TLS ALPN).
        public var supportsHTTP2: Bool
        /// Whether DNS resolution is asynchronous, so a slow resolver cannot stall other transfers.
        public var resolvesAsynchronously: Bool
    }

    /// The loaded libcurl's version and features.
    ///
    /// ```swift
    /// print(CurlTransport.libraryInfo.tlsVersion ?? "no TLS")  // OpenSSL/3.0.17
    /// ```
    public static var libraryInfo: LibraryInfo {
        guard let info = docgen_curl_version_info() else {
            return LibraryInfo(
                curlVersion: "unknown", tlsVersion: nil, supportsHTTP2: false, resolvesAsynchronously: false)
        }
        let features = info.pointee.features
        return LibraryInfo(
            curlVersion: info.pointee.version.map { String(cString: $0) } ?? "unknown",
            tlsVersion: info.pointee.ssl_version.map { String(cString: $0) },
            supportsHTTP2: features & CURL_VERSION_HTTP2 != 0,
            resolvesAsynchronously: features & CURL_VERSION_ASYNCHDNS != 0)
    }
}
