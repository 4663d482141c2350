import DocgenCore
import DocgenTokens
import Foundation
import Testing

struct PlanReportTests {
    static func row(
        _ path: String, prompt: Int, requests: Int = 1, cut: Int = 0, cost: Double? = 0.01, error: String? = nil
    ) -> PlanReport.File {
        PlanReport.File(
            path: path, language: "Python", symbols: 1, sourceLines: 10, promptTokens: prompt,
            maxCompletionTokens: 100 * requests, truncatedLines: cut, requests: requests, estimatedCostUsd: cost,
            error: error)
    }

    @Test func totalsAddUpEveryRow() {
        let totals = PlanReport.Totals(of: [
            Self.row("a.py", prompt: 10), Self.row("b.py", prompt: 20, requests: 3, cut: 5),
            Self.row("c.py", prompt: 0, requests: 0, cost: nil, error: "does not fit"),
        ])
        #expect(totals.files == 3)
        #expect(totals.requests == 4)
        #expect(totals.promptTokens == 30)
        #expect(totals.maxCompletionTokens == 400)
        #expect(totals.truncatedFiles == 1)
        #expect(totals.splitFiles == 1)
        #expect(totals.failedFiles == 1)
        // A file that cannot fit has no cost and does not make the total unknown.
        #expect(abs((totals.estimatedCostUsd ?? -1) - 0.02) < 1e-12)
    }

    @Test func unknownPriceMakesTheTotalUnknown() {
        let totals = PlanReport.Totals(of: [Self.row("a.py", prompt: 10), Self.row("b.py", prompt: 1, cost: nil)])
        #expect(totals.estimatedCostUsd == nil)
    }

    @Test func jsonKeepsTheFieldNamesUsersDependOn() throws {
        let profile = try ModelRegistry.builtIn.profile(for: "gpt-4o")
        let report = PlanReport(
            model: "gpt-4o", profile: profile, promptBudget: 123_872, files: [Self.row("a.py", prompt: 10)],
            skipped: [])
        let object = try #require(try JSONSerialization.jsonObject(with: report.jsonData()) as? [String: Any])
        let totals = try #require(object["totals"] as? [String: Any])
        let file = try #require((object["modules"] as? [[String: Any]])?.first)
        #expect(
            Set(totals.keys) == [
                "modules", "requests", "prompt_tokens", "max_tokens", "estimated_cost_usd", "truncated_modules",
                "split_modules", "failed_modules",
            ])
        #expect(file["max_tokens"] as? Int == 100)
    }
}
