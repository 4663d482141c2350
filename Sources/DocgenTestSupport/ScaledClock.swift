/// A clock that runs faster than real time by a fixed factor, so a rate-limit "minute" can pass in seconds.
///
/// Benchmarks give the same `ScaledClock` to the client (``RateLimiter`` and ``AIService`` waits) and to the
/// server (``RateLimitedServer``), so every limit, wait and header is in scaled time and both sides agree.
/// With `factor` 6, one scaled minute takes 10 real seconds. Real latencies (HTTP, the server's answer delay)
/// look `factor` times longer in scaled time, which only makes rate limits harder to use fully.
///
/// ```swift
/// let clock = ScaledClock(factor: 6)   // 1 scaled minute = 10 s
/// let limiter = RateLimiter(limits: .init(tokensPerMinute: 60_000), clock: clock)
/// ```
public struct ScaledClock: Clock, Sendable {
    /// A point in scaled time, measured from the clock's creation.
    public struct Instant: InstantProtocol, Sendable {
        /// Scaled time since the clock was created.
        public var offset: Duration

        /// Creates an instant at a scaled offset from the clock's creation.
        public init(offset: Duration) {
            self.offset = offset
        }

        public func advanced(by duration: Duration) -> Instant {
            Instant(offset: offset + duration)
        }

        public func duration(to other: Instant) -> Duration {
            other.offset - offset
        }

        public static func < (lhs: Instant, rhs: Instant) -> Bool {
            lhs.offset < rhs.offset
        }
    }

    /// Scaled seconds per real second (greater than 0).
    public let factor: Double
    private let origin: ContinuousClock.Instant

    /// Creates a clock whose time starts at zero now.
    ///
    /// - Parameter factor: How many times faster than real time the clock runs; must be greater than 0.
    public init(factor: Double) {
        precondition(factor > 0 && factor.isFinite, "a ScaledClock needs a positive, finite factor")
        self.factor = factor
        self.origin = ContinuousClock.now
    }

    /// The current scaled time.
    public var now: Instant {
        Instant(offset: (ContinuousClock.now - origin) * factor)
    }

    /// The real clock's resolution in scaled time.
    public var minimumResolution: Duration {
        ContinuousClock().minimumResolution * factor
    }

    /// Converts a scaled duration to real time.
    public func realDuration(_ scaled: Duration) -> Duration {
        scaled / factor
    }

    /// Converts a real duration to scaled time.
    public func scaledDuration(_ real: Duration) -> Duration {
        real * factor
    }

    /// Sleeps in real time until the scaled deadline has passed (never wakes before it).
    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        while true {
            let remaining = now.duration(to: deadline)
            guard remaining > .zero else { return }
            // Rounding in the conversion can wake a nanosecond early; the loop then sleeps the rest.
            try await ContinuousClock().sleep(for: remaining / factor + .nanoseconds(1))
        }
    }
}
