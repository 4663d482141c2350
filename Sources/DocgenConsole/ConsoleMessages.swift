public import DocgenCore

/// The sentences docgen's console writes for well-known events: the facts a user acts on, in words.
///
/// Counts carry thousands separators, waits are in human units, and a setting is named the way a user sets it.
///
/// ```swift
/// ConsoleMessages.sentence(for: fitted)
/// // "inventory/reports.py: cut 599 of 899 lines to fit gpt-4o (prompt 8,218 of 123,872 tokens)"
/// ```
public enum ConsoleMessages {
    /// The sentence for a file cut or split to fit.
    public static func sentence(for event: FileFittedEvent) -> String {
        let count: (Int) -> String = HumanFormat.count
        var actions: [String] = []
        if event.requests > 1 { actions.append("split into \(event.requests) requests") }
        if event.omittedLines > 0 {
            actions.append("cut \(count(event.omittedLines)) of \(HumanFormat.count(event.totalLines, "line"))")
        }
        let reason =
            event.isCutByLineCap
            ? "to the max_source_lines limit of \(count(event.maxSourceLines ?? 0))"
            : "to fit \(event.model)"
        let prompt =
            (event.requests > 1 ? "largest prompt " : "prompt ")
            + "\(count(event.largestPromptTokens)) of \(count(event.promptBudgetTokens)) tokens"
        return "\(event.file): \(actions.joined(separator: " and ")) \(reason) (\(prompt))"
    }

    /// The sentence for a retried request.
    public static func sentence(for event: RequestRetriedEvent) -> String {
        let wait =
            event.waitMilliseconds < 1000
            ? "\(event.waitMilliseconds)ms" : HumanFormat.duration(seconds: Double(event.waitMilliseconds) / 1000)
        return "\(event.file): \(describe(event.cause, status: event.status)); retry \(event.retry) of "
            + "\(event.maxRetries) in \(wait)"
    }

    /// A retry cause in words, with the HTTP status when there is one.
    public static func describe(_ cause: RetryPolicy.Cause, status: Int? = nil) -> String {
        switch cause {
        case .connectionFailed: return "could not connect"
        case .timeout: return "no answer within the timeout"
        case .connectionLost: return "connection lost"
        case .rateLimited: return "rate limited (HTTP \(status ?? 429))"
        case .serverError: return "server error" + (status.map { " (HTTP \($0))" } ?? "")
        case .requestTimeout: return "request timeout (HTTP \(status ?? 408))"
        case .conflict: return "conflict (HTTP \(status ?? 409))"
        case .malformedResponse: return "unreadable answer"
        case .streamCut: return "stream cut short"
        case .contextReplanned: return "prompt refused as too long, re-planned"
        }
    }

    /// The closing line for files cut or split to fit, when more were cut than listed.
    ///
    /// - Parameters:
    ///   - total: Files cut or split.
    ///   - listed: Of those, listed one by one above.
    ///   - anySplit: Whether any was split.
    ///   - metricsPath: Where the per-file figures are (such as `docs_output/metrics.md`).
    public static func fittedSummary(total: Int, listed: Int, anySplit: Bool, metricsPath: String) -> String {
        let subject = total == 1 ? "1 module was" : "\(HumanFormat.count(total)) modules were"
        let what = anySplit ? "cut or split to fit" : "cut to fit"
        return "\(subject) \(what) (\(HumanFormat.count(total - listed)) not listed above); see \(metricsPath)"
    }

    /// The closing line for retries, when more happened than were listed.
    ///
    /// - Parameters:
    ///   - causes: Retries by cause.
    ///   - listed: Retries listed one by one above.
    ///   - metricsPath: Where the per-file figures are.
    public static func retriedSummary(causes: [RetryPolicy.Cause: Int], listed: Int, metricsPath: String) -> String {
        let total = causes.values.reduce(0, +)
        let byCause = RetryPolicy.Cause.allCases.compactMap { cause -> String? in
            guard let count = causes[cause], count > 0 else { return nil }
            return "\(HumanFormat.count(count)) \(shortName(cause, count: count))"
        }
        return "\(HumanFormat.count(total, "retry", plural: "retries")) in all: \(byCause.joined(separator: ", ")) "
            + "(\(HumanFormat.count(total - listed)) not listed above); see \(metricsPath)"
    }

    private static func shortName(_ cause: RetryPolicy.Cause, count: Int) -> String {
        let (one, many): (String, String)
        switch cause {
        case .connectionFailed: (one, many) = ("failed connection", "failed connections")
        case .timeout: (one, many) = ("timeout", "timeouts")
        case .connectionLost: (one, many) = ("lost connection", "lost connections")
        case .rateLimited: (one, many) = ("rate limited", "rate limited")
        case .serverError: (one, many) = ("server error", "server errors")
        case .requestTimeout: (one, many) = ("request timeout", "request timeouts")
        case .conflict: (one, many) = ("conflict", "conflicts")
        case .malformedResponse: (one, many) = ("unreadable answer", "unreadable answers")
        case .streamCut: (one, many) = ("cut stream", "cut streams")
        case .contextReplanned: (one, many) = ("re-plan", "re-plans")
        }
        return count == 1 ? one : many
    }
}
