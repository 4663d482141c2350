import Foundation
import Yams

/// Settings from one source — the config file, the environment or the command line — before merging.
///
/// ``DocgenConfiguration/init(layers:)`` merges layers in order, later ones winning, which gives docgen's
/// precedence: flags > environment > file > defaults.
public struct ConfigurationLayer: Sendable, Equatable {
    /// Where these settings came from, such as `.docgen.yml`, `environment` or `command line`.
    public var origin: String
    /// The settings this layer sets.
    public var values: [ConfigurationKey: ConfigurationValue]
    /// Models added or overridden by this layer (`models:` in the file), by name.
    public var models: [String: CustomModelSettings]

    /// Creates a layer.
    public init(
        origin: String,
        values: [ConfigurationKey: ConfigurationValue] = [:],
        models: [String: CustomModelSettings] = [:]
    ) {
        self.origin = origin
        self.values = values
        self.models = models
    }

    /// Reads the `DOCGEN_*` variables of an environment dictionary.
    ///
    /// - Throws: ``ConfigurationError`` naming the variable when a value has the wrong type.
    public static func fromEnvironment(_ environment: [String: String]) throws -> ConfigurationLayer {
        var layer = ConfigurationLayer(origin: "environment")
        for key in ConfigurationKey.allCases {
            guard let text = environment[key.environmentVariable], !text.trimmed.isEmpty else { continue }
            layer.values[key] = try ConfigurationValue.parse(
                text, as: key.valueType, key: key, origin: "environment variable \(key.environmentVariable)")
        }
        return layer
    }

    /// Parses a `.docgen.yml` file's text.
    ///
    /// Nested mappings use the dotted keys of ``ConfigurationKey`` (`retry:` → `max_retries:`); `models:` maps
    /// model names to ``CustomModelSettings``. Unknown keys are errors, with a suggestion for likely typos.
    ///
    /// - Parameters:
    ///   - yaml: The file's text.
    ///   - path: The file's path, for messages.
    /// - Throws: ``ConfigurationError``.
    public static func fromYAML(_ yaml: String, path: String) throws -> ConfigurationLayer {
        let document: Any?
        do {
            document = try Yams.load(yaml: yaml)
        } catch {
            throw ConfigurationError.malformedFile(path: path, detail: String(describing: error))
        }
        var layer = ConfigurationLayer(origin: path)
        guard let document else { return layer }
        guard let mapping = document as? [AnyHashable: Any] else {
            throw ConfigurationError.malformedFile(path: path, detail: "the top level must be a mapping of settings")
        }
        try layer.read(mapping, prefix: "", path: path)
        return layer
    }

    private mutating func read(_ mapping: [AnyHashable: Any], prefix: String, path: String) throws {
        for (rawKey, value) in mapping {
            let name = prefix + String(describing: rawKey)
            if name == "models" {
                guard let entries = value as? [AnyHashable: Any] else {
                    throw ConfigurationError.malformedFile(
                        path: path, detail: "'models' must map model names to settings")
                }
                for (modelName, settings) in entries {
                    let modelName = String(describing: modelName)
                    models[modelName] = try CustomModelSettings(
                        name: modelName, yaml: settings, origin: path)
                }
                continue
            }
            if let key = ConfigurationKey(rawValue: name) {
                values[key] = try Self.convert(value, for: key, origin: path)
            } else if let nested = value as? [AnyHashable: Any] {
                try read(nested, prefix: name + ".", path: path)
            } else {
                let names = ConfigurationKey.allCases.map(\.rawValue) + ["models"]
                throw ConfigurationError.unknownKey(key: name, origin: path, suggestion: closest(to: name, in: names))
            }
        }
    }

    static func convert(_ value: Any, for key: ConfigurationKey, origin: String) throws -> ConfigurationValue {
        switch key.valueType {
        case .stringList:
            if let list = value as? [Any] { return .list(list.map { String(describing: $0) }) }
            if let text = value as? String { return .list([text]) }
        case .boolean:
            if let flag = value as? Bool { return .boolean(flag) }
        case .positiveInteger, .nonNegativeInteger:
            if let number = value as? Int {
                return try ConfigurationValue.checked(.integer(number), type: key.valueType, key: key, origin: origin)
            }
        case .positiveNumber:
            if let number = value as? Double {
                return try ConfigurationValue.checked(.number(number), type: key.valueType, key: key, origin: origin)
            }
            if let number = value as? Int {
                return try ConfigurationValue.checked(
                    .number(Double(number)), type: key.valueType, key: key, origin: origin)
            }
        case .string:
            if let text = value as? String { return .string(text) }
            if value is Int || value is Double { return .string(String(describing: value)) }
        }
        return try ConfigurationValue.parse(String(describing: value), as: key.valueType, key: key, origin: origin)
    }
}

/// The closest candidate by edit distance, when it is close enough to be a likely typo.
func closest(to name: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(name, $0)) }.min { $0.1 < $1.1 }
    guard let (best, distance) = scored, distance <= max(2, name.count / 3) else { return nil }
    return best
}

/// Levenshtein distance over characters.
func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs)
    let b = Array(rhs)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
