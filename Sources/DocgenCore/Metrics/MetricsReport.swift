/// What one run cost and how it went, per file and in total; written as `metrics.json` and `metrics.md`.
public struct MetricsReport: Sendable, Codable, Equatable {
    /// How a file ended.
    public enum Outcome: String, Sendable, Codable, Equatable {
        /// Documented by the model (or the offline writer) in this run.
        case documented
        /// Unchanged since the last run; its page was kept and no request was made.
        case cached
        /// Left out on purpose (for example, no symbols and no source); the reason says why.
        case skipped
        /// Every attempt failed; the reason says why.
        case failed
        /// Not a module: the model-written overview summary of a folder page or of `index.md`. Its requests count
        /// in the totals; the module counts leave it out.
        case overview
    }

    /// One file's figures.
    public struct File: Sendable, Codable, Equatable {
        /// The file's path relative to the repository root.
        public var path: String
        /// How it ended.
        public var outcome: Outcome
        /// Why it was skipped or failed.
        public var reason: String?
        /// Requests sent (successful ones; retries are counted separately).
        public var requests: Int
        /// Prompt tokens (the server's `usage` when given, else docgen's exact count).
        public var promptTokens: Int
        /// Completion tokens (the server's `usage` when given, else counted from the answer).
        public var completionTokens: Int
        /// Estimated cost in USD.
        public var costUSD: Double
        /// Wall time of all its requests, in milliseconds.
        public var latencyMilliseconds: Double
        /// Source lines cut to fit the budget.
        public var truncatedLines: Int
        /// Extra requests needed because the file had to be split (requests − 1 when split).
        public var splits: Int
        /// Retries by cause.
        public var retries: [String: Int]
        /// Answers cut short by the output limit (`finish_reason: length`).
        public var lengthLimitedAnswers: Int
        /// Non-streamed requests sent after two cut streams of the same request.
        public var streamFallbacks: Int
        /// Retries in final rounds, by the cause that failed the file before (also counted in ``retries``).
        public var finalRoundRetries: [String: Int]
        /// The final round (from 1) that documented the file after it had failed, or nil.
        public var recoveredInRound: Int?
        /// The page's checked quality, when the run checked it (nil for cached pages and older reports).
        public var quality: PageQuality?
        /// Secrets replaced in the module's prompts, by kind (nil when none or not redacted).
        public var redactedSecrets: [String: Int]?
        /// Planned versus server prompt tokens and expected versus billed cost (nil without answered requests).
        public var usage: UsageCheck?

        /// Creates an empty record for a file.
        public init(path: String, outcome: Outcome = .documented) {
            self.path = path
            self.outcome = outcome
            self.requests = 0
            self.promptTokens = 0
            self.completionTokens = 0
            self.costUSD = 0
            self.latencyMilliseconds = 0
            self.truncatedLines = 0
            self.splits = 0
            self.retries = [:]
            self.lengthLimitedAnswers = 0
            self.streamFallbacks = 0
            self.finalRoundRetries = [:]
            self.recoveredInRound = nil
        }
    }

    /// Totals over every file.
    public struct Totals: Sendable, Codable, Equatable {
        /// Files in the report.
        public var files: Int
        /// Files documented in the run.
        public var documented: Int
        /// Files unchanged since the last run (no request made).
        public var cached: Int
        /// Files left out on purpose.
        public var skipped: Int
        /// Files whose every attempt failed.
        public var failed: Int
        /// Successful requests.
        public var requests: Int
        /// Prompt tokens over every request.
        public var promptTokens: Int
        /// Completion tokens over every request.
        public var completionTokens: Int
        /// Estimated cost in USD.
        public var costUSD: Double
        /// Retries by cause (``RetryPolicy/Cause`` raw values).
        public var retries: [String: Int]
        /// Retries in all.
        public var retryCount: Int
        /// Files whose source was cut to fit.
        public var truncatedFiles: Int
        /// Files that needed more than one request.
        public var splitFiles: Int
        /// Non-streamed fallbacks after two cut streams.
        public var streamFallbacks: Int
        /// Retries in final rounds by cause (a subset of ``retries``).
        public var finalRoundRetries: [String: Int]
        /// Files documented in a final round after failing for a transient cause.
        public var recoveredFiles: Int
        /// The median request latency in milliseconds (nil without requests).
        public var latencyP50Milliseconds: Double?
        /// The 95th-percentile request latency in milliseconds (nil without requests).
        public var latencyP95Milliseconds: Double?
        /// The run's wall time in milliseconds.
        public var wallMilliseconds: Double
        /// Secrets replaced over every module (nil when none).
        public var redactedSecrets: Int?
        /// Modules with replaced secrets (nil when none).
        public var redactedModules: Int?
        /// Estimate versus actual over every module (nil without answered requests).
        public var usage: UsageCheck?

        // JSON keeps the names users depend on (`modules`, `truncated_modules`, `split_modules`).
        private enum CodingKeys: String, CodingKey {
            case files = "modules"
            case documented, cached, skipped, failed, requests, promptTokens, completionTokens
            case costUSD, retries, retryCount
            case truncatedFiles = "truncatedModules"
            case splitFiles = "splitModules"
            case streamFallbacks, finalRoundRetries
            case recoveredFiles = "recoveredModules"
            case latencyP50Milliseconds, latencyP95Milliseconds, wallMilliseconds
            case redactedSecrets, redactedModules, usage
        }
    }

    /// The model the run used.
    public var model: String
    /// The provider the run used.
    public var provider: String
    /// Per file, sorted by path.
    public var files: [File]
    /// Totals.
    public var totals: Totals
    /// Every request's latency in milliseconds, so sharded reports can be merged with correct percentiles
    /// (nil in reports written before this field existed).
    public var requestLatenciesMilliseconds: [Double]?
    /// Truthfulness and completeness of the pages checked in the run (nil when no page was checked).
    public var quality: QualitySummary?

    private enum CodingKeys: String, CodingKey {
        case model, provider
        case files = "modules"
        case totals, requestLatenciesMilliseconds, quality
    }

    /// Creates a report from file records and request latencies.
    ///
    /// - Parameters:
    ///   - model: The model name.
    ///   - provider: The provider name.
    ///   - files: File records in any order.
    ///   - requestLatencies: Every request's latency in milliseconds, for the percentiles.
    ///   - wallMilliseconds: The run's wall time.
    public init(
        model: String,
        provider: String,
        files: [File],
        requestLatencies: [Double],
        wallMilliseconds: Double
    ) {
        self.model = model
        self.provider = provider
        self.requestLatenciesMilliseconds = requestLatencies
        self.files = files.sorted { $0.path < $1.path }
        var retries: [String: Int] = [:]
        var finalRoundRetries: [String: Int] = [:]
        for file in files {
            for (cause, count) in file.retries { retries[cause, default: 0] += count }
            for (cause, count) in file.finalRoundRetries { finalRoundRetries[cause, default: 0] += count }
        }
        self.totals = Totals(
            files: files.filter { $0.outcome != .overview }.count,
            documented: files.filter { $0.outcome == .documented }.count,
            cached: files.filter { $0.outcome == .cached }.count,
            skipped: files.filter { $0.outcome == .skipped }.count,
            failed: files.filter { $0.outcome == .failed }.count,
            requests: files.reduce(0) { $0 + $1.requests },
            promptTokens: files.reduce(0) { $0 + $1.promptTokens },
            completionTokens: files.reduce(0) { $0 + $1.completionTokens },
            costUSD: files.reduce(0) { $0 + $1.costUSD },
            retries: retries,
            retryCount: retries.values.reduce(0, +),
            truncatedFiles: files.filter { $0.truncatedLines > 0 }.count,
            splitFiles: files.filter { $0.splits > 0 }.count,
            streamFallbacks: files.reduce(0) { $0 + $1.streamFallbacks },
            finalRoundRetries: finalRoundRetries,
            recoveredFiles: files.filter { $0.recoveredInRound != nil && $0.outcome == .documented }.count,
            latencyP50Milliseconds: Self.percentile(requestLatencies, 0.50),
            latencyP95Milliseconds: Self.percentile(requestLatencies, 0.95),
            wallMilliseconds: wallMilliseconds
        )
        let checked = self.files.compactMap { file in file.quality.map { (path: file.path, quality: $0) } }
        self.quality = checked.isEmpty ? nil : QualitySummary(pages: checked)
        totalGuardFigures()
    }

    /// The nearest-rank percentile of `values` (`fraction` in 0...1), or nil when empty.
    public static func percentile(_ values: [Double], _ fraction: Double) -> Double? {
        guard !values.isEmpty, fraction.isFinite else { return nil }
        let sorted = values.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }
}

extension MetricsReport.File {
    /// Reads a file record, accepting reports written before the final-round, fallback and quality fields existed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(path: try container.decode(String.self, forKey: .path))
        outcome = try container.decode(MetricsReport.Outcome.self, forKey: .outcome)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
        requests = try container.decode(Int.self, forKey: .requests)
        promptTokens = try container.decode(Int.self, forKey: .promptTokens)
        completionTokens = try container.decode(Int.self, forKey: .completionTokens)
        costUSD = try container.decode(Double.self, forKey: .costUSD)
        latencyMilliseconds = try container.decode(Double.self, forKey: .latencyMilliseconds)
        truncatedLines = try container.decode(Int.self, forKey: .truncatedLines)
        splits = try container.decode(Int.self, forKey: .splits)
        retries = try container.decode([String: Int].self, forKey: .retries)
        lengthLimitedAnswers = try container.decode(Int.self, forKey: .lengthLimitedAnswers)
        streamFallbacks = try container.decodeIfPresent(Int.self, forKey: .streamFallbacks) ?? 0
        finalRoundRetries = try container.decodeIfPresent([String: Int].self, forKey: .finalRoundRetries) ?? [:]
        recoveredInRound = try container.decodeIfPresent(Int.self, forKey: .recoveredInRound)
        quality = try container.decodeIfPresent(PageQuality.self, forKey: .quality)
        redactedSecrets = try container.decodeIfPresent([String: Int].self, forKey: .redactedSecrets)
        usage = try container.decodeIfPresent(UsageCheck.self, forKey: .usage)
    }
}

extension MetricsReport.Totals {
    /// Reads totals, accepting reports written before the final-round and fallback fields existed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            files: try container.decode(Int.self, forKey: .files),
            documented: try container.decode(Int.self, forKey: .documented),
            cached: try container.decode(Int.self, forKey: .cached),
            skipped: try container.decode(Int.self, forKey: .skipped),
            failed: try container.decode(Int.self, forKey: .failed),
            requests: try container.decode(Int.self, forKey: .requests),
            promptTokens: try container.decode(Int.self, forKey: .promptTokens),
            completionTokens: try container.decode(Int.self, forKey: .completionTokens),
            costUSD: try container.decode(Double.self, forKey: .costUSD),
            retries: try container.decode([String: Int].self, forKey: .retries),
            retryCount: try container.decode(Int.self, forKey: .retryCount),
            truncatedFiles: try container.decode(Int.self, forKey: .truncatedFiles),
            splitFiles: try container.decode(Int.self, forKey: .splitFiles),
            streamFallbacks: try container.decodeIfPresent(Int.self, forKey: .streamFallbacks) ?? 0,
            finalRoundRetries: try container.decodeIfPresent([String: Int].self, forKey: .finalRoundRetries) ?? [:],
            recoveredFiles: try container.decodeIfPresent(Int.self, forKey: .recoveredFiles) ?? 0,
            latencyP50Milliseconds: try container.decodeIfPresent(Double.self, forKey: .latencyP50Milliseconds),
            latencyP95Milliseconds: try container.decodeIfPresent(Double.self, forKey: .latencyP95Milliseconds),
            wallMilliseconds: try container.decode(Double.self, forKey: .wallMilliseconds))
        redactedSecrets = try container.decodeIfPresent(Int.self, forKey: .redactedSecrets)
        redactedModules = try container.decodeIfPresent(Int.self, forKey: .redactedModules)
        usage = try container.decodeIfPresent(UsageCheck.self, forKey: .usage)
    }
}
