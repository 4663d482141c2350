public import DocgenTokens

extension PlanReport {
    /// The plan of one model-written overview summary (a folder page's, or `index.md`'s for the repository).
    public struct Summary: Sendable, Encodable, Equatable {
        /// The page it goes on (`inventory/index.md`, `index.md`).
        public var page: String
        /// The parts (modules and subfolders) the folder has.
        public var parts: Int
        /// The parts its prompt quotes (the rest did not fit).
        public var quotedParts: Int
        /// Prompt tokens, counted exactly.
        public var promptTokens: Int
        /// The planned `max_tokens`.
        public var maxCompletionTokens: Int
        /// The most it can cost, in USD (nil without prices).
        public var estimatedCostUsd: Double?
        /// Why it cannot be planned, or nil.
        public var error: String?

        private enum CodingKeys: String, CodingKey {
            case page, parts, quotedParts, promptTokens
            case maxCompletionTokens = "maxTokens"
            case estimatedCostUsd, error
        }
    }

    /// The overview summaries a model run sends after the modules, bottom-up; subfolders are quoted with the summary
    /// cached by an earlier run, or with their structure (a run quotes the new answers within the same budget).
    ///
    /// - Parameters:
    ///   - summarizer: The run's summarizer.
    ///   - cache: Summaries an earlier run kept.
    ///   - profile: The model (prices).
    /// - Returns: One row per folder, the repository last.
    public static func summaryRows(
        summarizer: FolderSummarizer, cache: [String: FolderSummarizer.Cached], profile: ModelProfile
    ) -> [Summary] {
        let known = cache.mapValues(\.summary)
        return summarizer.levels.joined().map { folder in
            let page = folder.isEmpty ? OutputLayout.indexPage : RepositoryOverview.page(forFolder: folder)
            let parts = summarizer.entries(for: folder, folderSummaries: known).count
            do {
                let planned = try summarizer.request(for: folder, folderSummaries: known)
                let plan = planned.request.plan
                return Summary(
                    page: page, parts: parts, quotedParts: planned.quotedEntries, promptTokens: plan.promptTokens,
                    maxCompletionTokens: plan.maxCompletionTokens,
                    estimatedCostUsd: CostEstimator().maximumCost(of: plan, for: profile)?.totalUSD)
            } catch {
                return Summary(
                    page: page, parts: parts, quotedParts: 0, promptTokens: 0, maxCompletionTokens: 0,
                    estimatedCostUsd: nil, error: "\(error)")
            }
        }
    }

    /// Adds the overview summaries to the plan and its totals (requests, tokens, cost, worst cases); the module
    /// count stays the modules'.
    ///
    /// - Parameter rows: From ``summaryRows(summarizer:cache:profile:)``.
    public mutating func applySummaries(_ rows: [Summary]) {
        summaries += rows
        let planned = rows.filter { $0.error == nil }
        let requests = planned.count
        let prompt = planned.reduce(0) { $0 + $1.promptTokens }
        let completion = planned.reduce(0) { $0 + $1.maxCompletionTokens }
        let cost: Double? =
            planned.contains { $0.estimatedCostUsd == nil }
            ? nil : planned.reduce(0) { $0 + ($1.estimatedCostUsd ?? 0) }
        totals.requests += requests
        totals.promptTokens += prompt
        totals.maxCompletionTokens += completion
        totals.estimatedCostUsd = totals.estimatedCostUsd.flatMap { total in cost.map { total + $0 } }
        if var worst = totals.worstCaseWithRepairs {
            worst.requests += requests
            worst.promptTokens += prompt
            worst.maxCompletionTokens += completion
            worst.estimatedCostUsd = worst.estimatedCostUsd.flatMap { total in cost.map { total + $0 } }
            totals.worstCaseWithRepairs = worst
        }
        if let retry { applyRetry(retry) }
    }

    /// The table rows of the overview summaries, after the modules' rows.
    var summaryTable: String {
        guard !summaries.isEmpty else { return "" }
        var rows: [[String]] = [["overview summary", "parts", "quoted", "prompt", "max_tokens", "est. cost"]]
        for row in summaries {
            rows.append(
                row.error == nil
                    ? [
                        row.page, String(row.parts), String(row.quotedParts), String(row.promptTokens),
                        String(row.maxCompletionTokens), Self.cost(row.estimatedCostUsd),
                    ]
                    : [row.page, String(row.parts), "-", "-", "-", "ERROR: " + (row.error ?? "")])
        }
        var widths = [Int](repeating: 0, count: rows[0].count)
        for row in rows {
            for (column, cell) in row.enumerated() where column < 5 || row[5].count < 12 {
                widths[column] = max(widths[column], cell.count)
            }
        }
        var out = "\n"
        for row in rows {
            let cells = row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: max(0, widths[column] - cell.count))
                return column == 0 ? cell + pad : pad + cell
            }
            out += cells.joined(separator: "  ") + "\n"
        }
        return out
    }
}
