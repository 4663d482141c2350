public import Foundation

extension MetricsReport {
    /// The report as a Markdown page (`metrics.md`).
    public var markdown: String {
        var out = "# docgen metrics\n\n"
        out += "Model `\(model)` (\(provider)). Wall time \(Self.format(milliseconds: totals.wallMilliseconds)).\n\n"
        out += "| | |\n| --- | ---: |\n"
        out += "| Modules | \(totals.modules) |\n"
        out += "| Documented / cached / skipped / failed | \(totals.documented) / \(totals.cached) / "
        out += "\(totals.skipped) / \(totals.failed) |\n"
        out += "| Requests | \(totals.requests) |\n"
        out += "| Prompt tokens | \(totals.promptTokens) |\n"
        out += "| Completion tokens | \(totals.completionTokens) |\n"
        out += "| Estimated cost | \(Self.format(usd: totals.costUSD)) |\n"
        out += "| Latency p50 / p95 | \(totals.latencyP50Milliseconds.map(Self.format(milliseconds:)) ?? "–") / "
        out += "\(totals.latencyP95Milliseconds.map(Self.format(milliseconds:)) ?? "–") |\n"
        out += "| Retries | \(totals.retryCount) |\n"
        out += "| Truncated modules | \(totals.truncatedModules) |\n"
        out += "| Split modules | \(totals.splitModules) |\n"
        if !totals.retries.isEmpty {
            out += "\n## Retries by cause\n\n| Cause | Count |\n| --- | ---: |\n"
            for (cause, count) in totals.retries.sorted(by: { $0.key < $1.key }) { out += "| \(cause) | \(count) |\n" }
        }
        out +=
            "\n## Modules\n\n| Module | Outcome | Requests | Prompt | Completion | Cost | Truncated lines | Retries |\n"
        out += "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n"
        for module in modules {
            let outcome =
                module.reason.map { "\(module.outcome.rawValue): \(MarkdownText.tableCell($0))" }
                ?? module.outcome.rawValue
            out +=
                "| `\(MarkdownText.tableCell(module.path))` | \(outcome) | \(module.requests) | \(module.promptTokens) | "
            out += "\(module.completionTokens) | \(Self.format(usd: module.costUSD)) | \(module.truncatedLines) | "
            out += "\(module.retries.values.reduce(0, +)) |\n"
        }
        return out
    }

    /// The report as pretty, key-sorted JSON (`metrics.json`).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }

    /// Reads a report written by ``jsonData()``.
    public static func decode(_ data: Data) throws -> MetricsReport {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(MetricsReport.self, from: data)
    }

    static func format(usd: Double) -> String { String(format: "$%.4f", usd) }

    static func format(milliseconds: Double) -> String {
        milliseconds >= 1000 ? String(format: "%.2f s", milliseconds / 1000) : String(format: "%.0f ms", milliseconds)
    }
}
