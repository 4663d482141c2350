import DocgenCore
import Foundation
import Synchronization

/// Shows a run's progress on stderr: a redrawn bar on a terminal, one plain line per file otherwise.
final class ProgressReporter: Sendable {
    private struct State {
        var total = 0
        var done = 0
        var started = Date()
        var lastDraw = Date.distantPast
        /// The latest redraw; each redraw waits for the one before, so lines never appear out of order.
        var lastDrawTask: Task<Void, Never>?
    }

    private let isTerminal: Bool
    private let quiet: Bool
    private let metrics: MetricsCollector
    private let state = Mutex(State())

    init(quiet: Bool, metrics: MetricsCollector) {
        self.isTerminal = isatty(STDERR_FILENO) == 1
        self.quiet = quiet
        self.metrics = metrics
    }

    /// Receives the job's progress events.
    func handle<C: Clock>(_ event: DocumentationJob<C>.Progress) {
        guard !quiet else { return }
        switch event {
        case .started(let total):
            state.withLock {
                $0.total = total
                $0.started = Date()
            }
            if !isTerminal { FileHandleOutput.standardError.write("docgen: \(total) modules to check\n") }
        case .finalRound(let round, let modules, let pause):
            announce(round: round, modules: modules, pause: pause)
        case .finished(let path, let outcome, let done, let total):
            let (elapsed, shouldDraw) = state.withLock { state -> (Double, Bool) in
                state.done = done
                let now = Date()
                let draw = now.timeIntervalSince(state.lastDraw) > 0.1 || done == total
                if draw { state.lastDraw = now }
                return (now.timeIntervalSince(state.started), draw)
            }
            if !isTerminal {
                FileHandleOutput.standardError.write("docgen: [\(done)/\(total)] \(path) \(outcome.rawValue)\n")
                return
            }
            guard shouldDraw else { return }
            let metrics = self.metrics
            state.withLock { state in
                let previous = state.lastDrawTask
                state.lastDrawTask = Task {
                    await previous?.value
                    await Self.draw(metrics: metrics, done: done, total: total, elapsed: elapsed)
                }
            }
        }
    }

    /// Announces a final round: after the redraws before it, on a line of its own.
    private func announce(round: Int, modules: Int, pause: Duration) {
        let seconds = Double(pause.components.seconds) + Double(pause.components.attoseconds) / 1e18
        let line =
            "docgen: final round \(round): retrying \(modules) module\(modules == 1 ? "" : "s") that failed for "
            + "transient causes after a \(String(format: "%.1f", seconds)) s pause\n"
        let isTerminal = self.isTerminal
        state.withLock { state in
            let previous = state.lastDrawTask
            state.lastDrawTask = Task {
                await previous?.value
                FileHandleOutput.standardError.write((isTerminal ? "\n" : "") + line)
            }
        }
    }

    /// Waits until every redraw has been written, so the bar's last line comes before the run's summary.
    func finish() async {
        await state.withLock { $0.lastDrawTask }?.value
    }

    private static func draw(metrics: MetricsCollector, done: Int, total: Int, elapsed: Double) async {
        let totals = await metrics.runningTotals
        let width = 24
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        let eta = done == 0 ? "?" : Self.clock(elapsed / Double(done) * Double(total - done))
        let line =
            "\r[\(bar)] \(done)/\(total) modules · \(totals.promptTokens + totals.completionTokens) tokens · "
            + MetricsReport.format(usd: totals.costUSD) + " · \(totals.retries) retries · ETA \(eta)  "
        FileHandleOutput.standardError.write(line + (done == total ? "\n" : ""))
    }

    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return String(format: "%d:%02d", whole / 60, whole % 60)
    }
}
