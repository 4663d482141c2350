import DocgenBase
import DocgenCore
import DocgenScanner
import DocgenTokens
import Foundation

/// The token plan of a whole repository, as `docgen plan` / `docgen --dry-run` prints it.
struct PlanReport: Encodable {
    struct File: Encodable {
        var path: String
        var language: String
        var symbols: Int
        var sourceLines: Int
        var promptTokens: Int
        var maxCompletionTokens: Int
        var truncatedLines: Int
        var requests: Int
        var estimatedCostUsd: Double?
        var error: String?

        // JSON keeps `max_tokens`.
        private enum CodingKeys: String, CodingKey {
            case path, language, symbols, sourceLines, promptTokens
            case maxCompletionTokens = "maxTokens"
            case truncatedLines
            case requests, estimatedCostUsd, error
        }
    }

    struct Totals: Encodable {
        var files: Int
        var requests: Int
        var promptTokens: Int
        var maxCompletionTokens: Int
        var estimatedCostUsd: Double?
        var truncatedFiles: Int
        var splitFiles: Int
        var failedFiles: Int
        /// Every planned request sent the most times the retry policy allows (final rounds included).
        var worstCaseRequests: Int
        /// The estimated cost if every one of those sends were billed in full.
        var worstCaseCostUsd: Double?

        // JSON keeps the names users depend on (`modules`, `max_tokens`, `*_modules`).
        private enum CodingKeys: String, CodingKey {
            case files = "modules"
            case requests, promptTokens
            case maxCompletionTokens = "maxTokens"
            case estimatedCostUsd
            case truncatedFiles = "truncatedModules"
            case splitFiles = "splitModules"
            case failedFiles = "failedModules"
            case worstCaseRequests, worstCaseCostUsd
        }
    }

    /// The retry settings behind the worst case.
    struct Retry: Encodable {
        var maxRetries: Int
        var retryFailedRounds: Int
        var streaming: Bool
        /// The most times one planned request is sent in a run (`RetryPolicy.maximumSends`).
        var maxSendsPerRequest: Int
    }

    var model: String
    var encoding: String
    var contextWindow: Int
    var maxOutputTokens: Int
    var promptBudget: Int
    var countIsEstimate: Bool
    var files: [File]
    var totals: Totals
    var retry: Retry
    var skipped: [ScanSkip]

    private enum CodingKeys: String, CodingKey {
        case model, encoding, contextWindow, maxOutputTokens, promptBudget, countIsEstimate
        case files = "modules"
        case totals, retry
        case skipped
    }

    struct ScanSkip: Encodable {
        var path: String
        var reason: String
    }

    /// Plans every file in parallel (one task per core) and collects the report in path order.
    static func make(
        files inputs: [SourceFile],
        skipped: [ScanSkip],
        manager: PromptManager,
        profile: ModelProfile,
        modelName: String,
        retry: Retry
    ) async -> PlanReport {
        let width = max(2, ProcessInfo.processInfo.activeProcessorCount)
        let files = await BoundedConcurrency.map(inputs, width: width) { input in
            plan(input, manager: manager, profile: profile)
        }
        let planned = files.compactMap { $0 }
        let costs = planned.filter { $0.error == nil }.map(\.estimatedCostUsd)
        let totalCost: Double? = costs.contains { $0 == nil } ? nil : costs.reduce(0) { $0 + ($1 ?? 0) }
        let requests = planned.reduce(0) { $0 + $1.requests }
        return PlanReport(
            model: modelName, encoding: profile.encodingName, contextWindow: profile.contextWindowTokens,
            maxOutputTokens: profile.maxOutputTokens, promptBudget: manager.promptBudgetTokens,
            countIsEstimate: profile.isEstimate, files: planned,
            totals: Totals(
                files: planned.count, requests: requests,
                promptTokens: planned.reduce(0) { $0 + $1.promptTokens },
                maxCompletionTokens: planned.reduce(0) { $0 + $1.maxCompletionTokens }, estimatedCostUsd: totalCost,
                truncatedFiles: planned.filter { $0.truncatedLines > 0 }.count,
                splitFiles: planned.filter { $0.requests > 1 }.count,
                failedFiles: planned.filter { $0.error != nil }.count,
                worstCaseRequests: requests * retry.maxSendsPerRequest,
                worstCaseCostUsd: totalCost.map { $0 * Double(retry.maxSendsPerRequest) }),
            retry: retry, skipped: skipped)
    }

    private static func plan(_ input: SourceFile, manager: PromptManager, profile: ModelProfile) -> File {
        do {
            let plan = try manager.plan(input)
            return File(
                path: input.path, language: input.language, symbols: plan.symbolCount, sourceLines: plan.sourceLines,
                promptTokens: plan.promptTokens, maxCompletionTokens: plan.maxCompletionTokens,
                truncatedLines: plan.truncatedLines,
                requests: plan.requestCount, estimatedCostUsd: plan.estimatedCostUSD(for: profile), error: nil)
        } catch {
            return File(
                path: input.path, language: input.language, symbols: input.symbols.count,
                sourceLines: ScannedFile.lineCount(of: input.source),
                promptTokens: 0, maxCompletionTokens: 0, truncatedLines: 0, requests: 0, estimatedCostUsd: nil,
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
        for file in files {
            if let error = file.error {
                rows.append([
                    file.path, file.language, String(file.symbols), String(file.sourceLines), "-", "-", "-",
                    "-", "ERROR",
                ])
                rows.append(["  " + error, "", "", "", "", "", "", "", ""])
                continue
            }
            rows.append([
                file.path, file.language, String(file.symbols), String(file.sourceLines),
                String(file.truncatedLines), String(file.requests), String(file.promptTokens),
                String(file.maxCompletionTokens), Self.cost(file.estimatedCostUsd),
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
        out += "total: \(totals.files) modules, \(totals.requests) requests, \(totals.promptTokens) prompt tokens, "
        out +=
            "\(totals.maxCompletionTokens) max_tokens, est. cost \(Self.cost(totals.estimatedCostUsd)) (upper bound); "
        out +=
            "\(totals.truncatedFiles) truncated, \(totals.splitFiles) split, \(totals.failedFiles) cannot fit\n"
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
