public import Logging

/// Logs how long each phase of a run took, at debug level (`--verbose` shows them), so a slow run says where its
/// time went.
///
/// ```swift
/// var phases = PhaseLog(logger: logger)
/// let scan = try await scanner.scan(root: root)
/// phases.finished("scan")  // debug: phase finished docgen.phase=scan docgen.seconds=0.412
/// ```
public struct PhaseLog: Sendable {
    private var last = ContinuousClock.now
    private let logger: Logger

    /// Starts timing the first phase now.
    ///
    /// - Parameter logger: Where the records go.
    public init(logger: Logger) {
        self.logger = logger
    }

    /// Logs the phase that ends now and starts timing the next one.
    ///
    /// - Parameter phase: The phase's name.
    public mutating func finished(_ phase: String) {
        let now = ContinuousClock.now
        let duration = last.duration(to: now).components
        let milliseconds = duration.seconds * 1000 + duration.attoseconds / 1_000_000_000_000_000
        logger.debug(
            "phase finished",
            metadata: ["docgen.phase": .string(phase), "docgen.milliseconds": .stringConvertible(milliseconds)])
        last = now
    }
}
