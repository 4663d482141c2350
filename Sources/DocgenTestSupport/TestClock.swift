import Synchronization

/// A clock for tests: time moves only when a test says so, so retry and rate-limit tests never sleep for real.
///
/// Two modes:
/// - manual (default): `sleep` suspends until ``advance(by:)`` moves `now` past the deadline;
/// - auto-advancing: `sleep` moves `now` to the deadline at once and returns, recording the sleep. Use it when
///   a test only cares about *which* waits happened, not about interleavings.
///
/// ```swift
/// let clock = TestClock(autoAdvance: true)
/// try await clock.sleep(for: .seconds(2))
/// #expect(clock.recordedSleeps == [.seconds(2)])
/// ```
public final class TestClock: Clock, Sendable {
    /// A point in the test clock's time, measured from its start.
    public struct Instant: InstantProtocol, Comparable, Hashable, Sendable {
        /// Time since the clock started.
        public var offset: Duration

        /// Creates an instant at an offset from the clock's start.
        public init(offset: Duration) { self.offset = offset }

        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private struct Sleeper {
        let id: Int
        let deadline: Instant
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now = Instant(offset: .zero)
        var sleepers: [Sleeper] = []
        /// Sleepers cancelled before they were registered (the handler ran first).
        var cancelledIDs: Set<Int> = []
        var nextID = 0
        var recordedSleeps: [Duration] = []
    }

    private let state = Mutex(State())
    private let autoAdvance: Bool

    /// Creates a clock at offset zero.
    ///
    /// - Parameter autoAdvance: When true, every `sleep` jumps the clock to its deadline and returns at once.
    public init(autoAdvance: Bool = false) {
        self.autoAdvance = autoAdvance
    }

    public var now: Instant { state.withLock { $0.now } }
    public var minimumResolution: Duration { .nanoseconds(1) }

    /// The durations of every sleep requested so far, in order (measured from `now` at the call).
    public var recordedSleeps: [Duration] { state.withLock { $0.recordedSleeps } }

    /// How many tasks are suspended in `sleep` right now (manual mode).
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    public func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        if autoAdvance {
            state.withLock { state in
                state.recordedSleeps.append(state.now.duration(to: deadline))
                if deadline > state.now { state.now = deadline }
            }
            return
        }
        let id = state.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome = state.withLock { state -> Result<Bool, CancellationError> in
                    state.recordedSleeps.append(state.now.duration(to: deadline))
                    if state.cancelledIDs.remove(id) != nil { return .failure(CancellationError()) }
                    if deadline <= state.now { return .success(true) }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return .success(false)
                }
                switch outcome {
                case .success(true): continuation.resume()
                case .success(false): break
                case .failure(let error): continuation.resume(throwing: error)
                }
            }
        } onCancel: {
            // The handler may run before the continuation is registered; then the sleep must fail on arrival.
            let cancelled = state.withLock { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else {
                    state.cancelledIDs.insert(id)
                    return nil
                }
                return state.sleepers.remove(at: index)
            }
            cancelled?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward and resumes every sleeper whose deadline has passed.
    ///
    /// - Parameter duration: How far to move; must not be negative.
    public func advance(by duration: Duration) {
        precondition(duration >= .zero, "TestClock cannot move backwards")
        let due = state.withLock { state -> [Sleeper] in
            state.now = state.now.advanced(by: duration)
            let now = state.now
            let due = state.sleepers.filter { $0.deadline <= now }
            state.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Waits (yielding, never sleeping) until at least `count` tasks are suspended in `sleep`.
    ///
    /// - Parameter count: The number of sleepers to wait for.
    /// - Parameter maxYields: A bound so a broken test fails instead of hanging.
    /// - Returns: Whether the sleepers arrived within the bound.
    @discardableResult
    public func waitForSleepers(_ count: Int, maxYields: Int = 100_000) async -> Bool {
        for _ in 0..<maxYields {
            if sleeperCount >= count { return true }
            await Task.yield()
        }
        return sleeperCount >= count
    }
}
