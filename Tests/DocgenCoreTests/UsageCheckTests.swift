import Foundation
import Testing

@testable import DocgenCore

struct UsageCheckTests {
    @Test func reportTotalsRedactionsAndFlagsPromptDifferences() async throws {
        let metrics = MetricsCollector()
        await metrics.recordRequest(
            file: "a.py", promptTokens: 1_000, completionTokens: 200, costUSD: 0.01, latencyMilliseconds: 5)
        await metrics.recordUsageCheck(
            file: "a.py", plannedPromptTokens: 1_000, serverPromptTokens: 1_000, expectedCostUSD: 0.01,
            billedCostUSD: 0.01)
        await metrics.recordUsageCheck(
            file: "b.py", plannedPromptTokens: 900, serverPromptTokens: 990, expectedCostUSD: 0.02,
            billedCostUSD: 0.022)
        await metrics.recordUsageCheck(
            file: "c.py", plannedPromptTokens: 500, serverPromptTokens: nil, expectedCostUSD: 0.005,
            billedCostUSD: 0.005)
        await metrics.recordRedactions(file: "a.py", counts: [.openAIKey: 2, .privateKey: 1])
        await metrics.recordRedactions(file: "c.py", counts: [:])
        for file in ["a.py", "b.py", "c.py"] { await metrics.recordOutcome(file: file, outcome: .documented) }
        let report = await metrics.report(model: "deepseek-chat", provider: "deepseek", wallMilliseconds: 10)
        #expect(report.totals.redactedSecrets == 3)
        #expect(report.totals.redactedModules == 1)
        let usage = try #require(report.totals.usage)
        #expect(usage.comparedRequests == 2)
        #expect(usage.plannedPromptTokens == 1_900)
        #expect(usage.serverPromptTokens == 1_990)
        #expect(usage.isFlagged)
        #expect(abs(usage.billedCostUSD - 0.037) < 1e-9)
        let markdown = report.markdown
        #expect(markdown.contains("3 secrets replaced by placeholders in 1 modules"))
        #expect(markdown.contains("- `a.py`: 2 openai-key, 1 private-key"))
        #expect(markdown.contains("**differs by +90"))
        #expect(markdown.contains("- `b.py`: planned 900, server 990 (+90)"))
        #expect(!markdown.contains("- `a.py`: planned"))
        let decoded = try MetricsReport.decode(try report.jsonData())
        #expect(decoded.totals.usage == report.totals.usage)
        #expect(decoded.files.first { $0.path == "a.py" }?.redactedSecrets == ["openai-key": 2, "private-key": 1])
        let json = String(decoding: try report.jsonData(), as: UTF8.self)
        #expect(!json.contains("sk-"))
    }

    @Test func identicalCountsAreNotFlagged() async {
        let metrics = MetricsCollector()
        await metrics.recordUsageCheck(
            file: "a.py", plannedPromptTokens: 10, serverPromptTokens: 10, expectedCostUSD: 0, billedCostUSD: 0)
        let report = await metrics.report(model: "gpt-4o", provider: "openai", wallMilliseconds: 1)
        #expect(report.totals.usage?.isFlagged == false)
        #expect(report.markdown.contains("planned 10, server 10 over 1 requests with usage — identical"))
    }
}
