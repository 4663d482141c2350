import DocgenBase
import Synchronization

/// The bounded queue between libcurl's write callback (producer, on the ``CurlMulti`` thread) and the task
/// that reads a streamed body (consumer).
///
/// When `capacity` chunks are waiting, ``offer(_:)`` answers ``Offer/pause`` and the write callback pauses the
/// transfer; once the consumer has drained the queue to half, ``next()`` tells its caller to resume it.
/// Memory therefore stays below `capacity` chunks of at most 16 KiB each, however slow the consumer.
final class CurlBodyBuffer: Sendable {
    /// What the producer should do with the chunk it offered.
    enum Offer {
        /// The chunk was taken.
        case accepted
        /// The queue is full: pause the transfer and offer the same bytes again later.
        case pause
        /// Nobody will read the body any more: abort the transfer.
        case consumerGone
    }

    private enum End {
        case open
        case finished
        case failed(HTTPTransportError)
    }

    private struct State {
        var chunks: [[UInt8]] = []
        var firstChunk = 0
        var waiter: CheckedContinuation<[UInt8]?, any Error>?
        var end = End.open
        var isProducerPaused = false
        var isConsumerGone = false
        var pendingCount: Int { chunks.count - firstChunk }
    }

    private let capacity: Int
    private let state = Mutex(State())
    private let url: String

    /// Creates a buffer.
    ///
    /// - Parameters:
    ///   - capacity: Chunks held before the producer is paused (at least 2).
    ///   - url: The request URL for error messages.
    init(capacity: Int, url: String) {
        self.capacity = max(capacity, 2)
        self.url = url
    }

    /// Offers one chunk (producer side).
    func offer(_ chunk: [UInt8]) -> Offer {
        let (result, waiter) = state.withLock { state -> (Offer, CheckedContinuation<[UInt8]?, any Error>?) in
            if state.isConsumerGone { return (.consumerGone, nil) }
            if let waiter = state.waiter {
                state.waiter = nil
                return (.accepted, waiter)
            }
            if state.pendingCount >= capacity {
                state.isProducerPaused = true
                return (.pause, nil)
            }
            state.chunks.append(chunk)
            return (.accepted, nil)
        }
        waiter?.resume(returning: chunk)
        return result
    }

    /// Ends the body (producer side): nil for a complete body, or the error that cut it short.
    func finish(throwing error: HTTPTransportError?) {
        let waiter = state.withLock { state -> CheckedContinuation<[UInt8]?, any Error>? in
            guard case .open = state.end else { return nil }
            state.end = error.map { .failed($0) } ?? .finished
            defer { state.waiter = nil }
            return state.waiter
        }
        if let error { waiter?.resume(throwing: error) } else { waiter?.resume(returning: nil) }
    }

    /// The next chunk (consumer side), nil at the end of a complete body.
    ///
    /// - Returns: The chunk, and whether the caller must resume the paused transfer now.
    /// - Throws: ``HTTPTransportError`` when the body was cut short, or `.cancelled` when the reading task
    ///   is cancelled.
    func next() async throws -> (chunk: [UInt8]?, resumesProducer: Bool) {
        var resumesProducer = false
        let chunk = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let (outcome, shouldResume) = state.withLock { state -> (Result<[UInt8]?, any Error>?, Bool) in
                    if state.pendingCount > 0 {
                        let chunk = state.chunks[state.firstChunk]
                        state.firstChunk += 1
                        if state.firstChunk > 64 {
                            state.chunks.removeFirst(state.firstChunk)
                            state.firstChunk = 0
                        }
                        let shouldResume = state.isProducerPaused && state.pendingCount <= capacity / 2
                        if shouldResume { state.isProducerPaused = false }
                        return (.success(chunk), shouldResume)
                    }
                    if state.isConsumerGone { return (.failure(cancellationError), false) }
                    switch state.end {
                    case .finished: return (.success(nil), false)
                    case .failed(let error): return (.failure(error), false)
                    case .open:
                        state.waiter = continuation
                        return (nil, false)
                    }
                }
                resumesProducer = shouldResume
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            abandon()
        }
        return (chunk, resumesProducer)
    }

    /// Marks the consumer as gone (cancelled or released): a waiting ``next()`` throws `.cancelled` and the
    /// producer is told to abort.
    func abandon() {
        let waiter = state.withLock { state -> CheckedContinuation<[UInt8]?, any Error>? in
            state.isConsumerGone = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(throwing: cancellationError)
    }

    private var cancellationError: HTTPTransportError {
        HTTPTransportError(kind: .cancelled, detail: "the stream's reader was cancelled", url: url)
    }
}
