import CCurl
import DocgenBase
import Foundation
import Synchronization

/// One request in flight: its easy handle, what has been received so far and who is waiting for it.
///
/// Life cycle: the calling task creates and configures it, sets the continuation, then ``CurlMulti`` takes
/// it over; from then on only the multi thread touches the mutable state (callbacks, ``complete(_:)``,
/// ``finish(with:detail:)``), except the atomic cancellation flag.
final class CurlTransfer: @unchecked Sendable {
    // @unchecked Sendable: mutable state is confined as described above; the hand-over from the calling task
    // to the multi thread goes through CurlMulti's Mutex-protected queue, which orders the accesses.

    enum Delivery {
        case whole(CheckedContinuation<HTTPResponse, any Error>)
        case streaming(head: CheckedContinuation<HTTPStreamingResponse, any Error>?, body: CurlBodyBuffer)
        case pending
        case done
    }

    /// Keeps the transport (and so its multi thread) alive while the transfer is in flight.
    let owner: CurlTransport
    /// The URL without query or fragment, for messages.
    let displayURL: String
    private(set) var handle: CurlEasyHandle?
    var delivery = Delivery.pending
    private let cancelled = Atomic(false)
    private let secrets: [String]
    private let maximumBodyBytes: Int
    private var status: Int?
    private var headers = HTTPHeaders()
    private var isHeadComplete = false
    private var body: [UInt8] = []
    private var isBodyTooLarge = false
    private var drainDeadline: ContinuousClock.Instant?
    private var drainedBytes = 0

    /// The most bytes of an abandoned stream read (and discarded) to keep its connection reusable.
    static let maximumDrainBytes = 64 * 1024
    /// The longest an abandoned stream may take to finish before it is aborted.
    static let maximumDrainTime = Duration.seconds(2)

    /// Creates and configures a transfer for `request`.
    ///
    /// - Throws: ``HTTPTransportError`` `.invalidRequest` for header fields that would corrupt the request,
    ///   `.other` when libcurl cannot allocate or configure the handle.
    init(request: HTTPRequest, timeout: Duration, owner: CurlTransport) throws {
        self.owner = owner
        self.displayURL = Self.displayURL(request.url)
        self.maximumBodyBytes = owner.configuration.maximumResponseBodyBytes
        self.secrets = request.headers.fields.map(\.value).filter { $0.count >= 6 }
        let handle: CurlEasyHandle
        do {
            handle = try CurlEasyHandle()
            try Self.configure(handle, for: request, timeout: timeout, configuration: owner.configuration)
        } catch let error as HTTPTransportError {
            throw error
        } catch {
            throw HTTPTransportError(kind: .other, detail: "\(error)", url: displayURL)
        }
        self.handle = handle
        do {
            try installCallbacks(on: handle)
        } catch {
            throw HTTPTransportError(kind: .other, detail: "\(error)", url: displayURL)
        }
    }

    /// The raw easy handle while the transfer is unfinished.
    var easyHandle: UnsafeMutableRawPointer? { handle?.raw }

    /// True once cancellation was requested.
    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    /// Requests cancellation; the progress callback aborts the transfer at its next call.
    func markCancelled() { cancelled.store(true, ordering: .releasing) }

    // MARK: - Callbacks (multi thread)

    /// Receives body bytes.
    ///
    /// - Returns: The number of bytes taken, 0 to abort, or `CURL_WRITEFUNC_PAUSE`.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        if isCancelled { return 0 }
        switch delivery {
        case .whole:
            guard body.count + bytes.count <= maximumBodyBytes else {
                isBodyTooLarge = true
                return 0
            }
            body.append(contentsOf: bytes)
            return bytes.count
        case .streaming(_, let buffer):
            deliverHead()
            switch buffer.offer(Array(bytes)) {
            case .accepted: return bytes.count
            case .pause: return docgen_curl_writefunc_pause()
            case .consumerGone:
                // Drain a short remainder (such as the end of the chunked body after `[DONE]`) so the
                // connection goes back to the cache instead of being closed.
                drainedBytes += bytes.count
                return drainedBytes <= Self.maximumDrainBytes ? bytes.count : 0
            }
        case .pending, .done:
            return 0
        }
    }

    /// Whether the progress callback should abort: cancellation was requested, or an abandoned stream did not
    /// finish draining in time.
    var shouldAbort: Bool {
        if isCancelled { return true }
        guard let drainDeadline else { return false }
        return ContinuousClock.now >= drainDeadline
    }

    /// Starts discarding the rest of a stream whose reader has gone; called by ``CurlMulti``.
    func startDraining() {
        if drainDeadline == nil { drainDeadline = ContinuousClock.now.advanced(by: Self.maximumDrainTime) }
    }

    /// Receives one header line, status lines included.
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            // A new response head (after 1xx): start over.
            let parts = line.split(separator: " ", maxSplits: 2)
            status = parts.count > 1 ? Int(parts[1]) : nil
            headers = HTTPHeaders()
            isHeadComplete = false
        } else if line.isEmpty {
            if let status, status >= 200, !isHeadComplete {
                isHeadComplete = true
                deliverHead()
            }
        } else if !isHeadComplete, let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.add(name: name, value: value)
        }
    }

    /// Hands status and headers to a waiting `stream` call, once.
    private func deliverHead() {
        guard case .streaming(let head?, let buffer) = delivery else { return }
        delivery = .streaming(head: nil, body: buffer)
        let token = CurlStreamToken(transfer: self, buffer: buffer)
        let stream = AsyncThrowingStream<[UInt8], any Error>(unfolding: { try await token.next() })
        head.resume(returning: HTTPStreamingResponse(status: currentStatus, headers: headers, body: stream))
    }

    private var currentStatus: Int { status ?? handle?.info(CURLINFO_RESPONSE_CODE) ?? 0 }

    // MARK: - Completion (multi thread)

    /// Finishes after libcurl reported the transfer done, successfully or not.
    func complete(_ code: CURLcode) {
        guard code == CURLE_OK else {
            let (kind, detail) = failure(for: code)
            finish(with: kind, detail: detail)
            return
        }
        switch delivery {
        case .whole(let continuation):
            continuation.resume(returning: HTTPResponse(status: currentStatus, headers: headers, body: body))
        case .streaming(_, let buffer):
            deliverHead()
            buffer.finish(throwing: nil)
        case .pending, .done:
            break
        }
        delivery = .done
        handle = nil
    }

    /// Fails the transfer, once; later calls do nothing.
    func finish(with kind: HTTPTransportError.Kind, detail: String = "") {
        let error = HTTPTransportError(kind: kind, detail: redacted(detail), url: displayURL)
        switch delivery {
        case .whole(let continuation):
            continuation.resume(throwing: error)
        case .streaming(let head, let buffer):
            head?.resume(throwing: error)
            buffer.finish(throwing: error)
        case .pending, .done:
            break
        }
        delivery = .done
        handle = nil
    }

    private func failure(for code: CURLcode) -> (HTTPTransportError.Kind, String) {
        if isCancelled && (code == CURLE_ABORTED_BY_CALLBACK || code == CURLE_WRITE_ERROR) {
            return (.cancelled, "")
        }
        if isBodyTooLarge {
            return (
                .other,
                "the response body exceeded \(maximumBodyBytes) bytes "
                    + "(CurlTransport.Configuration.maximumResponseBodyBytes)"
            )
        }
        let message = handle?.errorMessage ?? ""
        let detail = message.isEmpty ? String(cString: curl_easy_strerror(code)) : message
        if let proxyStatus = handle?.info(CURLINFO_HTTP_CONNECTCODE), proxyStatus >= 300 {
            // The proxy refused the tunnel: no connection to the server was ever made.
            return (.connectionFailed, detail)
        }
        return (CurlTransport.errorKind(for: code), detail)
    }

    /// Removes every request header value from a message, so API keys never reach logs or users.
    private func redacted(_ text: String) -> String {
        Self.redact(text, secrets: secrets)
    }

    /// Replaces each secret (longest first, so a value containing another is removed whole) with `<redacted>`.
    static func redact(_ text: String, secrets: [String]) -> String {
        secrets.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
            .reduce(text) { $0.replacingOccurrences(of: $1, with: "<redacted>") }
    }

    /// The URL without query, fragment or user information (`user:password@`), which may carry secrets.
    static func displayURL(_ url: String) -> String {
        let end = url.firstIndex { $0 == "?" || $0 == "#" } ?? url.endIndex
        var shown = String(url[..<end])
        if let schemeEnd = shown.range(of: "://") {
            let authorityEnd = shown[schemeEnd.upperBound...].firstIndex(of: "/") ?? shown.endIndex
            if let at = shown[schemeEnd.upperBound..<authorityEnd].lastIndex(of: "@") {
                shown.removeSubrange(schemeEnd.upperBound...at)
            }
        }
        return shown
    }
}
