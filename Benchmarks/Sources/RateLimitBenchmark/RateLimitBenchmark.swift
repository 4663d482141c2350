import DocgenCurl
import DocgenTestSupport
import DocgenTokens
import Foundation

/// Measures how much of a server's tokens-per-minute limit AIService uses, and whether it ever sends a request
/// before an announced `retry-after` has passed.
///
/// A loopback server enforces RPM and TPM token buckets (OpenAI's model: each request costs prompt tokens +
/// `max_tokens`), answering 429 with `retry-after-ms`/`retry-after` and `x-ratelimit-*` headers. Client and
/// server share a scaled clock, so a "minute" passes in `60 / scale` real seconds.
@main
enum RateLimitBenchmark {
    static func main() async {
        do {
            let options = try BenchmarkOptions.parse(Array(CommandLine.arguments.dropFirst()))
            exit(try await run(options) ? 0 : 1)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(2)
        }
    }

    static func run(_ options: BenchmarkOptions) async throws -> Bool {
        try CurlTransport.globalInit()
        let encoding = try Encoding.o200kBase()
        let target = Int(Double(options.tokensPerMinute) * (1 + options.minutes))
        let workload = try Workload.make(targetTokens: target, encoding: encoding)
        let realMinute = 60 / options.scale
        print("Rate-limit benchmark: AIService + CurlTransport against a loopback server enforcing token buckets")
        print(
            "  time scale ×\(format(options.scale, 1)): one limit minute = \(format(realMinute, 1)) real seconds; "
                + "limits, waits and headers are all in scaled time")
        print(
            "  server: \(options.tokensPerMinute) tokens/min and \(options.requestsPerMinute) requests/min of scaled "
                + "time (\(options.tokensPerMinute) tokens per \(format(realMinute, 1)) real s), answer delay "
                + "\(options.answerDelayMilliseconds) ms real")
        print(
            "  workload: \(workload.items.count) gpt-4o requests (o200k_base counts, max_tokens 600), "
                + "\(workload.totalCost) tokens = one full bucket + \(format(options.minutes, 2)) minutes of refill; "
                + "concurrency \(options.concurrency)")
        print(
            "  client: RateLimiter transit allowance \(format(options.transitAllowanceMilliseconds, 0)) ms scaled; "
                + "configured = limits set to the server's, adaptive = learnt from x-ratelimit-* headers, "
                + "disabled = no limits and no limit headers (only retry-after is honoured)")
        print("  utilisation = tokens the server accepted ÷ (bucket + refill over the run's scaled duration)")
        print("")
        let columns: [(String, Int)] = [
            ("mode", 11), ("requests", 9), ("failed", 7), ("429s", 6), ("early", 6), ("accepted tok", 13),
            ("admissible", 11), ("util", 8), ("scaled", 9), ("real", 7), ("conns", 0),
        ]
        print(columns.map { pad($0.0, $0.1) }.joined())
        var allMet = true
        for mode in options.modes {
            let report = try await BenchmarkRun(options: options, workload: workload, encoding: encoding).run(mode)
            let stats = report.statistics
            var row = pad(mode.rawValue, 11) + pad("\(stats.receivedRequests)", 9)
            row += pad("\(report.failed)", 7) + pad("\(stats.refusedRequests)", 6)
            row += pad("\(stats.earlyRequests)", 6) + pad("\(stats.acceptedTokens)", 13)
            row += pad("\(Int(report.admissibleTokens))", 11) + pad(format(report.utilisation * 100, 1) + "%", 8)
            row += pad(format(report.elapsed.seconds, 1) + "s", 9) + pad(format(report.realElapsed.seconds, 1) + "s", 7)
            row += "\(report.connections)"
            print(row)
            if mode != .disabled { allMet = allMet && report.meetsGoal }
        }
        print("")
        if options.modes.contains(.disabled) {
            print(
                "disabled: after each pause every waiting request is released at once; the first spends the refill "
                    + "and the others reach the server after its new 429 was sent, so they count as early.")
        }
        print(
            "requests = received by the server (retries included); early = received before an announced retry-after "
                + "expired; conns = TCP connections the server accepted; goal for the limited modes: util ≥ 90 % and 0 early — "
                + (allMet ? "met" : "NOT met"))
        return allMet
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    static func format(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
