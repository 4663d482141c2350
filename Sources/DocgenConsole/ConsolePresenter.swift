import DocgenCore
public import Logging
import Synchronization

/// Decides what a run's records look like on the console, in one place.
///
/// - Default: well-known events (``FileFittedEvent``, ``RequestRetriedEvent``) become sentences
///   (``ConsoleMessages``); the first few of a kind are listed and the rest summed up at the end
///   (``closingLines(metricsPath:)``). Other records show from `warning` up as `warning: message (key=value …)`.
/// - `verbose`: every record from `debug` up as a structured swift-log line, metadata included.
/// - `quiet`: errors only.
/// - JSON format: one JSON object per line per record (events and notices included), for CI systems that
///   parse logs; no bar.
public final class ConsolePresenter: Sendable {
    /// How much to show.
    public enum Verbosity: Sendable, Equatable {
        /// Errors and the final summary only.
        case quiet
        /// Sentences for people.
        case normal
        /// Every record with its metadata.
        case verbose
    }

    /// How records are written.
    public enum Format: String, Sendable, Equatable, CaseIterable {
        /// Lines for people (or structured text lines with `verbose`).
        case text
        /// One JSON object per line.
        case json
    }

    /// The presenter's choices.
    public struct Settings: Sendable, Equatable {
        /// How much to show.
        public var verbosity: Verbosity
        /// How records are written.
        public var format: Format
        /// Well-known events of one kind listed one by one before the rest are summed up.
        public var listedPerKind: Int

        /// Creates settings.
        public init(verbosity: Verbosity, format: Format, listedPerKind: Int = 3) {
            self.verbosity = verbosity
            self.format = format
            self.listedPerKind = listedPerKind
        }

        /// The level below which records are not worth building.
        public var lowestLevel: Logger.Level { verbosity == .quiet ? .error : .debug }

        /// The level from which records that are not well-known events are shown.
        var threshold: Logger.Level {
            switch verbosity {
            case .quiet: return .error
            case .normal: return .warning
            case .verbose: return .debug
            }
        }
    }

    private struct Groups {
        var fitted = 0
        var fittedListed = 0
        var anySplit = false
        var retries: [RetryPolicy.Cause: Int] = [:]
        var retriesListed = 0
    }

    /// The presenter's choices.
    public let settings: Settings
    /// The console it writes to.
    public let console: Console
    private let groups = Mutex(Groups())

    /// Creates a presenter.
    public init(console: Console, settings: Settings) {
        self.console = console
        self.settings = settings
    }

    /// Whether a progress bar suits these settings (a terminal, text, not quiet).
    public var showsBar: Bool { console.isTerminal && settings.format == .text && settings.verbosity != .quiet }

    /// Shows one log record as the settings say.
    public func present(_ record: ConsoleRecord) {
        let fitted = FileFittedEvent(metadata: record.metadata)
        let retried = fitted == nil ? RequestRetriedEvent(metadata: record.metadata) : nil
        let isKnown = fitted != nil || retried != nil
        guard record.level >= settings.threshold || (isKnown && settings.verbosity != .quiet) else { return }
        switch (settings.format, settings.verbosity) {
        case (.json, _):
            console.message(record.jsonLine)
        case (.text, .verbose):
            console.message(record.structuredText)
        case (.text, _):
            if let fitted {
                let listed = groups.withLock { groups -> Bool in
                    groups.fitted += 1
                    groups.anySplit = groups.anySplit || fitted.requests > 1
                    guard groups.fittedListed < settings.listedPerKind else { return false }
                    groups.fittedListed += 1
                    return true
                }
                if listed { console.message(console.style.warningLabel + " " + ConsoleMessages.sentence(for: fitted)) }
            } else if let retried {
                let listed = groups.withLock { groups -> Bool in
                    groups.retries[retried.cause, default: 0] += 1
                    guard groups.retriesListed < settings.listedPerKind else { return false }
                    groups.retriesListed += 1
                    return true
                }
                if listed { console.message(ConsoleMessages.sentence(for: retried)) }
            } else {
                console.message(plainLine(record))
            }
        }
    }

    /// A notice from the CLI itself (offline mode, an interrupt): a line, or a JSON record. Not shown with `quiet`.
    ///
    /// - Parameters:
    ///   - text: The sentence.
    ///   - metadata: Facts for the JSON record.
    public func notice(_ text: String, metadata: Logger.Metadata = [:]) {
        guard settings.verbosity != .quiet else { return }
        switch settings.format {
        case .json: console.message(ConsoleRecord(level: .notice, message: text, metadata: metadata).jsonLine)
        case .text: console.message(text)
        }
    }

    /// The summary lines for events of a kind that were listed only in part; call after the bar has finished.
    ///
    /// - Parameter metricsPath: Where the run's metrics report is, such as `docs_output/metrics.md`.
    public func closingLines(metricsPath: String) -> [String] {
        guard settings.format == .text, settings.verbosity == .normal else { return [] }
        let groups = groups.withLock { $0 }
        var lines: [String] = []
        if groups.fitted > groups.fittedListed {
            lines.append(
                console.style.warningLabel + " "
                    + ConsoleMessages.fittedSummary(
                        total: groups.fitted, listed: groups.fittedListed, anySplit: groups.anySplit,
                        metricsPath: metricsPath))
        }
        let retries = groups.retries.values.reduce(0, +)
        if retries > groups.retriesListed {
            lines.append(
                ConsoleMessages.retriedSummary(
                    causes: groups.retries, listed: groups.retriesListed, metricsPath: metricsPath))
        }
        return lines
    }

    /// A record that is not a well-known event, for people: `warning: message (key=value, …)`.
    func plainLine(_ record: ConsoleRecord) -> String {
        let label: String
        switch record.level {
        case .error, .critical: label = console.style.errorLabel + " "
        case .warning: label = console.style.warningLabel + " "
        default: label = ""
        }
        let facts = record.metadata.filter { $0.key != LoggedEventKey.event }.sorted { $0.key < $1.key }
            .map { "\($0.key.hasPrefix("docgen.") ? String($0.key.dropFirst(7)) : $0.key)=\($0.value)" }
        return label + record.message + (facts.isEmpty ? "" : " (" + facts.joined(separator: ", ") + ")")
    }
}
