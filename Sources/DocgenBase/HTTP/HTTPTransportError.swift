/// Why a transport could not deliver a complete response.
///
/// ``RetryPolicy`` decides from ``kind`` alone whether another attempt may help; `detail` is for people.
public struct HTTPTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The broad class of failure, stable for retry decisions and metrics labels.
    public enum Kind: String, Sendable, Equatable {
        /// The connection could not be made (refused, DNS failure, TLS handshake failure).
        case connectionFailed
        /// The exchange took longer than the timeout.
        case timedOut
        /// The connection broke after it was made (reset, body cut short).
        case connectionLost
        /// The task was cancelled.
        case cancelled
        /// The request itself is malformed (bad URL, unsupported scheme).
        case invalidRequest
        /// Anything else the transport reports.
        case other
    }

    /// The class of failure.
    public var kind: Kind
    /// A human-readable explanation from the transport, never containing request headers.
    public var detail: String
    /// The URL without its query string, for messages.
    public var url: String

    /// Creates an error.
    public init(kind: Kind, detail: String, url: String) {
        self.kind = kind
        self.detail = detail
        self.url = url
    }

    /// A short label without associated values, for metrics.
    public var shortDescription: String { kind.rawValue }

    public var description: String {
        switch kind {
        case .connectionFailed: return "Could not connect to \(url): \(detail). Check the base URL and your network."
        case .timedOut: return "Request to \(url) timed out: \(detail). Raise the timeout or retry later."
        case .connectionLost: return "Connection to \(url) was lost: \(detail)."
        case .cancelled: return "Request to \(url) was cancelled."
        case .invalidRequest: return "Invalid request to \(url): \(detail)."
        case .other: return "Request to \(url) failed: \(detail)."
        }
    }
}
