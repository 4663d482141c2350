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
        /// The worst-case repair request (one per module unless --no-repair): prompt tokens, max_tokens, cost.
        var repairPromptTokens = 0
        var repairMaxTokens = 0
        var repairCostUsd: Double?
    }

    /// The plan plus one worst-case repair request per module: the most a run can send and cost.
    struct WorstCase: Encodable {
        var requests: Int
        var promptTokens: Int
        var maxTokens: Int
        var estimatedCostUsd: Double?
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
        /// With one repair request per module (nil under --no-repair).
        var worstCaseWithRepairs: WorstCase?
    }

    var model: String
    var encoding: String
    var contextWindow: Int
    var maxOutputTokens: Int
    var promptBudget: Int
    var countIsEstimate: Bool
    var modules: [Module]
    var totals: Totals
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
        repairs: Bool = true
    ) async -> PlanReport {
        let width = max(2, ProcessInfo.processInfo.activeProcessorCount)
        let modules = await BoundedConcurrency.map(inputs, width: width) { input in
            plan(input, manager: manager, profile: profile, repairs: repairs)
        }
        let planned = modules.compactMap { $0 }
        let costs = planned.filter { $0.error == nil }.map(\.estimatedCostUsd)
        let totalCost: Double? = costs.contains { $0 == nil } ? nil : costs.reduce(0) { $0 + ($1 ?? 0) }
        return PlanReport(
            model: modelName, encoding: profile.encodingName, contextWindow: profile.contextWindowTokens,
            maxOutputTokens: profile.maxOutputTokens, promptBudget: manager.promptBudgetTokens,
            countIsEstimate: profile.isEstimate, modules: planned,
            totals: Totals(
                modules: planned.count, requests: planned.reduce(0) { $0 + $1.requests },
                promptTokens: planned.reduce(0) { $0 + $1.promptTokens },
                maxTokens: planned.reduce(0) { $0 + $1.maxTokens }, estimatedCostUsd: totalCost,
                truncatedModules: planned.filter { $0.truncatedLines > 0 }.count,
                splitModules: planned.filter { $0.requests > 1 }.count,
                failedModules: planned.filter { $0.error != nil }.count,
                worstCaseWithRepairs: repairs ? worstCase(planned, totalCost: totalCost) : nil),
            skipped: skipped)
    }

    private static func worstCase(_ modules: [Module], totalCost: Double?) -> WorstCase {
        let fitting = modules.filter { $0.error == nil }
        let repairCosts = fitting.map(\.repairCostUsd)
        let cost: Double? =
            totalCost.flatMap { total in
                repairCosts.contains { $0 == nil } ? nil : total + repairCosts.reduce(0) { $0 + ($1 ?? 0) }
            }
        return WorstCase(
            requests: fitting.reduce(0) { $0 + $1.requests + ($1.repairMaxTokens > 0 ? 1 : 0) },
            promptTokens: fitting.reduce(0) { $0 + $1.promptTokens + $1.repairPromptTokens },
            maxTokens: fitting.reduce(0) { $0 + $1.maxTokens + $1.repairMaxTokens }, estimatedCostUsd: cost)
    }

    private static func plan(_ input: SourceFile, manager: PromptManager, profile: ModelProfile, repairs: Bool)
        -> Module
    {
        do {
            let plan = try manager.plan(input)
            var module = Module(
                path: input.path, language: input.language, symbols: plan.symbolCount, sourceLines: plan.sourceLines,
                promptTokens: plan.promptTokens, maxTokens: plan.maxTokens, truncatedLines: plan.truncatedLines,
                requests: plan.requestCount, estimatedCostUsd: plan.estimatedCostUSD(for: profile), error: nil)
            if repairs, let repair = try? manager.worstCaseRepair(for: input, plan: plan) {
                module.repairPromptTokens = repair.promptTokens
                module.repairMaxTokens = repair.maxCompletionTokens
                module.repairCostUsd = CostEstimator().maximumCost(of: repair, for: profile)?.totalUSD
            }
            return module
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
        if let worst = totals.worstCaseWithRepairs {
            out += "worst case with one repair per module: \(worst.requests) requests, \(worst.promptTokens) prompt "
            out +=
                "tokens, \(worst.maxTokens) max_tokens, est. cost \(Self.cost(worst.estimatedCostUsd)) (--no-repair: none)\n"
        }
        if !skipped.isEmpty { out += "skipped \(skipped.count) files (see docgen scan)\n" }
        return out
    }

    static func cost(_ value: Double?) -> String {
        value.map(MetricsReport.format(usd:)) ?? "n/a"
    }
}
