import Foundation

/// Every setting docgen reads, with its spelling in `.docgen.yml` (dotted for nested keys), its environment
/// variable, and its type.
///
/// One table serves the config file, the environment and `docgen config`, so the three never disagree.
public enum ConfigurationKey: String, Sendable, CaseIterable, Comparable {
    case provider
    case model
    case baseURL = "base_url"
    case deployment = "azure.deployment"
    case apiVersion = "azure.api_version"
    case output
    case templates
    case concurrency
    case completionTokens = "prompt.completion_tokens"
    case safetyMargin = "prompt.safety_margin"
    case minimumCompletionTokens = "prompt.min_completion_tokens"
    case maxSourceLines = "prompt.max_source_lines"
    case contextPercent = "prompt.context_percent"
    case maxRetries = "retry.max_retries"
    case initialBackoffMilliseconds = "retry.initial_backoff_ms"
    case maxBackoffMilliseconds = "retry.max_backoff_ms"
    case retryFailedRounds = "retry_failed_rounds"
    case requestsPerMinute = "rate_limit.requests_per_minute"
    case tokensPerMinute = "rate_limit.tokens_per_minute"
    case timeoutSeconds = "timeout_seconds"
    case maxFileSize = "scan.max_file_size"
    case exclude = "scan.exclude"
    case grammars
    case html
    case stream
    case redact
    case maxCostUSD = "budget.max_cost_usd"
    case maxTokensTotal = "budget.max_tokens_total"
    case siteTests = "site.tests"
    case siteExamples = "site.examples"
    case siteGenerated = "site.generated"

    /// The type a value must have.
    public enum ValueType: Sendable {
        case string, positiveInteger, nonNegativeInteger, positiveNumber, boolean, stringList
    }

    /// The value's type.
    public var valueType: ValueType {
        switch self {
        case .provider, .model, .baseURL, .deployment, .apiVersion, .output, .templates, .grammars: return .string
        case .concurrency, .completionTokens, .minimumCompletionTokens, .maxSourceLines, .requestsPerMinute,
            .tokensPerMinute, .maxFileSize, .initialBackoffMilliseconds, .maxBackoffMilliseconds, .maxTokensTotal:
            return .positiveInteger
        case .safetyMargin, .maxRetries, .contextPercent, .retryFailedRounds: return .nonNegativeInteger
        case .timeoutSeconds, .maxCostUSD: return .positiveNumber
        case .html, .stream, .redact: return .boolean
        case .exclude, .siteTests, .siteExamples, .siteGenerated: return .stringList
        }
    }

    /// The environment variable that sets this key (`DOCGEN_` + upper-cased name), if any.
    public var environmentVariable: String {
        "DOCGEN_" + rawValue.replacingOccurrences(of: ".", with: "_").uppercased()
    }

    public static func < (lhs: ConfigurationKey, rhs: ConfigurationKey) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A typed setting value.
public enum ConfigurationValue: Sendable, Equatable, CustomStringConvertible {
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case list([String])

    public var description: String {
        switch self {
        case .string(let value): return value
        case .integer(let value): return String(value)
        case .number(let value): return String(value)
        case .boolean(let value): return String(value)
        case .list(let values): return "[" + values.joined(separator: ", ") + "]"
        }
    }

    /// Parses text (from the environment or a flag) as a value of `type`.
    ///
    /// - Throws: ``ConfigurationError`` naming `origin` and the expected type.
    public static func parse(
        _ text: String,
        as type: ConfigurationKey.ValueType,
        key: ConfigurationKey,
        origin: String
    ) throws -> ConfigurationValue {
        let trimmed = text.trimmed
        switch type {
        case .string:
            return .string(trimmed)
        case .positiveInteger, .nonNegativeInteger:
            guard let value = Int(trimmed.replacingOccurrences(of: "_", with: "")) else {
                throw ConfigurationError.invalidValue(
                    key: key.rawValue, value: text, expected: "a whole number", origin: origin)
            }
            return try checked(.integer(value), type: type, key: key, origin: origin)
        case .positiveNumber:
            guard let value = Double(trimmed), value.isFinite else {
                throw ConfigurationError.invalidValue(
                    key: key.rawValue, value: text, expected: "a number", origin: origin)
            }
            return try checked(.number(value), type: type, key: key, origin: origin)
        case .boolean:
            switch trimmed.lowercased() {
            case "1", "true", "yes", "on": return .boolean(true)
            case "0", "false", "no", "off": return .boolean(false)
            default:
                throw ConfigurationError.invalidValue(
                    key: key.rawValue, value: text, expected: "true or false", origin: origin)
            }
        case .stringList:
            let items = trimmed.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
            return .list(items)
        }
    }

    /// Checks ranges for numeric types.
    static func checked(
        _ value: ConfigurationValue,
        type: ConfigurationKey.ValueType,
        key: ConfigurationKey,
        origin: String
    ) throws -> ConfigurationValue {
        switch (type, value) {
        case (.positiveInteger, .integer(let number)) where number <= 0,
            (.nonNegativeInteger, .integer(let number)) where number < 0:
            throw ConfigurationError.invalidValue(
                key: key.rawValue, value: String(number),
                expected: type == .positiveInteger ? "a whole number above 0" : "a whole number, 0 or more",
                origin: origin)
        case (.positiveNumber, .number(let number)) where !(number > 0 && number.isFinite):
            // `!(… > 0)` also catches NaN, which YAML spells `.nan`; `.inf` is no timeout either.
            throw ConfigurationError.invalidValue(
                key: key.rawValue, value: String(number), expected: "a number above 0", origin: origin)
        default:
            return value
        }
    }
}
