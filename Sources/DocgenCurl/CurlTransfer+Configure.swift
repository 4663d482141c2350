import CCurl
import DocgenBase

extension CurlTransfer {
    /// Sets every per-request option on a fresh easy handle.
    static func configure(
        _ handle: CurlEasyHandle,
        for request: HTTPRequest,
        timeout: Duration,
        configuration: CurlTransport.Configuration
    ) throws {
        // Signals and threads do not mix: without this, libcurl may use SIGALRM for DNS timeouts.
        try handle.set(CURLOPT_NOSIGNAL, 1)
        try handle.set(CURLOPT_URL, request.url)
        try handle.set(CURLOPT_PROTOCOLS_STR, "http,https")
        try handle.set(CURLOPT_FOLLOWLOCATION, 0)
        switch request.method {
        case .get:
            try handle.set(CURLOPT_HTTPGET, 1)
        case .post:
            try handle.set(CURLOPT_POST, 1)
            try handle.setBody(request.body)
        }
        try handle.setHeaderLines(try headerLines(for: request, configuration: configuration))

        try handle.set(CURLOPT_TIMEOUT_MS, timeout.curlMilliseconds)
        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.curlMilliseconds)
        if let idleTimeout = configuration.idleTimeout {
            try handle.set(CURLOPT_LOW_SPEED_LIMIT, 1)
            try handle.set(CURLOPT_LOW_SPEED_TIME, idleTimeout.curlSeconds)
        }
        switch configuration.proxy {
        case .environment:
            break  // libcurl reads http_proxy, HTTPS_PROXY, ALL_PROXY and NO_PROXY itself.
        case .none:
            try handle.set(CURLOPT_PROXY, "")
        case .url(let proxy):
            try handle.set(CURLOPT_PROXY, proxy)
        }
        // Headers of a proxy's CONNECT answer are not the server's: keep them out of the response.
        try handle.set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)
        if configuration.acceptsCompressedResponses {
            try handle.set(CURLOPT_ACCEPT_ENCODING, "")
        }
        if let file = configuration.certificateAuthorityFile {
            try handle.set(CURLOPT_CAINFO, file)
        }
        if configuration.usesTCPKeepAlive {
            try handle.set(CURLOPT_TCP_KEEPALIVE, 1)
        }
    }

    /// The header lines for libcurl, after rejecting fields that would break the request framing.
    ///
    /// Messages name the field, never its value.
    static func headerLines(
        for request: HTTPRequest,
        configuration: CurlTransport.Configuration
    ) throws -> [String] {
        var lines: [String] = []
        for field in request.headers {
            let badName =
                field.name.isEmpty
                || field.name.utf8.contains { $0 <= 32 || $0 == UInt8(ascii: ":") || $0 >= 127 }
            let badValue = field.value.utf8.contains { $0 == 0 || $0 == 10 || $0 == 13 }
            guard !badName, !badValue else {
                let what = badName ? "a header field name" : "the value of header field '\(field.name)'"
                throw HTTPTransportError(
                    kind: .invalidRequest, detail: "\(what) contains characters HTTP does not allow",
                    url: displayURL(request.url))
            }
            // "Name;" is libcurl's way to send a field with an empty value.
            lines.append(field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)")
        }
        if request.headers["Expect"] == nil {
            // No "Expect: 100-continue" round trip before larger bodies.
            lines.append("Expect:")
        }
        if request.headers["User-Agent"] == nil, let userAgent = configuration.userAgent {
            lines.append("User-Agent: \(userAgent)")
        }
        return lines
    }

    /// Points the write, header and progress callbacks at this transfer.
    ///
    /// The user-data pointer is unretained: ``CurlMulti`` holds the transfer for as long as the handle is in
    /// the multi handle, which is the only time libcurl calls back.
    func installCallbacks(on handle: CurlEasyHandle) throws {
        let userData = Unmanaged.passUnretained(self).toOpaque()
        try handle.set(CURLOPT_WRITEDATA, pointer: userData)
        try handle.set(CURLOPT_WRITEFUNCTION) { data, size, count, userData in
            guard let userData else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(userData).takeUnretainedValue()
            return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
        }
        try handle.set(CURLOPT_HEADERDATA, pointer: userData)
        try handle.set(CURLOPT_HEADERFUNCTION) { data, size, count, userData in
            guard let userData else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(userData).takeUnretainedValue()
            transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        }
        try handle.set(CURLOPT_XFERINFODATA, pointer: userData)
        try handle.setProgressCallback { userData, _, _, _, _ in
            guard let userData else { return 1 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(userData).takeUnretainedValue()
            return transfer.shouldAbort ? 1 : 0
        }
        try handle.set(CURLOPT_NOPROGRESS, 0)
    }
}
