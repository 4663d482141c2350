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
        case promptExceedsServerWindow(model: String, window: Int, serverPromptTokens: Int?, plannedPromptTokens: Int)
        case retriesExhausted(attempts: Int, last: String, cause: RetryPolicy.Cause, rounds: Int)
        case serverWaitTooLong(seconds: Int)
        case malformedResponse(detail: String)
        case missingCredentials(provider: String, variable: String)
        case invalidConfiguration(detail: String)
        case transport(HTTPTransportError)
        case endpointUnreachable(attempts: Int, detail: String, rounds: Int)
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

    /// The server's window (stated in its context-length error) cannot hold the prompt as planned: the module must
    /// be fitted again to that window (``DocumentationJob`` does so once).
    public static func promptExceedsServerWindow(
        model: String, window: Int, serverPromptTokens: Int?, plannedPromptTokens: Int
    ) -> AIServiceError {
        AIServiceError(
            .promptExceedsServerWindow(
                model: model, window: window, serverPromptTokens: serverPromptTokens,
                plannedPromptTokens: plannedPromptTokens))
    }

    /// The server's window when the prompt must be fitted again to it (see ``promptExceedsServerWindow``).
    public var serverWindowToRefit: Int? {
        if case .promptExceedsServerWindow(_, let window, _, _) = code { return window }
        return nil
    }

    /// Every allowed attempt failed; `last` describes the last failure and `cause` classifies it.
    public static func retriesExhausted(attempts: Int, last: String, cause: RetryPolicy.Cause) -> AIServiceError {
        AIServiceError(.retriesExhausted(attempts: attempts, last: last, cause: cause, rounds: 1))
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
        AIServiceError(.endpointUnreachable(attempts: attempts, detail: detail, rounds: 1))
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

    /// The retryable cause behind this failure, or nil when trying again later cannot help.
    ///
    /// Retries that ran out (5xx, 408/409/429, connection drops, timeouts, malformed or cut answers) and an
    /// endpoint that refused every connection are transient; credentials, 4xx, `context_length_exceeded` and a
    /// server wait longer than `maxServerWait` are not. ``RetryPolicy/finalRoundCause(of:)`` is the public entry.
    var transientCause: RetryPolicy.Cause? {
        switch code {
        case .retriesExhausted(_, _, let cause, _): return cause
        case .endpointUnreachable: return .connectionFailed
        case .malformedResponse: return .malformedResponse
        default: return nil
        }
    }

    /// The attempts made before giving up, over every round, when the failure came from running out of them.
    public var attempts: Int? {
        switch code {
        case .retriesExhausted(let attempts, _, _, _), .endpointUnreachable(let attempts, _, _): return attempts
        default: return nil
        }
    }

    /// The same failure counted over several rounds: `earlierAttempts` more attempts, made in `earlierRounds`
    /// rounds before this one. Other failures are returned unchanged.
    func afterEarlierRounds(attempts earlierAttempts: Int, rounds earlierRounds: Int) -> AIServiceError {
        switch code {
        case .retriesExhausted(let attempts, let last, let cause, let rounds):
            return AIServiceError(
                .retriesExhausted(
                    attempts: attempts + earlierAttempts, last: last, cause: cause, rounds: rounds + earlierRounds))
        case .endpointUnreachable(let attempts, let detail, let rounds):
            return AIServiceError(
                .endpointUnreachable(
                    attempts: attempts + earlierAttempts, detail: detail, rounds: rounds + earlierRounds))
        default:
            return self
        }
    }

    private static func overRounds(_ rounds: Int) -> String { rounds > 1 ? " over \(rounds) rounds" : "" }

    private static func attemptCount(_ count: Int) -> String { count == 1 ? "1 attempt" : "\(count) attempts" }

    /// A label without associated values, for metrics.
    public var shortDescription: String {
        switch code {
        case .requestExceedsRateLimit: return "request_exceeds_rate_limit"
        case .authenticationFailed: return "authentication_failed"
        case .notFound: return "not_found"
        case .badRequest: return "bad_request"
        case .contextLengthExceeded: return "context_length_exceeded"
        case .promptExceedsServerWindow: return "prompt_exceeds_server_window"
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
        case .promptExceedsServerWindow(let model, let window, let serverPrompt, let planned):
            let counted = serverPrompt.map { "\($0) tokens by the server's count, \(planned) by docgen's" }
            return "The prompt (\(counted ?? "\(planned) tokens")) does not fit the server's \(window)-token window "
                + "for \(model), even after re-fitting it to that window; lower --completion-tokens or "
                + "--max-source-lines, or give the server a larger context (llama.cpp: -c)."
        case .retriesExhausted(let attempts, let last, _, let rounds):
            return "Gave up after \(Self.attemptCount(attempts))\(Self.overRounds(rounds)); last failure: \(last)"
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
        case .endpointUnreachable(let attempts, let detail, let rounds):
            return "Gave up after \(Self.attemptCount(attempts))\(Self.overRounds(rounds)): \(detail)"
        }
    }
}
