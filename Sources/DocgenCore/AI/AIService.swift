public import DocgenBase
public import DocgenTokens
import Foundation
public import Logging
import Synchronization

/// The client every model call goes through: planned requests, retries, rate limiting and usage accounting.
///
/// - Every request carries a ``BudgetPlan``: prompt + `max_tokens` fits the window before anything is sent.
/// - A 400 `context_length_exceeded` is re-planned once against the server's own numbers (its window and its
///   prompt count); the same doomed request is never sent twice.
/// - Failures are classified by ``RetryPolicy`` alone; waits honour `retry-after-ms`/`retry-after`, otherwise
///   exponential backoff with full jitter. A 429 pauses the shared ``RateLimiter`` so no concurrent request
///   reaches the endpoint before the server's wait has passed.
/// - 401/403 fail at once with an error naming the provider and the variable to check, never the key.
/// - A streamed request whose stream is cut twice is asked once more without streaming (same body except
///   `stream`), outside the retry budget; ``ChatCompletionResult/streamFallbacks`` reports it.
/// - The longest server-requested wait seen is remembered (``serverWaitRemaining()``), so a final round over
///   failed modules starts no earlier than the server asked.
///
/// Generic over the clock so tests drive time by hand (`TestClock`); production passes `ContinuousClock()`.
///
/// ```swift
/// let service = AIService(configuration: .init(provider: provider), transport: CurlTransport(),
///                         rateLimiter: limiter, clock: ContinuousClock(), logger: logger)
/// let result = try await service.complete(request, budget: budget, counter: encoding)
/// ```
public struct AIService<C: Clock>: Sendable where C.Duration == Duration {
    /// How the service talks to its provider.
    public struct Configuration: Sendable {
        /// Endpoint and credentials.
        public var provider: ProviderConfiguration
        /// Retry and backoff rules.
        public var retry: RetryPolicy
        /// The total time allowed for one HTTP exchange.
        public var requestTimeout: Duration
        /// The `User-Agent` header.
        public var userAgent: String

        /// Creates a configuration.
        public init(
            provider: ProviderConfiguration,
            retry: RetryPolicy = RetryPolicy(),
            requestTimeout: Duration = .seconds(120),
            userAgent: String = "docgen"
        ) {
            self.provider = provider
            self.retry = retry
            self.requestTimeout = requestTimeout
            self.userAgent = userAgent
        }
    }

    /// A streamed-answer event for ``complete(_:budget:counter:file:onEvent:)``.
    public enum StreamEvent: Sendable, Equatable {
        /// New answer text.
        case delta(String)
        /// A retry starts over: discard the text received so far.
        case restart
    }

    let configuration: Configuration
    let transport: any HTTPTransport
    let rateLimiter: RateLimiter<C>
    let metrics: MetricsCollector?
    let clock: C
    let logger: Logger
    let random: LockedRandom
    let serverWaits: LatestInstant<C.Instant>

    /// Creates a service.
    ///
    /// - Parameters:
    ///   - configuration: Provider, retries, timeout.
    ///   - transport: The HTTP transport (`CurlTransport` in production).
    ///   - rateLimiter: The limiter shared by every request to this endpoint.
    ///   - metrics: Where to record usage, latency and retries, or nil.
    ///   - clock: The clock for waits.
    ///   - logger: Receives `debug` messages; prompts and keys are never logged.
    ///   - randomNumberGenerator: The jitter source (seed it in tests).
    public init(
        configuration: Configuration,
        transport: any HTTPTransport,
        rateLimiter: RateLimiter<C>,
        metrics: MetricsCollector? = nil,
        clock: C,
        logger: Logger,
        randomNumberGenerator: some RandomNumberGenerator & Sendable = SystemRandomNumberGenerator()
    ) {
        self.configuration = configuration
        self.transport = transport
        self.rateLimiter = rateLimiter
        self.metrics = metrics
        self.clock = clock
        self.logger = logger
        self.random = LockedRandom(randomNumberGenerator)
        self.serverWaits = LatestInstant()
    }

    /// Sends one planned request, retrying and re-planning as needed.
    ///
    /// - Parameters:
    ///   - request: The planned request.
    ///   - budget: The budget the plan came from, used to re-plan after `context_length_exceeded`.
    ///   - counter: The model's encoding, to count the answer when the server reports no usage.
    ///   - file: A label for logs and metrics (the file path).
    ///   - onEvent: Receives streamed text as it arrives (streaming requests only).
    /// - Returns: The answer, usage, retries and cost.
    /// - Throws: ``AIServiceError`` for final failures; `CancellationError` when cancelled.
    public func complete(
        _ request: ChatCompletionRequest,
        budget: TokenBudget,
        counter: any Tokenizer,
        file: String = "",
        onEvent: (@Sendable (StreamEvent) -> Void)? = nil
    ) async throws -> ChatCompletionResult {
        var state = AttemptState(plan: request.plan, start: clock.now)
        state.file = file
        var logger = self.logger
        logger[metadataKey: "docgen.module"] = .string(file)
        logger[metadataKey: "docgen.provider"] = .string(configuration.provider.kind.rawValue)
        do {
            let result = try await run(
                request, budget: budget, counter: counter, state: &state, logger: logger, onEvent: onEvent)
            await metrics?.recordRequest(
                file: file, promptTokens: result.promptTokens, completionTokens: result.completionTokens,
                costUSD: result.costUSD ?? 0, latencyMilliseconds: result.latency.secondsDouble * 1000,
                retries: result.retries, lengthLimited: result.isLengthLimited, streamFallbacks: result.streamFallbacks)
            await recordUsageCheck(result, request: request, budget: budget, file: file)
            return result
        } catch {
            await metrics?.recordFailedRetries(
                file: file, retries: state.retries, streamFallbacks: state.streamFallbacks)
            throw error
        }
    }

    struct AttemptState {
        var plan: BudgetPlan
        let start: C.Instant
        var attempts = 0
        var retriesSoFar = 0
        var retries: [RetryPolicy.Cause: Int] = [:]
        var replanned = false
        var file = ""
        /// Streamed attempts of this request that ended before `[DONE]`.
        var cutStreams = 0
        /// Whether the next attempt is the one non-streamed fallback.
        var fallbackPending = false
        /// Non-streamed fallbacks sent (0 or 1).
        var streamFallbacks = 0
    }

    private func run(
        _ request: ChatCompletionRequest,
        budget: TokenBudget,
        counter: any Tokenizer,
        state: inout AttemptState,
        logger: Logger,
        onEvent: (@Sendable (StreamEvent) -> Void)?
    ) async throws -> ChatCompletionResult {
        let provider = configuration.provider
        while true {
            try Task.checkCancellation()
            try await rateLimiter.acquire(tokens: state.plan.reservedPromptTokens + state.plan.maxCompletionTokens)
            state.attempts += 1
            if state.attempts > 1, request.stream { onEvent?(.restart) }
            // The fallback after two cut streams: the same body without `stream` (and its `stream_options`).
            var sent = request
            if state.fallbackPending {
                sent.stream = false
                state.fallbackPending = false
                state.streamFallbacks += 1
            }
            var attemptLogger = logger
            attemptLogger[metadataKey: "docgen.attempt"] = .string(String(state.attempts))
            attemptLogger[metadataKey: "docgen.tokens.prompt"] = .string(String(state.plan.promptTokens))
            attemptLogger[metadataKey: "docgen.tokens.max_completion"] = .string(String(state.plan.maxCompletionTokens))
            attemptLogger.debug("sending chat completion")
            if sent.stream != request.stream { attemptLogger.debug("asking once without streaming") }
            let httpRequest = try sent.makeHTTPRequest(
                plan: state.plan, provider: provider, userAgent: configuration.userAgent)
            let outcome = await attempt(httpRequest, stream: sent.stream, onEvent: onEvent)
            let failure: RetryPolicy.Failure
            switch outcome {
            case .answer(let parsed, let headers):
                await rateLimiter.update(from: headers)
                if sent.stream != request.stream, !parsed.text.isEmpty { onEvent?(.delta(parsed.text)) }
                return makeResult(parsed, request: request, counter: counter, budget: budget, state: state)
            case .cancelled:
                throw CancellationError()
            case .failed(let transportError):
                if transportError.kind == .invalidRequest { throw AIServiceError.transport(transportError) }
                failure = .transport(transportError)
            case .malformed:
                failure = .malformedResponse
            case .streamCut:
                state.cutStreams += 1
                failure = .streamCut
            case .status(let status, let headers, let body):
                await rateLimiter.update(from: headers)
                noteServerWait(status: status, headers: headers)
                let errorBody = redacted(OpenAIErrorBody.parse(body))
                if status == 400 || status == 413, let errorBody, errorBody.isContextLengthExceeded {
                    state.plan = try replan(after: errorBody, request: request, budget: budget, state: state)
                    state.replanned = true
                    state.retries[.contextReplanned, default: 0] += 1
                    attemptLogger.debug(
                        "re-planned after context_length_exceeded",
                        metadata: ["docgen.tokens.max_completion": .string(String(state.plan.maxCompletionTokens))])
                    continue
                }
                try throwIfFinal(status: status, errorBody: errorBody, request: request)
                failure = .status(status, headers)
            }
            try await wait(after: failure, state: &state, logger: attemptLogger)
        }
    }

    private func throwIfFinal(status: Int, errorBody: OpenAIErrorBody?, request: ChatCompletionRequest) throws {
        let provider = configuration.provider
        let message = errorBody?.message ?? ""
        switch status {
        case 401, 403:
            throw AIServiceError.authenticationFailed(
                provider: provider.kind.rawValue, status: status, variable: provider.credentialVariable)
        case 404:
            let what =
                provider.kind == .azure ? "deployment '\(provider.deployment ?? "")'" : "model '\(request.modelName)'"
            throw AIServiceError.notFound(
                provider: provider.kind.rawValue, what: what, path: provider.chatCompletionsPath)
        case 400, 410...428, 430...499:
            throw AIServiceError.badRequest(status: status, message: message.isEmpty ? "(no message)" : message)
        default:
            return
        }
    }

    /// The error body with the API key taken out of its message: every error that quotes the server's message
    /// (a final 4xx, a refused re-plan) reads it from here.
    private func redacted(_ errorBody: OpenAIErrorBody?) -> OpenAIErrorBody? {
        guard var errorBody, let credentials = configuration.provider.credentials else { return errorBody }
        errorBody.message = credentials.redact(errorBody.message)
        return errorBody
    }

    private func replan(
        after error: OpenAIErrorBody,
        request: ChatCompletionRequest,
        budget: TokenBudget,
        state: AttemptState
    ) throws -> BudgetPlan {
        let model = request.plan.modelID
        guard !state.replanned else {
            throw AIServiceError.contextLengthExceeded(
                model: model, detail: "the server refused the re-planned request: \(error.message)")
        }
        guard let numbers = error.contextLengthNumbers else {
            throw AIServiceError.contextLengthExceeded(
                model: model, detail: "the server's message has no token figures: \(error.message)")
        }
        var profile = budget.model
        profile.contextWindowTokens = min(profile.contextWindowTokens, numbers.contextWindow)
        profile.maxOutputTokens = min(profile.maxOutputTokens, profile.contextWindowTokens)
        // The server's prompt count is exact for its tokenizer: plan with it, no estimate margin on top.
        profile.countAccuracy = .exact
        let serverPrompt = numbers.promptTokens ?? state.plan.promptTokens
        let promptTokens = max(serverPrompt, state.plan.promptTokens)
        do {
            let adjusted = try TokenBudget(
                model: profile, requestedCompletionTokens: budget.requestedCompletionTokens,
                safetyMarginTokens: budget.safetyMarginTokens, minimumCompletionTokens: budget.minimumCompletionTokens)
            let plan = try adjusted.plan(promptTokens: promptTokens, isEstimate: state.plan.isEstimate)
            guard plan != state.plan else {
                throw AIServiceError.contextLengthExceeded(
                    model: model, detail: "re-planning gives the same request: \(error.message)")
            }
            return plan
        } catch let budgetError as TokenBudgetError {
            throw AIServiceError.contextLengthExceeded(model: model, detail: budgetError.description)
        }
    }

    private func makeResult(
        _ parsed: ChatCompletionResponse.Parsed,
        request: ChatCompletionRequest,
        counter: any Tokenizer,
        budget: TokenBudget,
        state: AttemptState
    ) -> ChatCompletionResult {
        let fromServer = parsed.promptTokens != nil && parsed.completionTokens != nil
        let promptTokens = parsed.promptTokens ?? state.plan.promptTokens
        let completionTokens = parsed.completionTokens ?? counter.countTokens(in: parsed.text)
        let cost = CostEstimator().estimate(
            promptTokens: promptTokens, completionTokens: completionTokens, for: budget.model)
        return ChatCompletionResult(
            text: parsed.text, finishReason: parsed.finishReason, promptTokens: promptTokens,
            completionTokens: completionTokens, usageFromServer: fromServer, plan: state.plan, attempts: state.attempts,
            retries: state.retries, latency: state.start.duration(to: clock.now), costUSD: cost?.totalUSD,
            streamFallbacks: state.streamFallbacks)
    }
}

/// A random number generator shared by concurrent requests.
final class LockedRandom: Sendable {
    private let generator: Mutex<any RandomNumberGenerator & Sendable>

    init(_ generator: some RandomNumberGenerator & Sendable) {
        self.generator = Mutex(generator)
    }

    func withGenerator<T>(_ body: (inout any RandomNumberGenerator & Sendable) -> T) -> T {
        generator.withLock { body(&$0) }
    }
}
