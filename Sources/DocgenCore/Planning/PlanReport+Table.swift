extension PlanReport {
    /// A table for people.
    public var table: String {
        var rows: [[String]] = [
            ["module", "lang", "symbols", "lines", "cut", "req", "prompt", "context", "max_tokens", "est. cost"]
        ]
        for file in files {
            if let error = file.error {
                rows.append([
                    file.path, file.language, String(file.symbols), String(file.sourceLines), "-", "-", "-",
                    "-", "-", "ERROR",
                ])
                rows.append(["  " + error, "", "", "", "", "", "", "", "", ""])
                continue
            }
            rows.append([
                file.path, file.language, String(file.symbols), String(file.sourceLines),
                String(file.truncatedLines), String(file.requests), String(file.promptTokens),
                String(file.contextTokens), String(file.maxCompletionTokens), Self.cost(file.estimatedCostUsd),
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
        out += summaryTable
        out += "\n\(model) (\(encoding)\(countIsEstimate ? ", estimated counts" : "")): window \(contextWindow), "
        out += "prompt budget \(promptBudget) tokens per request\n"
        if let counting { out += "counts: \(counting)\n" }
        out += "total: \(totals.files) modules, \(totals.requests) requests"
        out += summaries.isEmpty ? "" : " (\(summaries.filter { $0.error == nil }.count) of them overview summaries)"
        out += ", \(totals.promptTokens) prompt tokens "
        out += "(\(totals.contextTokens) of them repository context), "
        out +=
            "\(totals.maxCompletionTokens) max_tokens, est. cost \(Self.cost(totals.estimatedCostUsd)) (upper bound); "
        out +=
            "\(totals.truncatedFiles) truncated, \(totals.splitFiles) split, \(totals.failedFiles) cannot fit\n"
        if let worst = totals.worstCaseWithRepairs {
            out += "worst case with one repair per file: \(worst.requests) requests, \(worst.promptTokens) prompt "
            out += "tokens, \(worst.maxCompletionTokens) max_tokens, est. cost \(Self.cost(worst.estimatedCostUsd)) "
            out += "(--no-repair: none)\n"
        }
        out += retryTableLine
        out += expectationTableLines
        if let calibration { out += calibration + "\n" }
        if !skipped.isEmpty { out += "skipped \(skipped.count) files (see docgen scan)\n" }
        return out
    }

    static func cost(_ value: Double?) -> String {
        value.map(MetricsReport.format(usd:)) ?? "n/a"
    }
}
