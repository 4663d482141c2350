public import Foundation
public import Logging

/// One log record as the console received it: level, message, the logger's and the call's metadata merged.
public struct ConsoleRecord: Sendable {
    /// The level.
    public var level: Logger.Level
    /// The constant message.
    public var message: String
    /// Logger metadata, provider metadata and call metadata, merged (the call wins).
    public var metadata: Logger.Metadata
    /// The logger's label.
    public var label: String
    /// The module that logged it.
    public var source: String
    /// When it was logged.
    public var date: Date

    /// Creates a record.
    public init(
        level: Logger.Level, message: String, metadata: Logger.Metadata = [:], label: String = "docgen",
        source: String = "docgen", date: Date = Date()
    ) {
        self.level = level
        self.message = message
        self.metadata = metadata
        self.label = label
        self.source = source
        self.date = date
    }

    /// The swift-log text form, as `StreamLogHandler` writes it:
    /// `2026-11-29T21:36:11Z warning docgen: docgen.module=a.py [DocgenCore] message`.
    public var structuredText: String {
        let fields = metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let timestamp = date.formatted(.iso8601)
        return "\(timestamp) \(level) \(label):\(fields.isEmpty ? "" : " " + fields) [\(source)] \(message)"
    }

    /// One JSON object on one line, keys sorted: `timestamp`, `level`, `label`, `source`, `message`, `metadata`.
    ///
    /// Integer, floating-point and Boolean metadata become JSON numbers and Booleans; everything else a string.
    public var jsonLine: String {
        let object: [String: Any] = [
            "timestamp": date.formatted(.iso8601), "level": level.rawValue, "label": label, "source": source,
            "message": message, "metadata": Self.jsonValue(.dictionary(metadata)),
        ]
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return #"{"level":"error","message":"unencodable log record"}"# }
        return String(decoding: data, as: UTF8.self)
    }

    private static func jsonValue(_ value: Logger.MetadataValue) -> Any {
        switch value {
        case .string(let text): return text
        case .stringConvertible(let convertible):
            switch convertible {
            case let number as Int: return number
            case let number as Double where number.isFinite: return number
            case let flag as Bool: return flag
            default: return convertible.description
            }
        case .dictionary(let dictionary): return dictionary.mapValues(jsonValue)
        case .array(let array): return array.map(jsonValue)
        }
    }
}
