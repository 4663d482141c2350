import DocgenConsole
import DocgenCore
import Foundation
import Logging

/// Shows a run's progress: a bar on a terminal that redraws in place, one plain line per file elsewhere, JSON
/// records with `--log-format json`, nothing with `--quiet`.
///
/// The job's progress callback only yields into an `AsyncStream`; one consumer, a child task of the task group that
/// runs the job (``reporting(_:)``), reads the metrics and draws. A sibling child ticks once a second so the
/// elapsed time and ETA move during long requests, and a resize (SIGWINCH) redraws the bar for the new width.
struct ProgressReporter: Sendable {
    enum Event: Sendable {
        case progress(DocumentationJob<ContinuousClock>.Progress)
        case tick
        case resized
    }

    private let presenter: ConsolePresenter
    private let metrics: MetricsCollector
    private let isEnabled: Bool
    private let stream: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation

    /// Creates a reporter; `isEnabled` false shows nothing (`--quiet`, `--json`).
    init(presenter: ConsolePresenter, metrics: MetricsCollector, isEnabled: Bool) {
        self.presenter = presenter
        self.metrics = metrics
        self.isEnabled = isEnabled && presenter.settings.verbosity != .quiet
        (stream, continuation) = AsyncStream.makeStream(of: Event.self)
    }

    /// The job's progress callback: hands the event to the consumer.
    func handle(_ progress: DocumentationJob<ContinuousClock>.Progress) {
        if isEnabled { continuation.yield(.progress(progress)) }
    }

    /// Runs `work` (the job) with the consumer and the ticker as sibling child tasks, and ends the bar when the
    /// work ends, however it ends.
    func reporting<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let showsBar = isEnabled && presenter.showsBar
        let resizes = showsBar ? TerminalDevice.watchResizes { continuation.yield(.resized) } : nil
        defer { resizes?.cancel() }
        let outcome = await withTaskGroup(of: Outcome<T>?.self) { group -> Result<T, any Error> in
            group.addTask {
                await consume()
                return nil
            }
            let result = await withTaskGroup(of: Outcome<T>.self) { inner -> Result<T, any Error> in
                if showsBar {
                    inner.addTask {
                        while !Task.isCancelled {
                            try? await Task.sleep(for: .seconds(1))
                            continuation.yield(.tick)
                        }
                        return .ticker
                    }
                }
                inner.addTask {
                    do { return .work(.success(try await work())) } catch { return .work(.failure(error)) }
                }
                while let next = await inner.next() {
                    if case .work(let result) = next {
                        inner.cancelAll()
                        return result
                    }
                }
                return .failure(CancellationError())
            }
            continuation.finish()
            await group.waitForAll()
            return result
        }
        presenter.console.finishProgress()
        return try outcome.get()
    }

    private enum Outcome<Value: Sendable>: Sendable {
        case ticker
        case work(Result<Value, any Error>)
    }

    /// The one consumer: draws every event in order.
    private func consume() async {
        let started = ContinuousClock.now
        var done = 0
        var total = 0
        for await event in stream {
            switch event {
            case .progress(.started(let count)):
                total = count
                if presenter.settings.format == .json {
                    presenter.notice("run started", metadata: ["docgen.total": .stringConvertible(count)])
                } else if !presenter.showsBar {
                    presenter.notice("docgen: \(HumanFormat.count(count)) modules to check")
                }
            case .progress(.finished(let path, let outcome, let finished, let count)):
                done = finished
                total = count
                if presenter.settings.format == .json {
                    presenter.notice(
                        "file finished",
                        metadata: [
                            LoggedEventKey.file: .string(path), "docgen.outcome": .string(outcome.rawValue),
                            "docgen.done": .stringConvertible(finished), "docgen.total": .stringConvertible(count),
                        ])
                } else if !presenter.showsBar {
                    presenter.notice("docgen: [\(finished)/\(count)] \(path) \(outcome.rawValue)")
                }
            case .progress(.finalRound(let round, let files, let pause)):
                if presenter.settings.format == .json {
                    presenter.notice(
                        "final round started",
                        metadata: [
                            "docgen.round": .stringConvertible(round), "docgen.files": .stringConvertible(files),
                            "docgen.pause_ms": .stringConvertible(Int(pause.secondsDouble * 1000)),
                        ])
                } else {
                    let seconds = String(format: "%.1f", pause.secondsDouble)
                    let modules = "\(HumanFormat.count(files)) module\(files == 1 ? "" : "s")"
                    presenter.notice(
                        "docgen: final round \(round): retrying \(modules) that failed for transient causes after a "
                            + "\(seconds) s pause")
                }
            case .tick:
                guard total > 0 else { continue }
            case .resized:
                presenter.console.redraw()
                continue
            }
            guard presenter.showsBar else { continue }
            let totals = await metrics.runningTotals
            presenter.console.showProgress(
                ProgressLine(
                    done: done, total: total, tokens: totals.promptTokens + totals.completionTokens,
                    costUSD: totals.costUSD, retries: totals.retries,
                    elapsedSeconds: started.duration(to: .now).secondsDouble))
        }
    }
}

extension Duration {
    fileprivate var secondsDouble: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
