import DocgenBase
import Synchronization

/// Records when a ``LoopbackHTTPServer`` received each request and what it answered, so tests can check timing
/// rules such as "no request arrives before an announced `retry-after` has passed".
///
/// Wrap the server's handler with ``recording(_:)``. Each entry's ``Entry/receivedAt`` is read from a
/// `ContinuousClock` when the handler runs: after the whole request was read and before the answer is written,
/// so it trails the arrival of the request's last byte by the server's parsing time (microseconds). An
/// answer's earliest send time is `receivedAt` plus any ``LoopbackHTTPServer/Action/delayed(_:then:)`` wait
/// (see ``Entry/answerDelay``).
///
/// ```swift
/// let timeline = RequestTimeline()
/// let server = try LoopbackHTTPServer(handler: timeline.recording { _ in .json(200, "{}") })
/// defer { server.shutdown() }
/// // … send requests …
/// let first = try #require(timeline.entries.first)
/// #expect(timeline.entries.dropFirst().allSatisfy { $0.receivedAt >= first.receivedAt + .milliseconds(300) })
/// ```
public final class RequestTimeline: Sendable {
    /// One request as the handler saw it.
    public struct Entry: Sendable {
        /// When the handler ran for this request.
        public var receivedAt: ContinuousClock.Instant
        /// The request.
        public var request: LoopbackHTTPServer.Request
        /// What the handler answered.
        public var action: LoopbackHTTPServer.Action

        /// The status the answer carries, or nil for actions without one (close, hang).
        public var status: Int? {
            var action = action
            while true {
                switch action {
                case .respond(let response): return response.status
                case .delayed(_, let next): action = next
                case .stream(let status, _, _, _): return status
                case .cutBody(let status, _, _, _): return status
                case .close, .hang: return nil
                }
            }
        }

        /// The total ``LoopbackHTTPServer/Action/delayed(_:then:)`` wait before the answer was written.
        public var answerDelay: Duration {
            var total = Duration.zero
            var action = action
            while case .delayed(let wait, let next) = action {
                total += wait
                action = next
            }
            return total
        }

        /// The earliest instant at which the answer could have reached the client.
        public var earliestAnswerAt: ContinuousClock.Instant { receivedAt + answerDelay }

        /// A header of the answer, for actions with headers.
        public func answerHeader(_ name: String) -> String? {
            var action = action
            while true {
                switch action {
                case .respond(let response): return response.headers[name]
                case .delayed(_, let next): action = next
                case .stream(_, let headers, _, _), .cutBody(_, let headers, _, _): return headers[name]
                case .close, .hang: return nil
                }
            }
        }
    }

    private let clock = ContinuousClock()
    private let recorded = Mutex<[Entry]>([])

    /// Creates an empty timeline.
    public init() {}

    /// Wraps a handler so that every request it answers is recorded with its receive time.
    ///
    /// - Parameter handler: The test's handler.
    /// - Returns: A handler for ``LoopbackHTTPServer/init(limits:handler:)``.
    public func recording(_ handler: @escaping LoopbackHTTPServer.Handler) -> LoopbackHTTPServer.Handler {
        { [self] request in
            let receivedAt = clock.now
            let action = handler(request)
            recorded.withLock { $0.append(Entry(receivedAt: receivedAt, request: request, action: action)) }
            return action
        }
    }

    /// Every recorded request, in the order the handler ran.
    public var entries: [Entry] {
        recorded.withLock { $0 }.sorted { $0.receivedAt < $1.receivedAt }
    }
}
