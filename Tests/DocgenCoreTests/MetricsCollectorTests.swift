import DocgenCore
import Foundation
import Testing

struct MetricsCollectorTests {
    @Test func totalsAddUpAcrossConcurrentRecorders() async {
        let metrics = MetricsCollector()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<50 {
                group.addTask {
                    await metrics.recordRequest(
                        file: "m\(index % 5).py", promptTokens: 100, completionTokens: 10, costUSD: 0.001,
                        latencyMilliseconds: Double(index + 1), retries: index % 10 == 0 ? [.rateLimited: 1] : [:])
                }
            }
        }
        for index in 0..<5 {
            await metrics.recordOutcome(
                file: "m\(index).py", outcome: index == 4 ? .failed : .documented, reason: index == 4 ? "x" : nil,
                truncatedLines: index == 0 ? 12 : 0, plannedRequests: index == 1 ? 3 : 1)
        }
        let report = await metrics.report(model: "gpt-4o", provider: "openai", wallMilliseconds: 5)
        #expect(report.totals.files == 5)
        #expect(report.totals.documented == 4)
        #expect(report.totals.failed == 1)
        #expect(report.totals.requests == 50)
        #expect(report.totals.promptTokens == 5_000)
        #expect(report.totals.completionTokens == 500)
        #expect(abs(report.totals.costUSD - 0.05) < 1e-9)
        #expect(report.totals.retries == ["rate_limited": 5])
        #expect(report.totals.retryCount == 5)
        #expect(report.totals.truncatedFiles == 1)
        #expect(report.totals.splitFiles == 1)
        #expect(report.files.map(\.path) == ["m0.py", "m1.py", "m2.py", "m3.py", "m4.py"])
        #expect(report.totals.latencyP50Milliseconds == 25)
        #expect(report.totals.latencyP95Milliseconds == 48)
    }

    @Test func percentilesUseNearestRank() {
        #expect(MetricsReport.percentile([], 0.5) == nil)
        #expect(MetricsReport.percentile([7], 0.95) == 7)
        #expect(MetricsReport.percentile([1, 2, 3, 4], 0.5) == 2)
        #expect(MetricsReport.percentile([4, 3, 2, 1], 1.0) == 4)
    }
}

struct MetricsMergeTests {
    @Test func absorbedReportsKeepTheirLatenciesForPercentiles() async throws {
        let first = MetricsCollector()
        for latency in [10.0, 20.0, 30.0] {
            await first.recordRequest(
                file: "a.py", promptTokens: 1, completionTokens: 1, costUSD: 0, latencyMilliseconds: latency)
        }
        let second = MetricsCollector()
        await second.recordRequest(
            file: "b.py", promptTokens: 1, completionTokens: 1, costUSD: 0, latencyMilliseconds: 100)
        let firstReport = try MetricsReport.decode(
            try await first.report(model: "m", provider: "p", wallMilliseconds: 1).jsonData())
        let secondReport = try MetricsReport.decode(
            try await second.report(model: "m", provider: "p", wallMilliseconds: 1).jsonData())
        let merged = MetricsCollector()
        await merged.absorb(firstReport)
        await merged.absorb(secondReport)
        let report = await merged.report(model: "m", provider: "p", wallMilliseconds: 1)
        #expect(report.totals.requests == 4)
        #expect(report.totals.latencyP50Milliseconds == 20)
        #expect(report.totals.latencyP95Milliseconds == 100)
    }

    @Test func finalRoundFiguresSurviveAMergeAndOldReportsStillRead() async throws {
        let metrics = MetricsCollector()
        await metrics.recordFailedRetries(file: "a.py", retries: [.streamCut: 3], streamFallbacks: 1)
        await metrics.recordFinalRoundRetry(file: "a.py", cause: .streamCut)
        await metrics.recordRequest(
            file: "a.py", promptTokens: 5, completionTokens: 2, costUSD: 0, latencyMilliseconds: 3,
            retries: [.serverError: 1], streamFallbacks: 1)
        await metrics.recordRecovery(file: "a.py", round: 1)
        await metrics.recordOutcome(file: "a.py", outcome: .documented)
        let report = await metrics.report(model: "m", provider: "p", wallMilliseconds: 1)
        #expect(report.totals.retries == ["stream_cut": 4, "server_error": 1] && report.totals.retryCount == 5)
        #expect(report.totals.finalRoundRetries == ["stream_cut": 1] && report.totals.recoveredFiles == 1)
        #expect(report.totals.streamFallbacks == 2)
        #expect(try MetricsReport.decode(try report.jsonData()) == report)
        #expect(report.markdown.contains("- **Final-round retries:** 1 (stream_cut 1), 1 modules recovered"))
        #expect(report.markdown.contains("- **Non-streamed fallbacks after cut streams:** 2"))
        #expect(report.markdown.contains("2 non-streamed fallbacks, recovered in final round 1"))

        // A metrics.json from before these fields existed (docgen merge reads old shards).
        var json = try #require(try JSONSerialization.jsonObject(with: report.jsonData()) as? [String: Any])
        var totals = try #require(json["totals"] as? [String: Any])
        var modules = try #require(json["modules"] as? [[String: Any]])
        for key in ["stream_fallbacks", "final_round_retries", "recovered_modules"] { totals[key] = nil }
        for key in ["stream_fallbacks", "final_round_retries", "recovered_in_round"] { modules[0][key] = nil }
        json["totals"] = totals
        json["modules"] = modules
        let old = try MetricsReport.decode(try JSONSerialization.data(withJSONObject: json))
        #expect(old.files[0].streamFallbacks == 0 && old.files[0].recoveredInRound == nil)
        #expect(old.totals.finalRoundRetries.isEmpty && old.totals.retryCount == 5)
    }
}
