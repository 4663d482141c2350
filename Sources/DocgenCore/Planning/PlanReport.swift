import DocgenBase
public import DocgenTokens
public import Foundation

/// The token plan of a whole repository, as `docgen plan` / `docgen --dry-run` prints it: one row per file and
/// the totals over all of them.
///
/// ```swift
/// let report = await PlanReport.make(files: files, skipped: [], manager: manager, profile: profile,
///                                    modelName: "gpt-4o")
/// print(report.table)                  // or report.jsonData()
/// report.totals.failedFiles            // files that cannot fit even when split
/// ```
public struct PlanReport: Sendable, Encodable, Equatable {
    /// One file's plan.
    public struct File: Sendable, Encodable, Equatable {
        /// The path relative to the repository root.
        public var path: String
        /// `Python` or `Swift`.
        public var language: String
        /// Symbols in the file.
        public var symbols: Int
        /// Lines in the file.
        public var sourceLines: Int
        /// Prompt tokens over the file's requests.
        public var promptTokens: Int
        /// Prompt tokens of the repository context (neighbours' summaries) in the file's prompt.
        public var contextTokens = 0
        /// The planned `max_tokens` over the file's requests.
        public var maxCompletionTokens: Int
        /// Source lines cut to fit.
        public var truncatedLines: Int
        /// Requests the file needs.
        public var requests: Int
        /// The most the file can cost, in USD (nil without prices).
        public var estimatedCostUsd: Double?
        /// Why the file cannot be planned (it does not fit even when split), or nil.
        public var error: String?
        /// The expected cost in USD: the prompt plus the expected completion (nil without prices or expectation).
        public var expectedCostUsd: Double?
        /// The worst-case repair request (one per file unless repairs are off): its prompt tokens.
        public var repairPromptTokens = 0
        /// The worst-case repair request's `max_tokens`.
        public var repairMaxCompletionTokens = 0
        /// The worst-case repair request's cost in USD (nil without prices or without a repair).
        public var repairCostUsd: Double?

        // JSON keeps `max_tokens`.
        private enum CodingKeys: String, CodingKey {
            case path, language, symbols, sourceLines, promptTokens, contextTokens
            case maxCompletionTokens = "maxTokens"
            case truncatedLines
            case requests, estimatedCostUsd, expectedCostUsd, error
            case repairPromptTokens
            case repairMaxCompletionTokens = "repairMaxTokens"
            case repairCostUsd
        }

        /// Creates a row.
        public init(
            path: String, language: String, symbols: Int, sourceLines: Int, promptTokens: Int,
            maxCompletionTokens: Int, truncatedLines: Int, requests: Int, estimatedCostUsd: Double?,
            error: String? = nil
        ) {
            self.path = path
            self.language = language
            self.symbols = symbols
            self.sourceLines = sourceLines
            self.promptTokens = promptTokens
            self.maxCompletionTokens = maxCompletionTokens
            self.truncatedLines = truncatedLines
            self.requests = requests
            self.estimatedCostUsd = estimatedCostUsd
            self.error = error
        }
    }

    /// The plan plus one worst-case repair request per file: the most a run can send and cost.
    public struct WorstCase: Sendable, Encodable, Equatable {
        /// Requests, repairs included.
        public var requests: Int
        /// Prompt tokens, repairs included.
        public var promptTokens: Int
        /// `max_tokens`, repairs included.
        public var maxCompletionTokens: Int
        /// The most it can cost in USD (nil when any file has no prices).
        public var estimatedCostUsd: Double?

        private enum CodingKeys: String, CodingKey {
            case requests, promptTokens
            case maxCompletionTokens = "maxTokens"
            case estimatedCostUsd
        }

        /// The worst case of some rows: each plannable file's requests plus its repair request.
        public init(of files: [File], totalCost: Double?) {
            let fitting = files.filter { $0.error == nil }
            let repairCosts = fitting.map(\.repairCostUsd)
            requests = fitting.reduce(0) { $0 + $1.requests + ($1.repairMaxCompletionTokens > 0 ? 1 : 0) }
            promptTokens = fitting.reduce(0) { $0 + $1.promptTokens + $1.repairPromptTokens }
            maxCompletionTokens = fitting.reduce(0) { $0 + $1.maxCompletionTokens + $1.repairMaxCompletionTokens }
            estimatedCostUsd = totalCost.flatMap { total in
                repairCosts.contains { $0 == nil } ? nil : total + repairCosts.reduce(0) { $0 + ($1 ?? 0) }
            }
        }
    }

    /// Totals over every file.
    public struct Totals: Sendable, Encodable, Equatable {
        /// Files in the plan.
        public var files: Int
        /// Requests over every file.
        public var requests: Int
        /// Prompt tokens over every file.
        public var promptTokens: Int
        /// Prompt tokens of repository context over every file.
        public var contextTokens: Int
        /// The planned `max_tokens` over every file.
        public var maxCompletionTokens: Int
        /// The most the run can cost, in USD: nil when any planned file has no prices.
        public var estimatedCostUsd: Double?
        /// Files whose source was cut to fit.
        public var truncatedFiles: Int
        /// Files that need more than one request.
        public var splitFiles: Int
        /// Files that cannot fit even when split.
        public var failedFiles: Int
        /// With one repair request per file (nil when repairs are off).
        public var worstCaseWithRepairs: WorstCase?
        /// Every request (repairs included) sent the most times the retry policy allows, final rounds included
        /// (nil without retry settings).
        public var worstCaseRequests: Int?
        /// The estimated cost if every one of those sends were billed in full (nil without prices or settings).
        public var worstCaseCostUsd: Double?

        // JSON keeps the names users depend on (`modules`, `max_tokens`, `*_modules`).
        private enum CodingKeys: String, CodingKey {
            case files = "modules"
            case requests, promptTokens, contextTokens
            case maxCompletionTokens = "maxTokens"
            case estimatedCostUsd
            case truncatedFiles = "truncatedModules"
            case splitFiles = "splitModules"
            case failedFiles = "failedModules"
            case worstCaseWithRepairs
            case worstCaseRequests, worstCaseCostUsd
        }

        /// The totals of some rows. Files that cannot be planned count in ``failedFiles`` only; the cost is nil
        /// when any plannable file has no price.
        public init(of files: [File]) {
            let planned = files.filter { $0.error == nil }
            let costs = planned.map(\.estimatedCostUsd)
            self.files = files.count
            requests = files.reduce(0) { $0 + $1.requests }
            promptTokens = files.reduce(0) { $0 + $1.promptTokens }
            contextTokens = files.reduce(0) { $0 + $1.contextTokens }
            maxCompletionTokens = files.reduce(0) { $0 + $1.maxCompletionTokens }
            estimatedCostUsd = costs.contains { $0 == nil } ? nil : costs.reduce(0) { $0 + ($1 ?? 0) }
            truncatedFiles = files.filter { $0.truncatedLines > 0 }.count
            splitFiles = files.filter { $0.requests > 1 }.count
            failedFiles = files.count - planned.count
        }
    }

    /// A file the scan skipped, with the reason.
    public struct ScanSkip: Sendable, Encodable, Equatable {
        /// The path relative to the repository root.
        public var path: String
        /// Why it was skipped.
        public var reason: String

        /// Creates a skipped entry.
        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// The model name as configured.
    public var model: String
    /// The model's encoding.
    public var encoding: String
    /// The model's context window in tokens.
    public var contextWindow: Int
    /// The model's output limit in tokens.
    public var maxOutputTokens: Int
    /// Prompt tokens available per request.
    public var promptBudget: Int
    /// Whether counts are estimates (a model without a tiktoken encoding).
    public var countIsEstimate: Bool
    /// The rows, in path order.
    public var files: [File]
    /// The totals, always those of ``files``.
    public var totals: Totals
    /// Files the scan skipped.
    public var skipped: [ScanSkip]
    /// The retry settings behind ``Totals/worstCaseRequests`` (nil when the report was made without them).
    public var retry: Retry?
    /// How prompts were counted, when not with the model's own encoding: "the server's tokenizer (…)" or
    /// "estimate: cl100k × 1.10 (no server tokenizer)".
    public var counting: String?
    /// The model-written overview summaries sent after the modules (in the totals); see ``applySummaries(_:)``.
    public var summaries: [Summary] = []
    /// Secrets replaced before planning, by module path and kind (nil when none or redaction is off).
    public var redactedSecrets: [String: [String: Int]]?
    /// How the prompt counts were calibrated against the server (nil for exact models).
    public var calibration: String?
    /// The expected cost next to the worst case, and what a budget cap allows (nil without an expectation).
    public var expectation: Expectation?

    private enum CodingKeys: String, CodingKey {
        case model, encoding, contextWindow, maxOutputTokens, promptBudget, countIsEstimate
        case files = "modules"
        case totals, retry, expectation, calibration, redactedSecrets
        case skipped, counting
        case summaries
    }

    /// Creates a report; the totals are computed from `files`.
    public init(
        model: String, profile: ModelProfile, promptBudget: Int, files: [File], skipped: [ScanSkip]
    ) {
        self.model = model
        self.encoding = profile.encodingName
        self.contextWindow = profile.contextWindowTokens
        self.maxOutputTokens = profile.maxOutputTokens
        self.promptBudget = promptBudget
        self.countIsEstimate = profile.isEstimate
        self.files = files
        self.totals = Totals(of: files)
        self.skipped = skipped
    }

    /// Plans every file in parallel and collects the report in input order.
    ///
    /// - Parameters:
    ///   - files: The files to plan, in path order.
    ///   - repository: The repository graph and context builder: each file's prompt carries its neighbours'
    ///     summaries (nil plans without context).
    ///   - summaries: The summaries known so far (from pages already written), by module path.
    ///   - skipped: Files the scan skipped.
    ///   - manager: Plans each file's requests.
    ///   - profile: The model (window, prices).
    ///   - modelName: The model name as configured.
    ///   - repairs: Whether each file may get one repair request (its worst case is added to the totals).
    ///   - retry: The run's retry settings; with them the totals carry the worst case with retries.
    ///   - width: Files planned at once (default: one per core, at least 2).
    public static func make(
        files: [SourceFile],
        repository: RepositoryContext? = nil,
        summaries: [String: String] = [:],
        skipped: [ScanSkip],
        manager: PromptManager,
        profile: ModelProfile,
        modelName: String,
        repairs: Bool = true,
        retry: Retry? = nil,
        width: Int = max(2, ProcessInfo.processInfo.activeProcessorCount),
        serverCounter: ServerTokenCounter? = nil
    ) async -> PlanReport {
        let rows = await BoundedConcurrency.map(files, width: width) { file in
            let neighbours =
                repository?.builder?.context(
                    for: file.path, summaries: repository?.quotableSummaries(for: file.path, from: summaries) ?? [:],
                    promptBudgetTokens: manager.promptBudgetTokens) ?? .empty
            let planner = manager.with(neighbours: neighbours)
            guard let serverCounter else {
                return row(for: file, manager: planner, profile: profile, repairs: repairs)
            }
            let plan: Result<FilePlan, any Error>
            do {
                plan = .success(try await planner.plan(file, serverCounter: serverCounter))
            } catch {
                plan = .failure(error)
            }
            return row(for: file, plan: plan, manager: planner, profile: profile, repairs: repairs)
        }
        var report = PlanReport(
            model: modelName, profile: profile, promptBudget: manager.promptBudgetTokens,
            files: rows.compactMap { $0 }, skipped: skipped)
        if repairs {
            report.totals.worstCaseWithRepairs = WorstCase(
                of: report.files, totalCost: report.totals.estimatedCostUsd)
        }
        if let retry { report.applyRetry(retry) }
        return report
    }

    static func row(for file: SourceFile, manager: PromptManager, profile: ModelProfile, repairs: Bool = true)
        -> File
    {
        row(for: file, plan: Result { try manager.plan(file) }, manager: manager, profile: profile, repairs: repairs)
    }

    static func row(
        for file: SourceFile, plan result: Result<FilePlan, any Error>, manager: PromptManager, profile: ModelProfile,
        repairs: Bool
    ) -> File {
        do {
            let plan = try result.get()
            var row = File(
                path: file.path, language: file.language, symbols: plan.symbolCount, sourceLines: plan.sourceLines,
                promptTokens: plan.promptTokens, maxCompletionTokens: plan.maxCompletionTokens,
                truncatedLines: plan.truncatedLines, requests: plan.requestCount,
                estimatedCostUsd: plan.estimatedCostUSD(for: profile))
            row.contextTokens = manager.neighbours.tokens
            if repairs, let repair = try? manager.worstCaseRepair(for: file, plan: plan) {
                row.repairPromptTokens = repair.promptTokens
                row.repairMaxCompletionTokens = repair.maxCompletionTokens
                row.repairCostUsd = CostEstimator().maximumCost(of: repair, for: profile)?.totalUSD
            }
            return row
        } catch {
            return File(
                path: file.path, language: file.language, symbols: file.symbols.count,
                sourceLines: SourceFile.lineCount(of: file.source), promptTokens: 0, maxCompletionTokens: 0,
                truncatedLines: 0, requests: 0, estimatedCostUsd: nil, error: "\(error)")
        }
    }

    /// Key-sorted, snake_case JSON.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }
}
