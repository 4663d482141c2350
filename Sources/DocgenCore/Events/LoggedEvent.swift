public import Logging

/// A well-known log record: a constant message, an event name under ``LoggedEventKey/event`` and typed
/// metadata that round-trips.
///
/// Libraries log through swift-log as always — any log handler sees an ordinary record with a constant message and
/// `docgen.*` metadata — while a handler that knows the event (the CLI's console) rebuilds the value with
/// ``init(metadata:)`` and writes a sentence for people from it. The event is the seam: the library states the
/// facts, the edge decides the words.
///
/// ```swift
/// logger.log(FileFittedEvent(file: "a.py", ...), level: .warning)
/// // in a log handler:
/// if let fitted = FileFittedEvent(metadata: mergedMetadata) { print(sentence(for: fitted)) }
/// ```
public protocol LoggedEvent: Sendable, Equatable {
    /// The event's name, the value of the `docgen.event` metadata key (such as `file.fitted`).
    static var name: String { get }
    /// The constant log message of the record.
    static var message: Logger.Message { get }
    /// The event as swift-log metadata (including `docgen.event`).
    var metadata: Logger.Metadata { get }
    /// Rebuilds the event from a record's metadata, or nil when the record is another event or lacks a field.
    init?(metadata: Logger.Metadata)
}

/// Metadata keys shared by docgen's well-known log records.
public enum LoggedEventKey {
    /// The event name (``LoggedEvent/name``).
    public static let event = "docgen.event"
    /// The source file, relative to the repository root.
    public static let file = "docgen.module"
}

extension Logger {
    /// Logs a well-known event at `level`: its constant message and its metadata.
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - level: The level (libraries use `debug`, or `warning` for facts a user must see).
    public func log<Event: LoggedEvent>(
        _ event: Event,
        level: Logger.Level,
        file: String = #fileID,
        function: String = #function,
        line: UInt = #line
    ) {
        log(level: level, Event.message, metadata: event.metadata, file: file, function: function, line: line)
    }
}

extension Logger.Metadata {
    /// Whether the record is the named event.
    func isEvent(_ name: String) -> Bool {
        if case .string(name) = self[LoggedEventKey.event] { return true }
        return false
    }

    /// A string field (plain or string-convertible).
    func string(_ key: String) -> String? {
        switch self[key] {
        case .string(let value): return value
        case .stringConvertible(let value): return value.description
        default: return nil
        }
    }

    /// An integer field, whether logged as `.string("12")` or `.stringConvertible(12)`.
    func integer(_ key: String) -> Int? {
        string(key).flatMap { Int($0) }
    }
}
