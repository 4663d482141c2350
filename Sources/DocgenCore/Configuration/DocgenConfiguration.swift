/// Everything a docgen run is configured with, resolved from defaults, `.docgen.yml`, the environment and flags.
///
/// A `Sendable` value with defaults in `init()` and nested structs, like AHC's `HTTPClient.Configuration`.
/// Library code receives it through initializers and never reads the environment or files itself.
///
/// ```swift
/// let file = try ConfigurationLayer.fromYAML(text, path: ".docgen.yml")
/// let env = try ConfigurationLayer.fromEnvironment(ProcessInfo.processInfo.environment)
/// let configuration = try DocgenConfiguration(layers: [file, env, flags])
/// ```
public struct DocgenConfiguration: Sendable, Equatable {
    /// Prompt sizing, in tokens and lines.
    public struct Prompt: Sendable, Equatable {
        /// The completion size to ask for (tokens), capped by the model's output limit and its window.
        public var completionTokens: Int = 2_048
        /// Tokens kept free between prompt + `max_tokens` and the window.
        public var safetyMargin: Int = 32
        /// The smallest useful completion (tokens); a prompt leaving less is cut or split.
        public var minimumCompletionTokens: Int = 512
        /// The most source lines put in one prompt, or nil for no line cap.
        public var maxSourceLines: Int?
        /// The most of the prompt budget the repository context (neighbours' summaries, used-by) may take, in
        /// percent (0 turns it off).
        public var contextPercent: Int = 25

        /// Creates the defaults.
        public init() {}
    }

    /// A run's hard budget (nil: no cap).
    public struct Budget: Sendable, Equatable {
        /// The most the run may cost, in USD (worst case reserved before each request).
        public var maxCostUSD: Double?
        /// The most prompt + completion tokens the run may use.
        public var maxTokensTotal: Int?

        /// Whether any cap is set.
        public var isCapped: Bool { maxCostUSD != nil || maxTokensTotal != nil }
    }

    /// Where and what to write.
    public struct Output: Sendable, Equatable {
        /// The output folder, relative to the working directory.
        public var directory: String = "docs_output"
        /// Whether to render the HTML site.
        public var html: Bool = true
        /// Which modules the index and the site list apart as tests, examples and generated code.
        public var grouping = SiteGrouping()
    }

    /// Repository scanning.
    public struct Scan: Sendable, Equatable {
        /// Files larger than this many bytes are skipped.
        public var maxFileSize: Int = 2_000_000
        /// Extra gitignore-style patterns to skip.
        public var exclude: [String] = []
    }

    /// The folder (or file) holding the tree-sitter grammar library, or nil for docgen's default folders.
    public var grammars: String?
    /// The provider, or nil to choose from the credentials found (offline when none).
    public var provider: ProviderKind?
    /// Base URL and Azure settings that override the environment.
    public var providerSettings = ProviderConfiguration.Settings()
    /// The model name as sent in requests (for Azure, the registry model behind the deployment).
    public var model: String = "gpt-4o-mini"
    /// Models added or overridden by configuration, by name.
    public var customModels: [String: CustomModelSettings] = [:]
    /// Prompt sizing.
    public var prompt = Prompt()
    /// Retries and backoff.
    public var retry = RetryPolicy()
    /// Final rounds over modules that failed only for transient causes, each with a fresh retry budget, after
    /// a pause and at lower concurrency (0 turns them off; at most 10).
    public var retryFailedRounds: Int = 1
    /// Client-side rate limits.
    public var rateLimit = RateLimits()
    /// Requests in flight at once.
    public var concurrency: Int = 4
    /// The total time allowed for one HTTP exchange.
    public var requestTimeout: Duration = .seconds(120)
    /// Output settings.
    public var output = Output()
    /// A folder of `*.mustache` templates overriding the defaults, or nil.
    public var templatesDirectory: String?
    /// Scanning settings.
    public var scan = Scan()
    /// Whether to stream completions.
    public var stream: Bool = false
    /// The run's hard budget: no request starts whose worst case could cross it.
    public var budget = Budget()
    /// Whether secrets are replaced by placeholders before source goes into a prompt (``SecretRedactor``).
    public var redactSecrets: Bool = true
    /// Where each setting that is not a default came from.
    public private(set) var origins: [ConfigurationKey: String] = [:]
    /// Each setting's resolved value, for `docgen config`.
    public private(set) var values: [ConfigurationKey: ConfigurationValue] = [:]

    /// The defaults.
    public init() {}

    /// Merges layers in order, later layers winning (pass file, environment, flags).
    ///
    /// - Throws: ``ConfigurationError`` when a value is invalid.
    public init(layers: [ConfigurationLayer]) throws {
        self.init()
        for layer in layers {
            for (key, value) in layer.values {
                try apply(value, to: key, origin: layer.origin)
                origins[key] = layer.origin
                values[key] = value
            }
            for (name, model) in layer.models { customModels[name] = model }
        }
    }

    /// A copy with changes applied, for call sites that adjust one setting.
    public func with(_ change: (inout DocgenConfiguration) -> Void) -> DocgenConfiguration {
        var copy = self
        change(&copy)
        return copy
    }

    private mutating func apply(_ value: ConfigurationValue, to key: ConfigurationKey, origin: String) throws {
        func integer() -> Int { if case .integer(let number) = value { return number } else { return 0 } }
        func string() -> String { value.description }
        switch key {
        case .provider:
            guard let kind = ProviderKind(rawValue: string().lowercased()) else {
                throw ConfigurationError.invalidValue(
                    key: key.rawValue, value: string(),
                    expected: "one of " + ProviderKind.allCases.map(\.rawValue).joined(separator: ", "),
                    origin: origin)
            }
            provider = kind
        case .model: model = string()
        case .baseURL: providerSettings.baseURL = string()
        case .deployment: providerSettings.deployment = string()
        case .apiVersion: providerSettings.apiVersion = string()
        case .output: output.directory = string()
        case .templates: templatesDirectory = string()
        case .concurrency: concurrency = min(integer(), 64)
        case .completionTokens: prompt.completionTokens = integer()
        case .safetyMargin: prompt.safetyMargin = integer()
        case .minimumCompletionTokens: prompt.minimumCompletionTokens = integer()
        case .maxSourceLines: prompt.maxSourceLines = integer()
        case .contextPercent:
            guard integer() <= 100 else {
                throw ConfigurationError.invalidValue(
                    key: key.rawValue, value: string(), expected: "a percentage from 0 to 100", origin: origin)
            }
            prompt.contextPercent = integer()
        case .maxRetries: retry.maxRetries = integer()
        case .initialBackoffMilliseconds: retry.initialBackoff = .milliseconds(integer())
        case .maxBackoffMilliseconds: retry.maxBackoff = .milliseconds(integer())
        case .retryFailedRounds: retryFailedRounds = min(integer(), 10)
        case .requestsPerMinute: rateLimit.requestsPerMinute = integer()
        case .tokensPerMinute: rateLimit.tokensPerMinute = integer()
        case .timeoutSeconds:
            if case .number(let seconds) = value { requestTimeout = .milliseconds(clamping: seconds * 1000) }
        case .maxFileSize: scan.maxFileSize = integer()
        case .grammars: grammars = string()
        case .exclude:
            if case .list(let patterns) = value { scan.exclude = patterns }
        case .html:
            if case .boolean(let flag) = value { output.html = flag }
        case .siteTests:
            if case .list(let patterns) = value { output.grouping.tests = patterns }
        case .siteExamples:
            if case .list(let patterns) = value { output.grouping.examples = patterns }
        case .siteGenerated:
            if case .list(let patterns) = value { output.grouping.generated = patterns }
        case .stream:
            if case .boolean(let flag) = value { stream = flag }
        case .redact:
            if case .boolean(let flag) = value { redactSecrets = flag }
        case .maxCostUSD:
            if case .number(let usd) = value { budget.maxCostUSD = usd }
            if case .integer(let usd) = value { budget.maxCostUSD = Double(usd) }
        case .maxTokensTotal: budget.maxTokensTotal = integer()
        }
    }

    /// Every setting with its effective value and where it came from (`default` when unset), sorted by key.
    ///
    /// Secrets are not settings: API keys live only in the environment and are shown by the CLI masked.
    public var effectiveSettings: [(key: String, value: String, origin: String)] {
        ConfigurationKey.allCases.sorted().map { key in
            (key.rawValue, values[key]?.description ?? defaultDescription(of: key), origins[key] ?? "default")
        }
    }

    private func defaultDescription(of key: ConfigurationKey) -> String {
        switch key {
        case .provider: return "(detect from credentials; offline when none)"
        case .model: return model
        case .baseURL: return "(provider default)"
        case .deployment, .apiVersion, .templates, .maxSourceLines, .requestsPerMinute, .tokensPerMinute:
            return "(none)"
        case .output: return output.directory
        case .concurrency: return String(concurrency)
        case .completionTokens: return String(prompt.completionTokens)
        case .safetyMargin: return String(prompt.safetyMargin)
        case .minimumCompletionTokens: return String(prompt.minimumCompletionTokens)
        case .contextPercent: return String(prompt.contextPercent)
        case .maxRetries: return String(retry.maxRetries)
        case .initialBackoffMilliseconds: return String(Int(retry.initialBackoff.secondsDouble * 1000))
        case .maxBackoffMilliseconds: return String(Int(retry.maxBackoff.secondsDouble * 1000))
        case .retryFailedRounds: return String(retryFailedRounds)
        case .timeoutSeconds: return String(requestTimeout.secondsDouble)
        case .maxFileSize: return String(scan.maxFileSize)
        case .exclude: return "[]"
        case .grammars: return "(default folders; see scripts/install-deps.sh)"
        case .siteTests: return "[" + output.grouping.tests.joined(separator: ", ") + "]"
        case .siteExamples: return "[" + output.grouping.examples.joined(separator: ", ") + "]"
        case .siteGenerated: return "[" + output.grouping.generated.joined(separator: ", ") + "]"
        case .html: return String(output.html)
        case .stream: return String(stream)
        case .redact: return String(redactSecrets)
        case .maxCostUSD, .maxTokensTotal: return "(no cap)"
        }
    }
}
