public import Foundation

extension MetricsReport {
    /// The report as a Markdown page (`metrics.md`).
    public var markdown: String {
        // Lists, not tables: the HTML site renders plain CommonMark (libcmark), which has no tables.
        var out = "# docgen metrics\n\n"
        out += "Model `\(model)` (\(provider)). Wall time \(Self.format(milliseconds: totals.wallMilliseconds)).\n\n"
        out += "- **Modules:** \(totals.files) (\(totals.documented) documented, \(totals.cached) unchanged, "
        out += "\(totals.skipped) skipped, \(totals.failed) failed)\n"
        out += "- **Requests:** \(totals.requests)\n"
        out += "- **Tokens:** \(totals.promptTokens) prompt, \(totals.completionTokens) completion\n"
        out += "- **Estimated cost:** \(Self.format(usd: totals.costUSD))\n"
        out += "- **Latency p50 / p95:** \(totals.latencyP50Milliseconds.map(Self.format(milliseconds:)) ?? "–") / "
        out += "\(totals.latencyP95Milliseconds.map(Self.format(milliseconds:)) ?? "–")\n"
        out += "- **Retries:** \(totals.retryCount)"
        if !totals.retries.isEmpty {
            let causes = totals.retries.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            out += " (" + causes.joined(separator: ", ") + ")"
        }
        if !totals.finalRoundRetries.isEmpty {
            let causes = totals.finalRoundRetries.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            out += "\n- **Final-round retries:** \(totals.finalRoundRetries.values.reduce(0, +)) ("
            out += causes.joined(separator: ", ") + "), \(totals.recoveredFiles) modules recovered"
        }
        if totals.streamFallbacks > 0 {
            out += "\n- **Non-streamed fallbacks after cut streams:** \(totals.streamFallbacks)"
        }
        out += "\n- **Truncated modules:** \(totals.truncatedFiles)\n"
        out += "- **Split modules:** \(totals.splitFiles)\n"
        out += "\n## Modules\n\n"
        for file in files {
            var line = "- `\(MarkdownText.tableCell(file.path))` — \(file.outcome.rawValue)"
            if let reason = file.reason { line += " (\(MarkdownText.tableCell(reason)))" }
            line += ": \(file.requests) request\(file.requests == 1 ? "" : "s"), \(file.promptTokens) prompt + "
            line += "\(file.completionTokens) completion tokens, \(Self.format(usd: file.costUSD))"
            if file.truncatedLines > 0 { line += ", \(file.truncatedLines) lines cut" }
            if file.splits > 0 { line += ", split into \(file.splits + 1) requests" }
            let retries = file.retries.values.reduce(0, +)
            if retries > 0 { line += ", \(retries) retries" }
            if file.streamFallbacks > 0 { line += ", \(file.streamFallbacks) non-streamed fallbacks" }
            if let round = file.recoveredInRound, file.outcome == .documented {
                line += ", recovered in final round \(round)"
            }
            if file.lengthLimitedAnswers > 0 {
                line += ", \(file.lengthLimitedAnswers) answers cut at the output limit"
            }
            out += line + "\n"
        }
        out += guardMarkdown
        if let quality { out += "\n" + quality.markdown() }
        return out
    }

    /// The report as pretty, key-sorted JSON (`metrics.json`).
    public func jsonData() throws -> Data {
        try JSONEncoder.docgenOutput(snakeCaseKeys: true).encode(self)
    }

    /// Reads a report written by ``jsonData()``.
    public static func decode(_ data: Data) throws -> MetricsReport {
        let decoder = JSONDecoder()
        // `convertFromSnakeCase` turns `cost_usd` into `costUsd`, not the property `costUSD`: undo the acronym.
        decoder.keyDecodingStrategy = .custom { path in
            let key = path.last?.stringValue ?? ""
            var camel = ""
            var upperNext = false
            for character in key {
                if character == "_" {
                    upperNext = true
                } else {
                    camel += upperNext ? character.uppercased() : String(character)
                    upperNext = false
                }
            }
            if camel.hasSuffix("Usd") { camel = String(camel.dropLast(3)) + "USD" }
            return MetricsCodingKey(stringValue: camel)
        }
        return try decoder.decode(MetricsReport.self, from: data)
    }

    /// A cost as docgen prints it everywhere: US dollars with four decimals (`$0.0123`).
    public static func format(usd: Double) -> String { String(format: "$%.4f", usd) }

    static func format(milliseconds: Double) -> String {
        milliseconds >= 1000 ? String(format: "%.2f s", milliseconds / 1000) : String(format: "%.0f ms", milliseconds)
    }
}

/// A plain coding key, for the metrics key-decoding strategy.
struct MetricsCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
