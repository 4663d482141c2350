public import Logging

/// The CLI's swift-log handler: hands every record to a ``ConsolePresenter``, which decides its words.
///
/// Libraries keep logging constant messages with metadata; this handler only merges the logger's metadata (and a
/// metadata provider's) into the record, so the presenter can recognise well-known events.
///
/// ```swift
/// let presenter = ConsolePresenter(console: console, settings: .init(verbosity: .normal, format: .text))
/// LoggingSystem.bootstrap { label in ConsoleLogHandler(label: label, presenter: presenter) }
/// ```
public struct ConsoleLogHandler: LogHandler {
    /// The logger's metadata.
    public var metadata: Logger.Metadata = [:]
    /// Adds task-local or constant metadata to every record.
    public var metadataProvider: Logger.MetadataProvider?
    /// The lowest level passed on (the presenter filters further).
    public var logLevel: Logger.Level
    private let label: String
    private let presenter: ConsolePresenter

    /// Creates a handler for one logger.
    ///
    /// - Parameters:
    ///   - label: The logger's label.
    ///   - presenter: Decides what the console shows.
    public init(label: String, presenter: ConsolePresenter) {
        self.label = label
        self.presenter = presenter
        self.logLevel = presenter.settings.lowestLevel
    }

    /// Gets or sets one metadata value of this logger.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Passes the record, metadata merged, to the presenter.
    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let own = event.metadata { merged.merge(own) { _, new in new } }
        presenter.present(
            ConsoleRecord(
                level: event.level, message: event.message.description, metadata: merged, label: label,
                source: event.source))
    }
}
