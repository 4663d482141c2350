import Foundation

/// docgen's planned figures next to the server's, for one module or a whole run: the estimate-versus-actual
/// section of `metrics.json` and `metrics.md`.
///
/// docgen counts prompts exactly for models whose tokenizer it carries, so a difference between
/// ``plannedPromptTokens`` and ``serverPromptTokens`` is either a bug or a provider with another tokenizer
/// (DeepSeek, local models), which ``TokenCalibration`` then learns from.
public struct UsageCheck: Sendable, Codable, Equatable {
    /// Requests whose answer carried the server's `usage` (only these are compared).
    public var comparedRequests = 0
    /// docgen's counted prompt tokens of the compared requests.
    public var plannedPromptTokens = 0
    /// The server's `usage.prompt_tokens` of the compared requests.
    public var serverPromptTokens = 0
    /// What the requests were expected to cost: docgen's prompt count and the answer's completion tokens at the
    /// model's list prices, in USD.
    public var expectedCostUSD = 0.0
    /// What they are billed: the server's usage at the model's prices, with the Batch API discount where it
    /// applies, in USD.
    public var billedCostUSD = 0.0
    /// Requests answered through the Batch API.
    public var batchRequests = 0

    /// An empty check.
    public init() {}

    /// Server prompt tokens minus planned ones (0 when the counts agree).
    public var promptTokenDifference: Int { serverPromptTokens - plannedPromptTokens }

    /// Whether the server counted the prompts differently from docgen.
    public var isFlagged: Bool { promptTokenDifference != 0 }

    /// The server's count per docgen token (1 when nothing was compared).
    public var ratio: Double {
        plannedPromptTokens > 0 ? Double(serverPromptTokens) / Double(plannedPromptTokens) : 1
    }

    /// Both checks added up.
    public static func + (lhs: UsageCheck, rhs: UsageCheck) -> UsageCheck {
        var sum = lhs
        sum.comparedRequests += rhs.comparedRequests
        sum.plannedPromptTokens += rhs.plannedPromptTokens
        sum.serverPromptTokens += rhs.serverPromptTokens
        sum.expectedCostUSD += rhs.expectedCostUSD
        sum.billedCostUSD += rhs.billedCostUSD
        sum.batchRequests += rhs.batchRequests
        return sum
    }
}

extension MetricsCollector {
    /// Records how one answered request compares with its plan.
    ///
    /// - Parameters:
    ///   - file: The module path.
    ///   - plannedPromptTokens: docgen's count of the prompt as sent.
    ///   - serverPromptTokens: The server's `usage.prompt_tokens`, nil when it reported none.
    ///   - expectedCostUSD: The cost at docgen's counts and list prices.
    ///   - billedCostUSD: The cost at the server's counts (batch discount applied).
    ///   - isBatch: Whether the answer came through the Batch API.
    public func recordUsageCheck(
        file: String, plannedPromptTokens: Int, serverPromptTokens: Int?, expectedCostUSD: Double,
        billedCostUSD: Double, isBatch: Bool = false
    ) {
        var check = UsageCheck()
        if let serverPromptTokens {
            check.comparedRequests = 1
            check.plannedPromptTokens = plannedPromptTokens
            check.serverPromptTokens = serverPromptTokens
        }
        check.expectedCostUSD = expectedCostUSD
        check.billedCostUSD = billedCostUSD
        check.batchRequests = isBatch ? 1 : 0
        updateRecord(file) { record in record.usage = (record.usage ?? UsageCheck()) + check }
    }

    /// Records the secrets replaced in a module's prompts, by kind (never the values).
    public func recordRedactions(file: String, counts: [SecretRedactor.Kind: Int]) {
        guard !counts.isEmpty else { return }
        updateRecord(file) { record in
            record.redactedSecrets = Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })
        }
    }
}

extension MetricsReport {
    /// Fills the totals of the redaction and estimate-versus-actual figures from the file records.
    mutating func totalGuardFigures() {
        let redacted = files.compactMap(\.redactedSecrets)
        totals.redactedSecrets = redacted.isEmpty ? nil : redacted.reduce(0) { $0 + $1.values.reduce(0, +) }
        totals.redactedModules = redacted.isEmpty ? nil : redacted.count
        let usages = files.compactMap(\.usage)
        totals.usage = usages.isEmpty ? nil : usages.reduce(UsageCheck(), +)
    }

    /// The estimate-versus-actual and redaction lines of `metrics.md` (empty when there is nothing to say).
    var guardMarkdown: String {
        var out = ""
        if let secrets = totals.redactedSecrets, let modules = totals.redactedModules {
            out += "\n## Redacted secrets\n\n"
            out += "\(secrets) secrets replaced by placeholders in \(modules) modules before anything was sent "
            out += "(counts only, never values):\n\n"
            for file in files {
                guard let counts = file.redactedSecrets else { continue }
                let kinds = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
                out += "- `\(MarkdownText.tableCell(file.path))`: \(kinds)\n"
            }
        }
        guard let usage = totals.usage else { return out }
        out += "\n## Estimate versus actual\n\n"
        out += "- **Prompt tokens:** planned \(usage.plannedPromptTokens), server \(usage.serverPromptTokens) over "
        out += "\(usage.comparedRequests) requests with usage"
        if usage.isFlagged {
            let sign = usage.promptTokenDifference > 0 ? "+" : ""
            out += String(
                format: " — **differs by %@%d (server/planned %.4f)**", sign, usage.promptTokenDifference, usage.ratio)
        } else {
            out += " — identical"
        }
        out += "\n- **Cost:** expected \(Self.format(usd: usage.expectedCostUSD)), billed "
        out += "\(Self.format(usd: usage.billedCostUSD))"
        if usage.batchRequests > 0 { out += " (\(usage.batchRequests) requests through the Batch API at half price)" }
        out += "\n"
        let flagged = files.filter { $0.usage?.isFlagged ?? false }
        if !flagged.isEmpty {
            out += "\nModules whose prompt count differs from the server's:\n\n"
            for file in flagged {
                guard let check = file.usage else { continue }
                out += "- `\(MarkdownText.tableCell(file.path))`: planned \(check.plannedPromptTokens), server "
                out += "\(check.serverPromptTokens) (\(check.promptTokenDifference > 0 ? "+" : "")"
                out += "\(check.promptTokenDifference))\n"
            }
        }
        return out
    }
}
