public import Foundation

/// What a run did, for people (one line per field) and for CI (`--json`).
public struct RunSummary: Sendable, Codable, Equatable {
    /// A file that failed, with the reason.
    public struct Failure: Sendable, Codable, Equatable {
        /// The file path.
        public var path: String
        /// Why it failed, for a person.
        public var reason: String
        /// The transient cause of the last failure (a ``RetryPolicy/Cause`` raw value), nil when permanent.
        public var cause: String?
        /// Attempts made over every round, when the file gave up after retries.
        public var attempts: Int?
    }

    /// A file that failed for a transient cause and was documented in a final round.
    public struct Recovery: Sendable, Codable, Equatable {
        /// The file path.
        public var path: String
        /// The cause it had failed for (a ``RetryPolicy/Cause`` raw value).
        public var cause: String
        /// The final round that documented it, from 1.
        public var round: Int
    }

    /// How a run ended; drives docgen's exit status. Encoded as its raw value (`"ok"`, `"partial"`, …).
    public enum Status: String, Sendable, Codable, Equatable {
        /// Every file documented or unchanged (exit 0).
        case ok
        /// Some files failed; the others were written (exit 1).
        case partial
        /// `--check` found out-of-date pages (exit 1).
        case stale
        /// The run was interrupted; finished pages are kept (exit 1).
        case interrupted

        /// The exit status for a run that ended this way: 0 for ``ok``, 1 otherwise.
        public var exitCode: Int32 { self == .ok ? 0 : 1 }
    }

    /// How the run ended.
    public var status: Status
    /// The project name.
    public var project: String
    /// The output folder.
    public var output: String
    /// The provider.
    public var provider: String
    /// The model (`offline` for the offline provider).
    public var model: String
    /// The shard, such as `1/4`, when the run was sharded.
    public var shard: String?
    /// Files considered (in this shard).
    public var files: Int
    /// Files documented in this run.
    public var documented: Int
    /// Files kept unchanged (their manifest key matched).
    public var cached: Int
    /// Files that failed.
    public var failed: Int
    /// Files whose pages are out of date (`--check`) or were not reached (interrupted).
    public var stale: [String]
    /// The failures.
    public var failures: [Failure]
    /// Modules documented in a final round after failing for a transient cause.
    public var recovered: [Recovery] = []
    /// Files the scan skipped.
    public var skippedFiles: Int
    /// Successful requests.
    public var requests: Int
    /// Prompt tokens over every request.
    public var promptTokens: Int
    /// Completion tokens over every request.
    public var completionTokens: Int
    /// Estimated cost in USD.
    public var costUSD: Double
    /// Retries in all (final-round retries included).
    public var retries: Int
    /// Non-streamed fallbacks after two cut streams.
    public var streamFallbacks: Int = 0
    /// Files whose source was cut to fit.
    public var truncatedFiles: Int
    /// Files that needed more than one request.
    public var splitFiles: Int
    /// Wall time in milliseconds.
    public var durationMilliseconds: Double
    /// Secrets replaced before sending, over the modules documented in the run (nil when none).
    public var redactedSecrets: Int?
    /// Modules whose prompts had secrets replaced (nil when none).
    public var redactedModules: Int?
    /// What the cost and safety guards have to say: a budget cap reached, a batch submitted or pending.
    public var notes: [String]?

    // JSON keeps the names users depend on (`modules`, `truncated_modules`, `split_modules`).
    private enum CodingKeys: String, CodingKey {
        case status, project, output, provider, model, shard
        case files = "modules"
        case documented, cached, failed, stale
        case failures, recovered, skippedFiles, requests, promptTokens, completionTokens, costUSD, retries
        case streamFallbacks
        case truncatedFiles = "truncatedModules"
        case splitFiles = "splitModules"
        case durationMilliseconds
        case redactedSecrets = "redactedSecrets"
        case redactedModules = "redactedModules"
        case notes
    }

    /// The exit status docgen uses for this summary: 0 when `ok`, 1 otherwise.
    public var exitCode: Int32 { status.exitCode }

    /// Key-sorted, snake_case JSON.
    public func jsonData() throws -> Data {
        try JSONEncoder.docgenOutput(snakeCaseKeys: true).encode(self)
    }

    /// Key-sorted, snake_case JSON with the pages' `truthfulness` and `completeness` (and the whole quality
    /// summary under `quality`) when they were checked.
    ///
    /// - Parameter quality: The end-of-run check, or nil.
    public func jsonData(quality: QualitySummary?) throws -> Data {
        guard let quality else { return try jsonData() }
        struct WithQuality: Encodable {
            var summary: RunSummary
            var quality: QualitySummary
            func encode(to encoder: any Encoder) throws {
                try summary.encode(to: encoder)
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(quality.truthfulness, forKey: Key("truthfulness"))
                try container.encode(quality.completeness, forKey: Key("completeness"))
                try container.encode(quality, forKey: Key("quality"))
            }
        }
        return try JSONEncoder.docgenOutput(snakeCaseKeys: true).encode(WithQuality(summary: self, quality: quality))
    }

    /// A few lines for the end of a run.
    public var humanReadable: String {
        var lines: [String] = []
        let head = status == .ok ? "done" : status.rawValue
        let count: (Int) -> String = HumanFormat.count
        let shardNote = shard.map { " (shard \($0))" } ?? ""
        let recoveredNote = recovered.isEmpty ? "" : " (\(count(recovered.count)) in a final round)"
        lines.append(
            "docgen \(head): \(count(files)) modules — \(count(documented)) documented\(recoveredNote), "
                + "\(count(cached)) unchanged, \(count(failed)) failed\(shardNote)")
        let tokens = "tokens \(count(promptTokens)) prompt + \(count(completionTokens)) completion"
        let seconds = HumanFormat.duration(seconds: durationMilliseconds / 1000)
        lines.append(
            "requests \(count(requests)), \(tokens), cost \(HumanFormat.usd(costUSD)), retries \(count(retries)), "
                + "truncated \(truncatedFiles), split \(splitFiles), \(seconds)")
        if streamFallbacks > 0 {
            lines.append("non-streamed fallbacks after cut streams: \(count(streamFallbacks))")
        }
        if let redactedSecrets, let redactedModules {
            lines.append(
                "redacted \(count(redactedSecrets)) secret\(redactedSecrets == 1 ? "" : "s") in "
                    + "\(count(redactedModules)) module\(redactedModules == 1 ? "" : "s") before prompting "
                    + "(counts per module in metrics.md; --no-redact turns it off)")
        }
        for note in notes ?? [] { lines.append(note) }
        for recovery in recovered {
            lines.append(
                "  recovered \(recovery.path) in final round \(recovery.round) (had failed: \(recovery.cause))")
        }
        for failure in failures { lines.append("  failed \(failure.path): \(failure.reason)") }
        if status == .stale {
            for path in stale { lines.append("  stale \(path)") }
        }
        lines.append("output: \(output)")
        return lines.joined(separator: "\n")
    }
}

/// A coding key made from a string.
struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ value: String) { stringValue = value }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
