public import DocgenBase

/// Why docgen could not get a completion from a model.
///
/// One public type with a private code, so new cases never break callers; `description` tells the user what
/// failed and what to do, and never contains an API key or a prompt.
public struct AIServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Equatable, Sendable {
        case requestExceedsRateLimit(tokens: Int, tokensPerMinute: Int)
        case authenticationFailed(provider: String, status: Int, variable: String)
        case notFound(provider: String, what: String, path: String)
        case badRequest(status: Int, message: String)
        case contextLengthExceeded(model: String, detail: String)
        case retriesExhausted(attempts: Int, last: String)
        case serverWaitTooLong(seconds: Int)
        case malformedResponse(detail: String)
        case missingCredentials(provider: String, variable: String)
        case invalidConfiguration(detail: String)
        case transport(HTTPTransportError)
        case endpointUnreachable(attempts: Int, detail: String)
    }

    private let code: Code

    private init(_ code: Code) { self.code = code }

    /// A request reserves more tokens than the whole per-minute limit.
    public static func requestExceedsRateLimit(tokens: Int, tokensPerMinute: Int) -> AIServiceError {
        AIServiceError(.requestExceedsRateLimit(tokens: tokens, tokensPerMinute: tokensPerMinute))
    }

    /// 401 or 403: the key was refused.
    public static func authenticationFailed(provider: String, status: Int, variable: String) -> AIServiceError {
        AIServiceError(.authenticationFailed(provider: provider, status: status, variable: variable))
    }

    /// 404: the model or deployment does not exist at that path.
    public static func notFound(provider: String, what: String, path: String) -> AIServiceError {
        AIServiceError(.notFound(provider: provider, what: what, path: path))
    }

    /// A final 4xx other than the ones above; `message` is the server's (it never echoes the key).
    public static func badRequest(status: Int, message: String) -> AIServiceError {
        AIServiceError(.badRequest(status: status, message: message))
    }

    /// The server still found the request too long after one re-plan.
    public static func contextLengthExceeded(model: String, detail: String) -> AIServiceError {
        AIServiceError(.contextLengthExceeded(model: model, detail: detail))
    }

    /// Every allowed attempt failed; `last` describes the last failure.
    public static func retriesExhausted(attempts: Int, last: String) -> AIServiceError {
        AIServiceError(.retriesExhausted(attempts: attempts, last: last))
    }

    /// The server asked to wait longer than the configured maximum.
    public static func serverWaitTooLong(seconds: Int) -> AIServiceError {
        AIServiceError(.serverWaitTooLong(seconds: seconds))
    }

    /// A response that could not be read even after retries.
    public static func malformedResponse(_ detail: String) -> AIServiceError {
        AIServiceError(.malformedResponse(detail: detail))
    }

    /// No API key for a provider that needs one.
    public static func missingCredentials(provider: String, variable: String) -> AIServiceError {
        AIServiceError(.missingCredentials(provider: provider, variable: variable))
    }

    /// A provider setting is missing or invalid.
    public static func invalidConfiguration(_ detail: String) -> AIServiceError {
        AIServiceError(.invalidConfiguration(detail: detail))
    }

    /// Every attempt failed to connect: the endpoint is down or the base URL is wrong.
    public static func endpointUnreachable(attempts: Int, detail: String) -> AIServiceError {
        AIServiceError(.endpointUnreachable(attempts: attempts, detail: detail))
    }

    /// A transport failure that was not retried.
    public static func transport(_ error: HTTPTransportError) -> AIServiceError {
        AIServiceError(.transport(error))
    }

    /// True for failures that will not go away by retrying the run (credentials, configuration, 4xx).
    public var isFinal: Bool {
        switch code {
        case .authenticationFailed, .notFound, .missingCredentials, .invalidConfiguration, .badRequest,
            .requestExceedsRateLimit:
            return true
        default:
            return false
        }
    }

    /// True for failures every other request of the run would repeat (credentials refused or missing, no such
    /// model or deployment, invalid provider settings, an unreachable endpoint): a run stops starting new work.
    var repeatsForEveryRequest: Bool {
        switch code {
        case .authenticationFailed, .notFound, .missingCredentials, .invalidConfiguration, .endpointUnreachable:
            return true
        default:
            return false
        }
    }

    /// A label without associated values, for metrics.
    public var shortDescription: String {
        switch code {
        case .requestExceedsRateLimit: return "request_exceeds_rate_limit"
        case .authenticationFailed: return "authentication_failed"
        case .notFound: return "not_found"
        case .badRequest: return "bad_request"
        case .contextLengthExceeded: return "context_length_exceeded"
        case .retriesExhausted: return "retries_exhausted"
        case .serverWaitTooLong: return "server_wait_too_long"
        case .malformedResponse: return "malformed_response"
        case .missingCredentials: return "missing_credentials"
        case .invalidConfiguration: return "invalid_configuration"
        case .transport(let error): return "transport_\(error.shortDescription)"
        case .endpointUnreachable: return "endpoint_unreachable"
        }
    }

    public var description: String {
        switch code {
        case .requestExceedsRateLimit(let tokens, let limit):
            return "A request needs \(tokens) tokens but the tokens-per-minute limit is \(limit); "
                + "raise rate_limit.tokens_per_minute or lower the completion size."
        case .authenticationFailed(let provider, let status, let variable):
            return "The \(provider) API refused the credentials (HTTP \(status)); check \(variable)."
        case .notFound(let provider, let what, let path):
            return "The \(provider) API has no \(what) at \(path) (HTTP 404); check the model or deployment name."
        case .badRequest(let status, let message):
            return "The server rejected the request (HTTP \(status)): \(message)"
        case .contextLengthExceeded(let model, let detail):
            return "The prompt does not fit \(model)'s context window even after re-planning: \(detail)"
        case .retriesExhausted(let attempts, let last):
            return "Gave up after \(attempts) attempts; last failure: \(last)"
        case .serverWaitTooLong(let seconds):
            return "The server asked to wait \(seconds) s before retrying, longer than allowed; try again later."
        case .malformedResponse(let detail):
            return "The server's response could not be read: \(detail)"
        case .missingCredentials(let provider, let variable):
            return "No API key for \(provider): set \(variable), or use --provider offline."
        case .invalidConfiguration(let detail):
            return "Invalid provider configuration: \(detail)"
        case .transport(let error):
            return error.description
        case .endpointUnreachable(let attempts, let detail):
            return "Gave up after \(attempts) attempts: \(detail)"
        }
    }
}
