import DocgenBase
import Foundation

/// Serves one accepted connection of a ``LoopbackHTTPServer``: reads requests (keep-alive), records them,
/// asks the handler and performs its action. Runs on its own thread; every wait is bounded.
struct LoopbackConnection {
    let core: LoopbackHTTPServer.Core
    let descriptor: Int32
    let number: Int
    private var buffer: [UInt8] = []

    init(core: LoopbackHTTPServer.Core, descriptor: Int32, number: Int) {
        self.core = core
        self.descriptor = descriptor
        self.number = number
    }

    /// Serves requests until the client or the action closes the connection, or the server stops.
    mutating func run() {
        for _ in 0..<core.limits.maximumRequestsPerConnection {
            guard let request = readRequest() else { return }
            core.record(request)
            let action = core.handler(request)
            let keepsConnection = perform(action)
            let clientCloses = request.headers["Connection"]?.lowercased() == "close"
            if !keepsConnection || clientCloses || core.isStopping { return }
        }
    }

    // MARK: - Reading

    /// Reads more bytes into the buffer, waiting at most the idle timeout.
    ///
    /// - Returns: False when the client closed the connection, the wait timed out or the server stops.
    private mutating func fill() -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: core.limits.idleConnectionTimeout)
        while clock.now < deadline {
            if core.isStopping { return false }
            guard LoopbackSocket.waitReadable(descriptor, milliseconds: 20) == .readable else { continue }
            let bytes = LoopbackSocket.receive(descriptor)
            guard !bytes.isEmpty else { return false }
            buffer.append(contentsOf: bytes)
            return true
        }
        return false
    }

    /// Reads until the buffer holds `marker`; returns the bytes before it and drops them and the marker.
    private mutating func readUntil(_ marker: [UInt8], limit: Int) -> [UInt8]? {
        while true {
            if let range = Self.firstRange(of: marker, in: buffer) {
                let prefix = Array(buffer[..<range.lowerBound])
                buffer.removeSubrange(..<range.upperBound)
                return prefix
            }
            if buffer.count > limit || !fill() { return nil }
        }
    }

    /// Reads exactly `count` bytes.
    private mutating func readExactly(_ count: Int) -> [UInt8]? {
        while buffer.count < count {
            if !fill() { return nil }
        }
        let bytes = Array(buffer[..<count])
        buffer.removeSubrange(..<count)
        return bytes
    }

    private mutating func readRequest() -> LoopbackHTTPServer.Request? {
        let crlf: [UInt8] = [13, 10]
        while buffer.isEmpty {
            if !fill() { return nil }
        }
        guard let first = buffer.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else {
            // Not HTTP (a TLS ClientHello, for example): answer in plain text and close.
            LoopbackSocket.sendAll(descriptor, Self.head(status: 400, headers: ["Connection": "close"]))
            return nil
        }
        guard let head = readUntil(crlf + crlf, limit: core.limits.maximumHeadBytes) else { return nil }
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = (lines.first ?? "").split(separator: " ", omittingEmptySubsequences: true)
        guard requestLine.count == 3 else {
            LoopbackSocket.sendAll(descriptor, Self.head(status: 400, headers: ["Content-Length": "0"]))
            return nil
        }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            headers.add(name: name, value: value)
        }
        if headers["Expect"]?.lowercased() == "100-continue" {
            LoopbackSocket.sendAll(descriptor, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        let body: [UInt8]?
        if headers["Transfer-Encoding"]?.lowercased().contains("chunked") == true {
            body = readChunkedBody()
        } else if let length = headers["Content-Length"].flatMap({ Int($0) }) {
            guard length >= 0, length <= core.limits.maximumBodyBytes else {
                LoopbackSocket.sendAll(descriptor, Self.head(status: 413, headers: ["Connection": "close"]))
                return nil
            }
            body = readExactly(length)
        } else {
            body = []
        }
        guard let body else { return nil }
        return LoopbackHTTPServer.Request(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body,
            connectionNumber: number)
    }

    private mutating func readChunkedBody() -> [UInt8]? {
        let crlf: [UInt8] = [13, 10]
        var body: [UInt8] = []
        while true {
            guard let sizeLine = readUntil(crlf, limit: 1024) else { return nil }
            let sizeText = String(decoding: sizeLine, as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0,
                body.count + size <= core.limits.maximumBodyBytes
            else { return nil }
            if size == 0 {
                // Trailer fields, then an empty line.
                while let trailer = readUntil(crlf, limit: core.limits.maximumHeadBytes) {
                    if trailer.isEmpty { return body }
                }
                return nil
            }
            guard let chunk = readExactly(size + 2) else { return nil }
            body.append(contentsOf: chunk.prefix(size))
        }
    }

    static func firstRange(of marker: [UInt8], in bytes: [UInt8]) -> Range<Int>? {
        guard bytes.count >= marker.count else { return nil }
        for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0] {
            if bytes[start..<(start + marker.count)].elementsEqual(marker) {
                return start..<(start + marker.count)
            }
        }
        return nil
    }

    // MARK: - Writing

    /// Performs an action.
    ///
    /// - Returns: True when the connection stays open for another request.
    private mutating func perform(_ action: LoopbackHTTPServer.Action) -> Bool {
        switch action {
        case .respond(let response):
            var headers = response.headers
            if headers["Content-Length"] == nil {
                headers.add(name: "Content-Length", value: String(response.body.count))
            }
            let sent = LoopbackSocket.sendAll(
                descriptor, Self.head(status: response.status, headers: headers) + response.body)
            return sent && headers["Connection"]?.lowercased() != "close"
        case .delayed(let duration, let next):
            guard core.pause(for: duration) else { return false }
            return perform(next)
        case .stream(let status, var headers, let chunks, let completes):
            headers.replaceOrAdd(name: "Transfer-Encoding", value: "chunked")
            guard LoopbackSocket.sendAll(descriptor, Self.head(status: status, headers: headers)) else { return false }
            for chunk in chunks where !chunk.bytes.isEmpty {
                guard core.pause(for: chunk.delay) else { return false }
                let framed = Array(String(chunk.bytes.count, radix: 16).utf8) + [13, 10] + chunk.bytes + [13, 10]
                guard LoopbackSocket.sendAll(descriptor, framed) else { return false }
            }
            return completes && LoopbackSocket.sendAll(descriptor, Array("0\r\n\r\n".utf8))
        case .cutBody(let status, var headers, let declaredLength, let sentBody):
            headers.replaceOrAdd(name: "Content-Length", value: String(declaredLength))
            LoopbackSocket.sendAll(descriptor, Self.head(status: status, headers: headers) + sentBody)
            return false
        case .close:
            return false
        case .hang(let duration):
            hang(for: duration)
            return false
        }
    }

    /// Waits without answering until the duration passes, the client disconnects or the server stops.
    private func hang(for duration: Duration) {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: min(duration, core.limits.maximumHang))
        while clock.now < deadline && !core.isStopping {
            guard LoopbackSocket.waitReadable(descriptor, milliseconds: 20) == .readable else { continue }
            if LoopbackSocket.receive(descriptor).isEmpty { return }
        }
    }

    static func head(status: Int, headers: HTTPHeaders) -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(reasonPhrase(for: status))\r\n"
        for field in headers { text += "\(field.name): \(field.value)\r\n" }
        text += "\r\n"
        return Array(text.utf8)
    }

    static func reasonPhrase(for status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 408: return "Request Timeout"
        case 413: return "Content Too Large"
        case 422: return "Unprocessable Content"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}
