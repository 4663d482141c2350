/// A configuration problem, reported before any work starts (exit status 2).
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Equatable, Sendable {
        case invalidValue(key: String, value: String, expected: String, origin: String)
        case unknownKey(key: String, origin: String, suggestion: String?)
        case malformedFile(path: String, detail: String)
        case invalidModel(name: String, detail: String, origin: String)
        case unknownCustomModel(name: String)
        case unknownEncoding(model: String, encoding: String, supported: [String])
    }

    private let code: Code

    private init(_ code: Code) { self.code = code }

    /// A value of the wrong type or out of range.
    public static func invalidValue(key: String, value: String, expected: String, origin: String) -> ConfigurationError
    {
        ConfigurationError(.invalidValue(key: key, value: value, expected: expected, origin: origin))
    }

    /// A key docgen does not know (often a typo).
    public static func unknownKey(key: String, origin: String, suggestion: String?) -> ConfigurationError {
        ConfigurationError(.unknownKey(key: key, origin: origin, suggestion: suggestion))
    }

    /// A config file that is not valid YAML or not a mapping.
    public static func malformedFile(path: String, detail: String) -> ConfigurationError {
        ConfigurationError(.malformedFile(path: path, detail: detail))
    }

    /// A custom model entry that is incomplete or invalid.
    public static func invalidModel(name: String, detail: String, origin: String) -> ConfigurationError {
        ConfigurationError(.invalidModel(name: name, detail: detail, origin: origin))
    }

    /// A `models:` entry that names neither a known model nor its context window.
    public static func unknownCustomModel(name: String) -> ConfigurationError {
        ConfigurationError(.unknownCustomModel(name: name))
    }

    /// A `models:` entry with an encoding docgen does not carry.
    public static func unknownEncoding(model: String, encoding: String, supported: [String]) -> ConfigurationError {
        ConfigurationError(.unknownEncoding(model: model, encoding: encoding, supported: supported))
    }

    /// A label without associated values, for metrics.
    public var shortDescription: String {
        switch code {
        case .invalidValue: return "invalid_value"
        case .unknownKey: return "unknown_key"
        case .malformedFile: return "malformed_file"
        case .invalidModel: return "invalid_model"
        case .unknownCustomModel: return "unknown_custom_model"
        case .unknownEncoding: return "unknown_encoding"
        }
    }

    public var description: String {
        switch code {
        case .invalidValue(let key, let value, let expected, let origin):
            return "\(origin): '\(key)' must be \(expected), not '\(value)'."
        case .unknownKey(let key, let origin, let suggestion):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? " Run 'docgen config' to list the settings."
            return "\(origin): unknown setting '\(key)'.\(hint)"
        case .malformedFile(let path, let detail):
            return "\(path) is not a valid docgen configuration: \(detail)"
        case .invalidModel(let name, let detail, let origin):
            return "\(origin): model '\(name)': \(detail)"
        case .unknownCustomModel(let name):
            return "Model '\(name)' in the configuration is not a known model: give its context_window "
                + "(and max_output_tokens, encoding and prices), or a known base model with base:."
        case .unknownEncoding(let model, let encoding, let supported):
            return "Model '\(model)': unknown encoding '\(encoding)'; use "
                + supported.joined(separator: " or ") + "."
        }
    }
}
