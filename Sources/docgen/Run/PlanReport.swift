import DocgenCore
import DocgenScanner
import DocgenTokens
import Foundation

/// The token plan of a whole repository, as `docgen plan` / `docgen --dry-run` prints it.
struct PlanReport: Encodable {
    struct Module: Encodable {
        var path: String
        var language: String
        var symbols: Int
        var sourceLines: Int
        var promptTokens: Int
        var maxTokens: Int
        var truncatedLines: Int
        var requests: Int
        var estimatedCostUsd: Double?
        var error: String?
    }

    struct Totals: Encodable {
        var modules: Int
        var requests: Int
        var promptTokens: Int
        var maxTokens: Int
        var estimatedCostUsd: Double?
        var truncatedModules: Int
        var splitModules: Int
        var failedModules: Int
        /// Every planned request sent the most times the retry policy allows (final rounds included).
        var worstCaseRequests: Int
        /// The estimated cost if every one of those sends were billed in full.
        var worstCaseCostUsd: Double?
    }

    /// The retry settings behind the worst case.
    struct Retry: Encodable {
        var maxRetries: Int
        var retryFailedRounds: Int
        var streaming: Bool
        /// The most times one planned request is sent in a run (``RetryPolicy/maximumSends(streaming:finalRounds:)``).
        var maxSendsPerRequest: Int
    }

    var model: String
    var encoding: String
    var contextWindow: Int
    var maxOutputTokens: Int
    var promptBudget: Int
    var countIsEstimate: Bool
    var modules: [Module]
    var totals: Totals
    var retry: Retry
    var skipped: [ScanSkip]

    struct ScanSkip: Encodable {
        var path: String
        var reason: String
    }

    /// Plans every module in parallel (one task per core) and collects the report in path order.
    static func make(
        modules inputs: [SourceFile],
        skipped: [ScanSkip],
        manager: PromptManager,
        profile: ModelProfile,
        modelName: String,
        retry: Retry
    ) async -> PlanReport {
        let width = max(2, ProcessInfo.processInfo.activeProcessorCount)
        let modules = await BoundedConcurrency.map(inputs, width: width) { input in
            plan(input, manager: manager, profile: profile)
        }
        let planned = modules.compactMap { $0 }
        let costs = planned.filter { $0.error == nil }.map(\.estimatedCostUsd)
        let totalCost: Double? = costs.contains { $0 == nil } ? nil : costs.reduce(0) { $0 + ($1 ?? 0) }
        let requests = planned.reduce(0) { $0 + $1.requests }
        return PlanReport(
            model: modelName, encoding: profile.encodingName, contextWindow: profile.contextWindowTokens,
            maxOutputTokens: profile.maxOutputTokens, promptBudget: manager.promptBudgetTokens,
            countIsEstimate: profile.isEstimate, modules: planned,
            totals: Totals(
                modules: planned.count, requests: requests,
                promptTokens: planned.reduce(0) { $0 + $1.promptTokens },
                maxTokens: planned.reduce(0) { $0 + $1.maxTokens }, estimatedCostUsd: totalCost,
                truncatedModules: planned.filter { $0.truncatedLines > 0 }.count,
                splitModules: planned.filter { $0.requests > 1 }.count,
                failedModules: planned.filter { $0.error != nil }.count,
                worstCaseRequests: requests * retry.maxSendsPerRequest,
                worstCaseCostUsd: totalCost.map { $0 * Double(retry.maxSendsPerRequest) }),
            retry: retry, skipped: skipped)
    }

    private static func plan(_ input: SourceFile, manager: PromptManager, profile: ModelProfile) -> Module {
        do {
            let plan = try manager.plan(input)
            return Module(
                path: input.path, language: input.language, symbols: plan.symbolCount, sourceLines: plan.sourceLines,
                promptTokens: plan.promptTokens, maxTokens: plan.maxTokens, truncatedLines: plan.truncatedLines,
                requests: plan.requestCount, estimatedCostUsd: plan.estimatedCostUSD(for: profile), error: nil)
        } catch {
            return Module(
                path: input.path, language: input.language, symbols: input.symbols.count,
                sourceLines: ScannedFile.lineCount(of: input.source),
                promptTokens: 0, maxTokens: 0, truncatedLines: 0, requests: 0, estimatedCostUsd: nil,
                error: "\(error)")
        }
    }

    /// Key-sorted, snake_case JSON.
    func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }

    /// A table for people.
    var table: String {
        var rows: [[String]] = [
            ["module", "lang", "symbols", "lines", "cut", "req", "prompt", "max_tokens", "est. cost"]
        ]
        for module in modules {
            if let error = module.error {
                rows.append([
                    module.path, module.language, String(module.symbols), String(module.sourceLines), "-", "-", "-",
                    "-", "ERROR",
                ])
                rows.append(["  " + error, "", "", "", "", "", "", "", ""])
                continue
            }
            rows.append([
                module.path, module.language, String(module.symbols), String(module.sourceLines),
                String(module.truncatedLines), String(module.requests), String(module.promptTokens),
                String(module.maxTokens), Self.cost(module.estimatedCostUsd),
            ])
        }
        var widths = [Int](repeating: 0, count: rows[0].count)
        for row in rows where !row[0].hasPrefix("  ") {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        var out = ""
        for row in rows {
            if row[0].hasPrefix("  ") {
                out += row[0] + "\n"
                continue
            }
            let cells = row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: max(0, widths[column] - cell.count))
                return column < 2 ? cell + pad : pad + cell
            }
            out += cells.joined(separator: "  ") + "\n"
        }
        out += "\n\(model) (\(encoding)\(countIsEstimate ? ", estimated counts" : "")): window \(contextWindow), "
        out += "prompt budget \(promptBudget) tokens per request\n"
        out += "total: \(totals.modules) modules, \(totals.requests) requests, \(totals.promptTokens) prompt tokens, "
        out += "\(totals.maxTokens) max_tokens, est. cost \(Self.cost(totals.estimatedCostUsd)) (upper bound); "
        out +=
            "\(totals.truncatedModules) truncated, \(totals.splitModules) split, \(totals.failedModules) cannot fit\n"
        out += "worst case with retries: \(totals.worstCaseRequests) requests (each sent at most "
        out += "\(retry.maxSendsPerRequest) times: \(retry.maxRetries + 1) attempts + 1 re-plan"
        out += retry.streaming ? " + 1 non-streamed fallback" : ""
        out += ", in \(retry.retryFailedRounds + 1) round\(retry.retryFailedRounds == 0 ? "" : "s")), est. cost "
        out += "\(Self.cost(totals.worstCaseCostUsd)) if every one were billed\n"
        if !skipped.isEmpty { out += "skipped \(skipped.count) files (see docgen scan)\n" }
        return out
    }

    static func cost(_ value: Double?) -> String {
        value.map(MetricsReport.format(usd:)) ?? "n/a"
    }
}
